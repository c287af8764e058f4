package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.LoginResult.LoggedIn;
import org.hotdesk.core.login.LoginResult.Refused;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.login.OtpCode;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-time codes: 6 digits, 120 s, single use, tied to one user and one tenant (B3Networks). */
abstract class OtpLoginTest extends BackendTest {
    Tenant acme;
    User alice;
    User bob;
    Device desk;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        alice = hd.user(acme, "1001", "2581");
        bob = hd.user(acme, "1002", "7391");
        desk = hd.device(acme);
    }

    OtpCode otpFor(User user) {
        return hd.core().otps().generate(acme.id(), user.id(), TestHotdesk.ADMIN);
    }

    LoginResult dial(Device device, Credentials.Otp otp) {
        return hd.core().logins().login(device.id(), otp, SessionRulesTest.PHONE);
    }

    @Test
    void codeIsSixDigitsAndLivesTwoMinutes() {
        OtpCode otp = otpFor(alice);

        assertThat(otp.code()).matches("[0-9]{6}");
        assertThat(otp.expiresAt()).isEqualTo(hd.clock().instant().plusSeconds(120));
        assertThat(otp.toString()).doesNotContain(otp.code());
    }

    @Test
    void validCodeLogsItsOwnerIn() {
        OtpCode otp = otpFor(alice);

        LoginResult result = dial(desk, new Credentials.Otp(otp.code()));

        assertThat(result).isInstanceOfSatisfying(LoggedIn.class, in -> {
            assertThat(in.session().userId()).isEqualTo(alice.id());
            assertThat(in.session().method()).isEqualTo(LoginMethod.OTP);
        });
    }

    @Test
    void codeWorksAt119SecondsAndIsExpiredAt120() {
        OtpCode first = otpFor(alice);
        hd.clock().advance(Duration.ofSeconds(119));
        assertThat(dial(desk, new Credentials.Otp(first.code()))).isInstanceOf(LoggedIn.class);

        OtpCode second = otpFor(bob);
        hd.clock().advance(Duration.ofSeconds(120));
        assertThat(dial(desk, new Credentials.Otp(second.code()))).isEqualTo(new Refused(LoginRefusal.CODE_EXPIRED));
        assertThat(hd.core().sessions().openSessionOf(desk.id()).orElseThrow().userId()).isEqualTo(alice.id());
    }

    @Test
    void aUsedCodeIsRefusedTheSecondTime() {
        OtpCode otp = otpFor(alice);
        assertThat(dial(desk, new Credentials.Otp(otp.code()))).isInstanceOf(LoggedIn.class);
        Device other = hd.device(acme);

        assertThat(dial(other, new Credentials.Otp(otp.code()))).isEqualTo(new Refused(LoginRefusal.CODE_ALREADY_USED));
        assertThat(hd.core().sessions().openSessionOf(other.id())).isEmpty();
    }

    @Test
    void aCodeGivenWithSomeoneElsesExtensionIsRefused() {
        OtpCode otp = otpFor(alice);

        assertThat(dial(desk, new Credentials.Otp(otp.code(), "1002"))).isEqualTo(new Refused(LoginRefusal.INVALID_CODE));
        assertThat(dial(desk, new Credentials.Otp(otp.code(), "1001"))).isInstanceOf(LoggedIn.class);
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        OtpCode old = otpFor(alice);
        OtpCode fresh = otpFor(alice);

        assertThat(dial(desk, new Credentials.Otp(old.code()))).isInstanceOf(Refused.class);
        assertThat(dial(desk, new Credentials.Otp(fresh.code()))).isInstanceOf(LoggedIn.class);
    }

    @Test
    void unknownAndMalformedCodesAreInvalid() {
        otpFor(alice);

        assertThat(dial(desk, new Credentials.Otp("12345x"))).isEqualTo(new Refused(LoginRefusal.INVALID_CODE));
        assertThat(dial(desk, new Credentials.Otp(""))).isEqualTo(new Refused(LoginRefusal.INVALID_CODE));
    }

    @Test
    void aCodeOfOneTenantDoesNothingOnAnotherTenantsDevice() {
        OtpCode otp = otpFor(alice);
        Tenant other = hd.tenant("other.example");
        Device otherDesk = hd.device(other);

        assertThat(dial(otherDesk, new Credentials.Otp(otp.code()))).isEqualTo(new Refused(LoginRefusal.INVALID_CODE));
        assertThat(dial(desk, new Credentials.Otp(otp.code()))).isInstanceOf(LoggedIn.class);
    }

    @Test
    void noCodeForAUserWithoutHotDeskAccess() {
        hd.core().users().setHotDesk(acme.id(), bob.id(), false, TestHotdesk.ADMIN);

        assertThatThrownBy(() -> otpFor(bob)).isInstanceOf(ConflictException.class).hasMessageContaining("hot-desk");
    }
}
