package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls land in the history of the person at the desk, and hold off the idle timer while they last. */
abstract class CallRecordsTest extends BackendTest {
    Tenant acme;
    User alice;
    User bob;
    Device aliceDesk;
    Device bobDesk;
    Instant t0;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        alice = hd.user(acme, "1001", "1357");
        bob = hd.user(acme, "1002", "2468");
        aliceDesk = hd.device(acme);
        bobDesk = hd.device(acme);
        login(aliceDesk, alice);
        login(bobDesk, bob);
        t0 = hd.clock().instant();
    }

    void login(Device d, User u) {
        hd.core().logins().login(d.id(), new Credentials.Assigned(u.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
    }

    void call(String callId, Duration ringing, Duration talking) {
        hd.core().calls().started(acme.id(), callId, aliceDesk.id(), alice.id(), "1001", "1002", bob.id());
        hd.clock().advance(ringing);
        hd.core().calls().answered(acme.id(), callId, bobDesk.id());
        hd.clock().advance(talking);
        hd.core().calls().ended(acme.id(), callId, CallOutcome.ANSWERED);
    }

    boolean stillLoggedIn(Device d) {
        hd.core().timers().expireDue();
        return hd.core().sessions().openSessionOf(d.id()).isPresent();
    }

    @Test
    void aCallFromADeskIsInTheHistoryOfThePersonThereAndOfTheCallee() {
        call("c1", Duration.ofSeconds(5), Duration.ofSeconds(60));

        CallRecord r = hd.core().calls().history(acme.id(), alice.id(), 10).get(0);
        assertThat(r.caller()).isEqualTo("1001");
        assertThat(r.callerUserId()).isEqualTo(alice.id());
        assertThat(r.answeredDeviceId()).isEqualTo(bobDesk.id());
        assertThat(r.answeredAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(r.endedAt()).isEqualTo(t0.plusSeconds(65));
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(hd.core().calls().history(acme.id(), bob.id(), 10)).extracting(CallRecord::callId).containsExactly("c1");
    }

    @Test
    void theIdleTimeoutCountsFromTheEndOfTheCall() {
        hd.clock().advance(Duration.ofMinutes(3));
        call("c1", Duration.ofSeconds(5), Duration.ofMinutes(2));

        hd.clock().advance(Duration.ofMinutes(4));
        assertThat(stillLoggedIn(aliceDesk)).as("4 min after the call").isTrue();
        hd.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(stillLoggedIn(aliceDesk)).as("5 min after the call").isFalse();
        Session ended = hd.core().sessions().history(acme.id(), alice.id(), null, 1).get(0);
        assertThat(ended.endReason()).isEqualTo(LogoutReason.IDLE_TIMEOUT);
        assertThat(ended.endedAt()).isEqualTo(t0.plus(Duration.ofMinutes(10)).plusSeconds(5));
    }

    @Test
    void neitherDeskIsLoggedOutWhileTheCallLasts() {
        hd.core().calls().started(acme.id(), "long", aliceDesk.id(), alice.id(), "1001", "1002", bob.id());
        hd.core().calls().answered(acme.id(), "long", bobDesk.id());

        hd.clock().advance(Duration.ofMinutes(30));
        assertThat(stillLoggedIn(aliceDesk)).isTrue();
        assertThat(stillLoggedIn(bobDesk)).isTrue();

        hd.core().calls().ended(acme.id(), "long", CallOutcome.ANSWERED);
        hd.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(stillLoggedIn(aliceDesk)).isFalse();
        assertThat(stillLoggedIn(bobDesk)).isFalse();
    }

    @Test
    void aSecondEndChangesNothing() {
        hd.core().calls().started(acme.id(), "c1", aliceDesk.id(), alice.id(), "1001", "1002", bob.id());
        hd.core().calls().ended(acme.id(), "c1", CallOutcome.CANCELLED);
        hd.clock().advance(Duration.ofSeconds(3));
        hd.core().calls().ended(acme.id(), "c1", CallOutcome.ANSWERED);

        CallRecord r = hd.core().calls().history(acme.id(), alice.id(), 1).get(0);
        assertThat(r.outcome()).isEqualTo(CallOutcome.CANCELLED);
        assertThat(r.endedAt()).isEqualTo(t0);
    }

    @Test
    void historiesAreSealedPerTenant() {
        call("c1", Duration.ZERO, Duration.ofSeconds(10));
        Tenant other = hd.tenant("other.example");
        User carol = hd.user(other, "1001", "6283");

        assertThat(hd.core().calls().history(other.id(), null, 10)).isEmpty();
        assertThat(hd.core().calls().history(other.id(), carol.id(), 10)).isEmpty();
        assertThat(hd.core().calls().history(acme.id(), null, 10)).hasSize(1);
    }

    @Test
    void theDeskThatAnswersIsNotLoggedOutWhileTheCallLasts() {
        // the caller is on their own phone: only the callee's answering desk holds a session
        User carol = hd.user(acme, "1003", "3579");
        hd.core().calls().started(acme.id(), "in", null, carol.id(), "1003", "1002", bob.id());
        hd.clock().advance(Duration.ofSeconds(4));
        hd.core().calls().answered(acme.id(), "in", bobDesk.id());

        hd.clock().advance(Duration.ofMinutes(20));
        assertThat(stillLoggedIn(bobDesk)).as("mid-call").isTrue();
        assertThat(stillLoggedIn(aliceDesk)).as("no call on it").isFalse();

        hd.core().calls().ended(acme.id(), "in", CallOutcome.ANSWERED);
        hd.clock().advance(Duration.ofMinutes(4));
        assertThat(stillLoggedIn(bobDesk)).isTrue();
        hd.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(stillLoggedIn(bobDesk)).isFalse();
        assertThat(hd.core().calls().history(acme.id(), carol.id(), 10)).extracting(CallRecord::callerDeviceId)
                .containsExactly((Long) null);
    }

    @Test
    void aRetriedCallIdIsOneCallAndDoesNotHoldTheDesk() {
        CallRecord first = hd.core().calls().started(acme.id(), "c1", aliceDesk.id(), alice.id(), "1001", "1002", bob.id());
        hd.clock().advance(Duration.ofSeconds(2));
        CallRecord again = hd.core().calls().started(acme.id(), "c1", aliceDesk.id(), alice.id(), "1001", "1002", bob.id());
        hd.core().calls().ended(acme.id(), "c1", CallOutcome.NO_ANSWER);

        assertThat(again).isEqualTo(first);
        assertThat(hd.core().calls().history(acme.id(), null, 10)).hasSize(1);
        hd.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(stillLoggedIn(aliceDesk)).isFalse();
    }

    @Test
    void anIdleDeskCallingAnEmergencyNumberIsInTheTenantHistoryOnly() {
        Device lobby = hd.device(acme);
        hd.core().calls().started(acme.id(), "sos", lobby.id(), null, lobby.sipUsername(), "112", null);
        hd.core().calls().answered(acme.id(), "sos", null);
        hd.core().calls().ended(acme.id(), "sos", CallOutcome.ANSWERED);

        CallRecord r = hd.core().calls().history(acme.id(), null, 10).get(0);
        assertThat(r.caller()).isEqualTo(lobby.sipUsername());
        assertThat(r.callerUserId()).isNull();
        assertThat(r.answeredAt()).isEqualTo(t0);
        assertThat(hd.core().calls().history(acme.id(), alice.id(), 10)).isEmpty();
    }

    @Test
    void unknownCallsAreIgnoredAndOverlongValuesNamed() {
        hd.core().calls().answered(acme.id(), "nobody", bobDesk.id());
        hd.core().calls().ended(acme.id(), "nobody", CallOutcome.FAILED);
        assertThatThrownBy(() -> hd.core().calls().started(acme.id(), "x".repeat(256), aliceDesk.id(), alice.id(),
                "1001", "1002", bob.id())).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("callId:");

        assertThat(hd.core().calls().history(acme.id(), null, 10)).isEmpty();
        hd.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(stillLoggedIn(bobDesk)).as("the unknown answer did not count as a call").isFalse();
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        call("c1", Duration.ZERO, Duration.ofSeconds(10));
        call("c2", Duration.ZERO, Duration.ofSeconds(10));
        call("c3", Duration.ZERO, Duration.ofSeconds(10));

        assertThat(hd.core().calls().history(acme.id(), alice.id(), 2)).extracting(CallRecord::callId)
                .containsExactly("c3", "c2");
    }

    @Test
    void aCallWhoseEndNeverCameIsEndedAfterTheLimitAndTheDeskLogsOutAgain() {
        hd.core().calls().started(acme.id(), "lost-bye", aliceDesk.id(), alice.id(), "1001", "1002", bob.id());
        hd.core().calls().answered(acme.id(), "lost-bye", bobDesk.id());

        hd.clock().advance(Duration.ofHours(11));
        assertThat(hd.core().calls().endAbandoned(Duration.ofHours(12))).isZero();
        assertThat(stillLoggedIn(aliceDesk)).as("the call might still be up").isTrue();

        hd.clock().advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(hd.core().calls().endAbandoned(Duration.ofHours(12))).isEqualTo(1);
        assertThat(hd.core().calls().history(acme.id(), alice.id(), 1).get(0).outcome()).isEqualTo(CallOutcome.FAILED);
        hd.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(stillLoggedIn(aliceDesk)).isFalse();
        assertThat(stillLoggedIn(bobDesk)).isFalse();
    }
}
