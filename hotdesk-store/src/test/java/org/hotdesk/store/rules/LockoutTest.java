package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.login.LoginCounts;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.LoginResult.LoggedIn;
import org.hotdesk.core.login.LoginResult.Refused;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Five failures in 15 minutes lock that device / that user for 15 minutes. */
abstract class LockoutTest extends BackendTest {
    static final Refused WRONG = new Refused(LoginRefusal.INVALID_CREDENTIALS);
    static final Refused LOCKED = new Refused(LoginRefusal.LOCKED);

    Tenant acme;
    User alice;
    Device desk1;
    Device desk2;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        alice = hd.user(acme, "1001", "2581");
        hd.user(acme, "1002", "7391");
        desk1 = hd.device(acme);
        desk2 = hd.device(acme);
    }

    LoginResult pin(Device device, String extension, String pin) {
        return hd.core().logins().login(device.id(), new Credentials.ExtensionPin(extension, pin), SessionRulesTest.PHONE);
    }

    @Test
    void fiveWrongPinsLockTheUserForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(pin(desk1, "1001", "9402")).isEqualTo(WRONG);
        }

        assertThat(pin(desk1, "1001", "2581")).as("right PIN while locked").isEqualTo(LOCKED);
        hd.clock().advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(pin(desk2, "1001", "2581")).as("a locked user stays locked on any device").isEqualTo(LOCKED);
        hd.clock().advance(Duration.ofSeconds(1));
        assertThat(pin(desk2, "1001", "2581")).isInstanceOf(LoggedIn.class);
    }

    @Test
    void everyDecisionIsCountedForMetricsByMethodAndResult() {
        LoginCounts counts = hd.core().logins().counts();
        for (int i = 0; i < 5; i++) {
            pin(desk1, "1001", "9402");
        }
        pin(desk2, "1001", "2581");
        pin(desk2, "1002", "7391");

        assertThat(counts.refused(LoginMethod.FEATURE_CODE_PIN, LoginRefusal.INVALID_CREDENTIALS)).isEqualTo(5);
        assertThat(counts.refused(LoginMethod.FEATURE_CODE_PIN, LoginRefusal.LOCKED)).isEqualTo(1);
        assertThat(counts.accepted(LoginMethod.FEATURE_CODE_PIN)).isEqualTo(1);
        assertThat(counts.lockouts()).as("the user was locked once; the desk has its own count").isEqualTo(2);
        assertThat(counts.accepted(LoginMethod.OTP)).isZero();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        for (int i = 0; i < 4; i++) {
            pin(desk1, "1001", "9402");
        }
        hd.clock().advance(Duration.ofMinutes(16));

        assertThat(pin(desk1, "1001", "9402")).isEqualTo(WRONG);
        assertThat(pin(desk1, "1001", "2581")).isInstanceOf(LoggedIn.class);
    }

    @Test
    void scanningUnknownExtensionsLocksTheDevice() {
        for (int i = 0; i < 5; i++) {
            assertThat(pin(desk1, "90" + i, "6283")).isEqualTo(WRONG);
        }

        assertThat(pin(desk1, "1002", "7391")).as("locked device refuses even a right PIN").isEqualTo(LOCKED);
        assertThat(pin(desk2, "1002", "7391")).as("other devices keep working").isInstanceOf(LoggedIn.class);
        assertThat(hd.core().attempts().isLocked(acme.id(), LockKey.device(desk1.id()))).isTrue();
    }

    @Test
    void wrongOtpCodesCountTowardsTheSameLockout() {
        for (int i = 0; i < 3; i++) {
            pin(desk1, "1001", "9402");
        }
        hd.core().logins().login(desk1.id(), new Credentials.Otp("000000"), SessionRulesTest.PHONE);
        hd.core().logins().login(desk1.id(), new Credentials.Otp("000001"), SessionRulesTest.PHONE);

        var otp = hd.core().otps().generate(acme.id(), alice.id(), TestHotdesk.ADMIN);
        assertThat(hd.core().logins().login(desk1.id(), new Credentials.Otp(otp.code()), SessionRulesTest.PHONE))
                .isEqualTo(LOCKED);
    }

    @Test
    void aLockedUsersCodeIsNotSpentAndWorksOnceTheLockIsOver() {
        var otp = hd.core().otps().generate(acme.id(), alice.id(), TestHotdesk.ADMIN);
        for (int i = 0; i < 5; i++) {
            pin(desk2, "1001", "9402");
        }

        assertThat(hd.core().logins().login(desk1.id(), new Credentials.Otp(otp.code()), SessionRulesTest.PHONE))
                .as("the user is locked, whichever desk the code is dialled at").isEqualTo(LOCKED);
        hd.core().attempts().unlock(acme.id(), LockKey.user(alice.id()), TestHotdesk.ADMIN);
        assertThat(hd.core().logins().login(desk1.id(), new Credentials.Otp(otp.code()), SessionRulesTest.PHONE))
                .isInstanceOfSatisfying(LoggedIn.class, in -> assertThat(in.user().id()).isEqualTo(alice.id()));
    }

    @Test
    void aSuccessfulLoginForgivesEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            pin(desk1, "1001", "9402");
        }
        assertThat(pin(desk1, "1001", "2581")).isInstanceOf(LoggedIn.class);

        for (int i = 0; i < 4; i++) {
            assertThat(pin(desk1, "1001", "9402")).isEqualTo(WRONG);
        }
        assertThat(pin(desk1, "1001", "2581")).isInstanceOf(LoggedIn.class);
    }

    @Test
    void anAdminCanUnlockAUser() {
        for (int i = 0; i < 5; i++) {
            pin(desk1, "1001", "9402");
        }
        hd.core().attempts().unlock(acme.id(), LockKey.user(alice.id()), TestHotdesk.ADMIN);
        hd.core().attempts().unlock(acme.id(), LockKey.device(desk1.id()), TestHotdesk.ADMIN);

        assertThat(pin(desk1, "1001", "2581")).isInstanceOf(LoggedIn.class);
        assertThat(hd.core().ports().audit().list(acme.id(), 50)).anySatisfy(r ->
                assertThat(r.action()).isEqualTo("lockout.unlocked"));
    }
}
