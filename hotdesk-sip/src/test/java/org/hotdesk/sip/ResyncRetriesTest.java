package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.resync.ResyncOutcome.State;
import org.hotdesk.core.resync.ResyncOutcome;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.stack.SipTimers;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.Test;

/**
 * Re-sync NOTIFYs a phone leaves unanswered or refuses for now are sent again, a bounded number of times; what
 * each desk's last re-sync came to is kept for the admin. Timers are shrunk: a NOTIFY goes unanswered after
 * 64×20 ms, retries follow after 50, 100 and 200 ms. The desks talk TCP, so each NOTIFY arrives once (no UDP
 * repeats) and no request of theirs is dropped for having waited longer than the short T1.
 */
class ResyncRetriesTest extends SipTestBase {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String YEALINK_EVENT = "check-sync;reboot=false";

    @Override
    SipTimers transactionTimers() {
        return new SipTimers(Duration.ofMillis(20), Duration.ofMillis(160), Duration.ofMillis(100));
    }

    @Override
    ResyncPolicy resyncPolicy() {
        return new ResyncPolicy(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200)));
    }

    @Test
    void aNotifyLeftUnansweredAndThenRefusedForNowIsSentAgainUntilThePhoneTakesIt() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        TestPhone desk = tcpDesk(device);

        loginByAdmin(device, alice);

        SipMessage first = desk.awaitRequest("NOTIFY");   // left unanswered: the phone is busy rebooting its switch
        SipMessage second = nextNotify(desk, Set.of(first.callId()));
        assertThat(second.header("Event")).isEqualTo(YEALINK_EVENT);
        desk.reply(second, 503, "Service Unavailable");
        SipMessage third = nextNotify(desk, Set.of(first.callId(), second.callId()));
        assertThat(third.header("Event")).isEqualTo(YEALINK_EVENT);
        desk.reply(third, 200, "OK");

        ResyncOutcome outcome = awaitOutcome(device, o -> o.state() == State.ANSWERED);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.attempt()).isEqualTo(3);
        assertThat(outcome.event()).isEqualTo(YEALINK_EVENT);
        assertThat(outcome.contact()).isEqualTo(desk.contact());
        assertThat(outcome.detail()).isEqualTo("200 OK");
    }

    @Test
    void aPhoneThatRefusesTheEventIsNotAskedAgainAndTheAdminSeesWhy() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        Device refusing = hd.device(acme);
        Device busy = hd.device(acme);
        TestPhone refuses = tcpDesk(refusing);
        TestPhone isBusy = tcpDesk(busy);
        loginByAdmin(refusing, alice);
        loginByAdmin(busy, bob);

        refuses.reply(refuses.awaitRequest("NOTIFY"), 489, "Bad Event");
        ResyncOutcome outcome = awaitOutcome(refusing, o -> o.state() != State.SENT);
        SipMessage busyFirst = isBusy.awaitRequest("NOTIFY");
        isBusy.reply(busyFirst, 503, "Service Unavailable");

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.status()).isEqualTo(489);
        assertThat(outcome.detail()).isEqualTo("489 Bad Event");
        assertThat(outcome.attempt()).isEqualTo(1);
        // the busy desk's retry, due after the one a 489 would have had, is the sign that one would have gone by now
        isBusy.reply(nextNotify(isBusy, Set.of(busyFirst.callId())), 200, "OK");
        assertThat(refuses.receives(m -> "NOTIFY".equals(m.method()), Duration.ofMillis(300))).isFalse();
        assertThat(resyncs.of(refusing.id())).contains(outcome);
    }

    @Test
    void aPhoneThatNeverAnswersGetsFourNotifiesThenTheReSyncIsFailed() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        TestPhone desk = tcpDesk(device);

        loginByAdmin(device, alice);

        Set<String> attempts = new HashSet<>();
        for (int i = 0; i < 4; i++) attempts.add(nextNotify(desk, attempts).callId());
        ResyncOutcome outcome = awaitOutcome(device, o -> o.state() == State.FAILED);
        assertThat(outcome.detail()).isEqualTo("no answer after 4 attempts");
        assertThat(outcome.status()).isNull();
        assertThat(outcome.attempt()).isEqualTo(4);
        // given up when the fourth went unanswered: the longest retry delay (200 ms) passes with no fifth
        assertThat(desk.receives(m -> "NOTIFY".equals(m.method()), Duration.ofMillis(500))).isFalse();
        assertThat(attempts).hasSize(4);
    }

    @Test
    void aNewerChangeSupersedesTheRetryOfAnOlderOne() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        Device device = hd.device(acme);
        Device witness = hd.device(acme);
        TestPhone desk = tcpDesk(device);
        TestPhone other = tcpDesk(witness);

        loginByAdmin(device, alice);
        SipMessage login = desk.awaitRequest("NOTIFY");             // unanswered for now
        loginByAdmin(witness, bob);
        SipMessage witnessFirst = other.awaitRequest("NOTIFY");     // unanswered: it will be retried
        core().devices().rename(acme.id(), device.id(), "Window seat", null, TestHotdesk.ADMIN);
        SipMessage rename = nextNotify(desk, Set.of(login.callId()));
        desk.reply(rename, 200, "OK");

        // the witness's retry comes after the login NOTIFY's would have: by then that one would have gone out
        other.reply(nextNotify(other, Set.of(witnessFirst.callId())), 200, "OK");
        assertThat(desk.receives(m -> "NOTIFY".equals(m.method()), Duration.ofMillis(300))).isFalse();
        ResyncOutcome outcome = resyncs.of(device.id()).orElseThrow();
        assertThat(outcome.state()).as("the rename's answer, not the login's silence").isEqualTo(State.ANSWERED);
        assertThat(outcome.attempt()).isEqualTo(1);
    }

    @Test
    void aPhoneThatUnregisteredIsNotSentTheRetry() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        TestPhone desk = tcpDesk(device);
        loginByAdmin(device, alice);
        SipMessage first = desk.awaitRequest("NOTIFY");             // unanswered

        assertThat(desk.register(0).status()).isEqualTo(200);

        ResyncOutcome outcome = awaitOutcome(device, o -> o.state() == State.NOT_REGISTERED);
        assertThat(outcome.detail()).isEqualTo("unregistered before attempt 2");
        assertThat(desk.receives(m -> "NOTIFY".equals(m.method()) && !m.callId().equals(first.callId()),
                Duration.ofMillis(300))).isFalse();
    }

    @Test
    void aChangeAtAnUnregisteredDeskIsShownAsNotRegistered() {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        assertThat(resyncs.of(device.id())).as("nothing since the start").isEmpty();

        loginByAdmin(device, alice);

        ResyncOutcome outcome = awaitOutcome(device, o -> true);
        assertThat(outcome.state()).isEqualTo(State.NOT_REGISTERED);
        assertThat(outcome.contact()).isNull();
    }

    /** A desk phone on one TCP connection, registered with its device account. */
    private TestPhone tcpDesk(Device device) {
        TestPhone phone = TestPhone.overTcp(server.port(), device.sipUsername(), device.sipPassword(), acme.domain(),
                "Yealink SIP-T54W 96.86.0.100 " + device.mac().value());
        phones.add(phone);
        assertThat(phone.register(300).status()).isEqualTo(200);
        return phone;
    }

    /** The next NOTIFY that is a new attempt (a Call-ID not seen yet). */
    private static SipMessage nextNotify(TestPhone phone, Set<String> seen) {
        return phone.await(m -> "NOTIFY".equals(m.method()) && !seen.contains(m.callId()), WAIT, "a new NOTIFY");
    }

    /** Waits for the desk's last outcome to become what the test expects (the server records it on its own threads). */
    private ResyncOutcome awaitOutcome(Device device, Predicate<ResyncOutcome> wanted) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            var outcome = resyncs.of(device.id());
            if (outcome.isPresent() && wanted.test(outcome.get())) return outcome.get();
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError("no such re-sync outcome within " + WAIT + "; last: " + resyncs.of(device.id()));
    }
}
