package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.event.SessionEvent;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.LoginResult.LoggedIn;
import org.hotdesk.core.login.LoginResult.Refused;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.login.PinProof;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may sit where: displacement, multiple-login policies, access and tenant isolation. */
abstract class SessionRulesTest extends BackendTest {
    static final Actor PHONE = Actor.device("test-phone");

    Tenant acme;
    User alice;
    User bob;
    Device desk1;
    Device desk2;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        alice = hd.user(acme, "1001", "2581");
        bob = hd.user(acme, "1002", "7391");
        desk1 = hd.device(acme);
        desk2 = hd.device(acme);
    }

    LoginResult pinLogin(Device device, String extension, String pin) {
        return hd.core().logins().login(device.id(), new Credentials.ExtensionPin(extension, pin), PHONE);
    }

    Session loggedIn(LoginResult result) {
        assertThat(result).isInstanceOf(LoggedIn.class);
        return ((LoggedIn) result).session();
    }

    void setMultipleLogin(MultipleLoginPolicy policy) {
        TenantSettings s = acme.settings();
        hd.core().tenants().updateSettings(acme.id(), new TenantSettings(s.sessionPolicy(), policy, s.lockout(),
                s.otp(), s.timeZone(), s.emergencyNumbers(), s.routing(), s.featureCodes()), TestHotdesk.ADMIN);
    }

    @Test
    void pinLoginOpensASessionForThatUser() {
        Session session = loggedIn(pinLogin(desk1, "1001", "2581"));

        assertThat(session.userId()).isEqualTo(alice.id());
        assertThat(session.method()).isEqualTo(LoginMethod.FEATURE_CODE_PIN);
        assertThat(hd.core().sessions().openSessionOf(desk1.id())).contains(session);
    }

    @Test
    void secondLoginDisplacesFirstUser() {
        Session first = loggedIn(pinLogin(desk1, "1001", "2581"));

        LoggedIn second = (LoggedIn) pinLogin(desk1, "1002", "7391");

        assertThat(second.displaced()).isPresent();
        assertThat(second.displaced().get().id()).isEqualTo(first.id());
        assertThat(second.displaced().get().endReason()).isEqualTo(LogoutReason.DISPLACED);
        assertThat(hd.core().sessions().openSessionOf(desk1.id()).orElseThrow().userId()).isEqualTo(bob.id());
        assertThat(hd.core().sessions().history(acme.id(), alice.id(), null, 10))
                .singleElement().satisfies(s -> assertThat(s.endReason()).isEqualTo(LogoutReason.DISPLACED));
    }

    @Test
    void sameUserLoggingInAgainKeepsTheSession() {
        Session first = loggedIn(pinLogin(desk1, "1001", "2581"));

        Session again = loggedIn(pinLogin(desk1, "1001", "2581"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(hd.core().sessions().listOpen(acme.id())).hasSize(1);
    }

    @Test
    void autoLogoutOtherEndsTheUsersPreviousSession() {
        Session onDesk1 = loggedIn(pinLogin(desk1, "1001", "2581"));

        LoggedIn onDesk2 = (LoggedIn) pinLogin(desk2, "1001", "2581");

        assertThat(onDesk2.loggedOutElsewhere()).extracting(Session::id).containsExactly(onDesk1.id());
        assertThat(onDesk2.loggedOutElsewhere().get(0).endReason()).isEqualTo(LogoutReason.LOGGED_IN_ELSEWHERE);
        assertThat(hd.core().sessions().openSessionOf(desk1.id())).isEmpty();
        assertThat(hd.core().sessions().openSessionOf(desk2.id())).isPresent();
    }

    @Test
    void allowPolicyKeepsBothSessions() {
        setMultipleLogin(MultipleLoginPolicy.ALLOW);
        loggedIn(pinLogin(desk1, "1001", "2581"));

        loggedIn(pinLogin(desk2, "1001", "2581"));

        assertThat(hd.core().sessions().listOpen(acme.id())).extracting(Session::deviceId)
                .containsExactlyInAnyOrder(desk1.id(), desk2.id());
    }

    @Test
    void denyPolicyRefusesASecondDeviceAndKeepsTheFirst() {
        setMultipleLogin(MultipleLoginPolicy.DENY);
        Session first = loggedIn(pinLogin(desk1, "1001", "2581"));

        LoginResult second = pinLogin(desk2, "1001", "2581");

        assertThat(second).isEqualTo(new Refused(LoginRefusal.LOGGED_IN_ELSEWHERE));
        assertThat(hd.core().sessions().listOpen(acme.id())).extracting(Session::id).containsExactly(first.id());
    }

    @Test
    void wrongPinAndUnknownExtensionGetTheSameAnswer() {
        assertThat(pinLogin(desk1, "1001", "3716")).isEqualTo(new Refused(LoginRefusal.INVALID_CREDENTIALS));
        assertThat(pinLogin(desk1, "4711", "2581")).isEqualTo(new Refused(LoginRefusal.INVALID_CREDENTIALS));
        assertThat(pinLogin(desk1, "not-an-extension", "2581")).isEqualTo(new Refused(LoginRefusal.INVALID_CREDENTIALS));
        assertThat(hd.core().sessions().listOpen(acme.id())).isEmpty();
    }

    @Test
    void userWithoutHotDeskAccessIsRefused() {
        hd.core().users().setHotDesk(acme.id(), alice.id(), false, TestHotdesk.ADMIN);

        assertThat(pinLogin(desk1, "1001", "2581")).isEqualTo(new Refused(LoginRefusal.HOT_DESK_NOT_ALLOWED));
    }

    @Test
    void disablingAUserLogsThemOutAndRefusesLogins() {
        loggedIn(pinLogin(desk1, "1001", "2581"));

        hd.core().users().setEnabled(acme.id(), alice.id(), false, TestHotdesk.ADMIN);

        assertThat(hd.core().sessions().history(acme.id(), alice.id(), null, 1)).singleElement()
                .satisfies(s -> assertThat(s.endReason()).isEqualTo(LogoutReason.USER_DISABLED));
        assertThat(pinLogin(desk1, "1001", "2581")).isEqualTo(new Refused(LoginRefusal.USER_DISABLED));
    }

    @Test
    void disabledDeviceRefusesLogins() {
        hd.core().devices().setEnabled(acme.id(), desk1.id(), false, TestHotdesk.ADMIN);

        assertThat(pinLogin(desk1, "1001", "2581")).isEqualTo(new Refused(LoginRefusal.DEVICE_DISABLED));
    }

    @Test
    void removingADeviceEndsItsSessionAndKeepsHistory() {
        Session session = loggedIn(pinLogin(desk1, "1001", "2581"));

        hd.core().devices().remove(acme.id(), desk1.id(), TestHotdesk.ADMIN);

        assertThat(hd.core().sessions().history(acme.id(), null, desk1.id(), 10)).singleElement()
                .satisfies(s -> {
                    assertThat(s.id()).isEqualTo(session.id());
                    assertThat(s.endReason()).isEqualTo(LogoutReason.DEVICE_REMOVED);
                });
        assertThat(pinLogin(desk1, "1001", "2581")).isEqualTo(new Refused(LoginRefusal.UNKNOWN_DEVICE));
        assertThat(hd.core().devices().list(acme.id())).extracting(Device::id).doesNotContain(desk1.id());
    }

    @Test
    void userLogoutEndsTheSessionAndLogoutOfAnIdleDeviceChangesNothing() {
        loggedIn(pinLogin(desk1, "1001", "2581"));

        assertThat(hd.core().sessions().logout(desk1.id(), LogoutReason.USER, PHONE))
                .hasValueSatisfying(s -> assertThat(s.endReason()).isEqualTo(LogoutReason.USER));
        assertThat(hd.core().sessions().logout(desk1.id(), LogoutReason.USER, PHONE)).isEmpty();
        assertThat(hd.core().sessions().history(acme.id(), null, null, 10)).hasSize(1);
    }

    @Test
    void adminCanAssignAndForceLogout() {
        Session session = loggedIn(hd.core().logins().login(desk1.id(),
                new Credentials.Assigned(bob.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN));
        assertThat(session.method()).isEqualTo(LoginMethod.ADMIN);

        Session ended = hd.core().sessions().logoutSession(acme.id(), session.id(), LogoutReason.ADMIN, TestHotdesk.ADMIN);

        assertThat(ended.endReason()).isEqualTo(LogoutReason.ADMIN);
        assertThat(ended.endedBy()).isEqualTo("admin:test");
    }

    @Test
    void phoneKeyLoginIsRecordedAsSuch() {
        hd.core().tenants().updateSettings(acme.id(), hd.core().tenants().get(acme.id()).settings().withPhoneKeyLogin(true),
                TestHotdesk.ADMIN);
        hd.core().users().setPin(acme.id(), hd.core().users().byExtension(acme.id(), "1002").id(), "7391",
                TestHotdesk.ADMIN);
        Session session = loggedIn(hd.core().logins().login(desk1.id(), new Credentials.PhoneKey("1002", PinProof.pin("7391")), PHONE));

        assertThat(session.method()).isEqualTo(LoginMethod.PHONE_KEY);
    }

    @Test
    void aUserOfOneTenantCannotLogInOnAnotherTenantsDevice() {
        Tenant other = hd.tenant("other.example");
        hd.user(other, "2001", "8526");
        Device otherDesk = hd.device(other);

        assertThat(pinLogin(otherDesk, "1001", "2581")).isEqualTo(new Refused(LoginRefusal.INVALID_CREDENTIALS));
        assertThatThrownBy(() -> hd.core().logins().login(otherDesk.id(),
                new Credentials.Assigned(alice.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> hd.core().sessions().logoutSession(other.id(),
                loggedIn(pinLogin(desk1, "1001", "2581")).id(), LogoutReason.ADMIN, TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
        assertThat(hd.core().sessions().listOpen(other.id())).isEmpty();
    }

    @Test
    void everyChangeIsAuditedWithActorAndReason() {
        loggedIn(pinLogin(desk1, "1001", "2581"));
        pinLogin(desk1, "1002", "7391");
        pinLogin(desk1, "1002", "9753");

        List<AuditRecord> audit = hd.core().ports().audit().list(acme.id(), 50);

        assertThat(audit).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("session.ended");
            assertThat(r.reason()).isEqualTo("DISPLACED");
            assertThat(r.actor()).isEqualTo(PHONE);
        });
        assertThat(audit).filteredOn(r -> r.action().equals("session.started")).hasSize(2);
        assertThat(audit).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("login.refused");
            assertThat(r.reason()).isEqualTo("INVALID_CREDENTIALS");
        });
        // a PIN never reaches the audit log
        assertThat(audit).noneSatisfy(r -> assertThat(String.valueOf(r.detail())).contains("9753"));
    }

    @Test
    void eventsAnnounceCommittedChangesInOrder() {
        List<SessionEvent> seen = new CopyOnWriteArrayList<>();
        hd.core().events().subscribe(e -> {
            if (e instanceof SessionEvent s) seen.add(s);
        });
        loggedIn(pinLogin(desk1, "1001", "2581"));

        pinLogin(desk1, "1002", "7391");

        assertThat(seen).extracting(e -> e.getClass().getSimpleName() + ":" + e.session().userId())
                .containsExactly("Started:" + alice.id(), "Ended:" + alice.id(), "Started:" + bob.id());
        assertThat(seen).allSatisfy(e -> assertThat(e.device().id()).isEqualTo(desk1.id()));
    }

    @Test
    void twoSimultaneousLoginsOnOneDeviceLeaveOneSessionAndOneDisplacement() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                hd.core().sessions().logout(desk1.id(), LogoutReason.USER, PHONE);
                int historyBefore = hd.core().sessions().history(acme.id(), null, desk1.id(), 1000).size();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<LoginResult>> results = new ArrayList<>();
                results.add(pool.submit(() -> {
                    start.await();
                    return pinLogin(desk1, "1001", "2581");
                }));
                results.add(pool.submit(() -> {
                    start.await();
                    return pinLogin(desk1, "1002", "7391");
                }));
                start.countDown();
                for (Future<LoginResult> f : results) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(LoggedIn.class);
                }

                List<Session> sessions = hd.core().sessions().history(acme.id(), null, desk1.id(), 1000);
                List<Session> thisRound = sessions.subList(0, sessions.size() - historyBefore);
                assertThat(thisRound).hasSize(2);
                assertThat(thisRound).filteredOn(Session::isOpen).hasSize(1);
                assertThat(thisRound).filteredOn(s -> s.endReason() == LogoutReason.DISPLACED).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenSessionOnADevice() {
        hd.core().ports().sessions().insert(acme.id(), desk1.id(), alice.id(), LoginMethod.ADMIN,
                hd.clock().instant(), false, null);

        assertThatThrownBy(() -> hd.core().ports().sessions().insert(acme.id(), desk1.id(), bob.id(),
                LoginMethod.ADMIN, hd.clock().instant(), false, null))
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("sessions_one_open_per_device"));
        assertThat(hd.core().sessions().listOpen(acme.id())).hasSize(1);
    }

    @Test
    void theDatabaseItselfRefusesASecondExclusiveSessionOfAUser() {
        hd.core().ports().sessions().insert(acme.id(), desk1.id(), alice.id(), LoginMethod.ADMIN,
                hd.clock().instant(), true, null);

        assertThatThrownBy(() -> hd.core().ports().sessions().insert(acme.id(), desk2.id(), alice.id(),
                LoginMethod.ADMIN, hd.clock().instant(), true, null))
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("sessions_one_open_per_user"));
    }
}
