package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.LoginResult.LoggedIn;
import org.hotdesk.core.login.LoginResult.Refused;
import org.hotdesk.core.login.OtpCode;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deleting a person: logged out first, gone for every look-up, extension free again, history keeps their name. */
abstract class UserDeletionTest extends BackendTest {
    Tenant acme;
    User alice;
    Device desk;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        alice = hd.user(acme, "1001", "2581");
        desk = hd.device(acme);
    }

    @Test
    void deletingLogsThePersonOutOfEveryDeskFirst() {
        Device other = hd.device(acme);
        hd.core().tenants().updateSettings(acme.id(), hd.core().tenants().get(acme.id()).settings()
                .withMultipleLogin(MultipleLoginPolicy.ALLOW), TestHotdesk.ADMIN);
        assertThat(pinLogin(desk, "1001", "2581")).isInstanceOf(LoggedIn.class);
        assertThat(pinLogin(other, "1001", "2581")).isInstanceOf(LoggedIn.class);

        hd.core().users().delete(acme.id(), alice.id(), TestHotdesk.ADMIN);

        assertThat(hd.core().sessions().openSessionOf(desk.id())).isEmpty();
        assertThat(hd.core().sessions().openSessionOf(other.id())).isEmpty();
        assertThat(hd.core().sessions().history(acme.id(), alice.id(), HistoryWindow.newest(10)))
                .extracting(Session::endReason).containsOnly(LogoutReason.ADMIN);
    }

    @Test
    void aDeletedPersonCannotLogInByPinNorByACodeGivenBefore() {
        OtpCode otp = hd.core().otps().generate(acme.id(), alice.id(), TestHotdesk.ADMIN);

        hd.core().users().delete(acme.id(), alice.id(), TestHotdesk.ADMIN);

        assertThat(pinLogin(desk, "1001", "2581")).isInstanceOf(Refused.class);
        assertThat(hd.core().logins().login(desk.id(), new Credentials.Otp(otp.code()), SessionRulesTest.PHONE))
                .isInstanceOf(Refused.class);
        assertThat(hd.core().access().signIn("acme.example", "1001", "2581"))
                .isEqualTo(new org.hotdesk.core.access.SignIn.Refused(LoginRefusal.INVALID_CREDENTIALS));
        assertThat(hd.core().sessions().openSessionOf(desk.id())).isEmpty();
    }

    @Test
    void aDeletedPersonIsGoneFromListsAndLookUps() {
        hd.core().users().delete(acme.id(), alice.id(), TestHotdesk.ADMIN);

        assertThat(hd.core().users().list(acme.id())).isEmpty();
        assertThat(hd.core().users().findByExtension(acme.id(), "1001")).isEmpty();
        assertThat(hd.core().users().findById(alice.id())).isEmpty();
        assertThatThrownBy(() -> hd.core().users().get(acme.id(), alice.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> hd.core().users().delete(acme.id(), alice.id(), TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theExtensionIsFreeForSomeoneNewWhoseLoginsAreTheirOwn() {
        assertThat(pinLogin(desk, "1001", "2581")).isInstanceOf(LoggedIn.class);
        hd.core().users().delete(acme.id(), alice.id(), TestHotdesk.ADMIN);

        User bert = hd.user(acme, "1001", "7391");

        assertThat(bert.id()).isNotEqualTo(alice.id());
        assertThat(hd.core().users().byExtension(acme.id(), "1001").id()).isEqualTo(bert.id());
        assertThat(pinLogin(desk, "1001", "2581")).isInstanceOf(Refused.class);
        assertThat(pinLogin(desk, "1001", "7391")).isInstanceOfSatisfying(LoggedIn.class,
                in -> assertThat(in.session().userId()).isEqualTo(bert.id()));
        assertThat(hd.core().users().problemsOfNew(acme.id(), "1001", "Carl", "4826"))
                .as("the extension is taken again by the new person").isNotEmpty();
    }

    @Test
    void historyAndTheAuditLogStillNameTheDeletedPerson() {
        assertThat(pinLogin(desk, "1001", "2581")).isInstanceOf(LoggedIn.class);
        hd.core().users().delete(acme.id(), alice.id(), TestHotdesk.ADMIN);
        hd.user(acme, "1001", "7391");

        assertThat(hd.core().sessions().history(acme.id(), alice.id(), HistoryWindow.newest(10))).hasSize(1);
        assertThat(hd.core().users().listWithDeleted(acme.id()))
                .filteredOn(u -> u.id() == alice.id()).extracting(User::name).containsExactly("User 1001");
        assertThat(hd.core().auditTrail().find(acme.id(), "user.deleted", HistoryWindow.newest(10)))
                .singleElement().satisfies(r -> {
                    assertThat(r.subject()).isEqualTo("user:" + alice.id() + "/1001");
                    assertThat(r.detail()).isEqualTo("name=User 1001");
                });
    }

    private org.hotdesk.core.login.LoginResult pinLogin(Device device, String extension, String pin) {
        return hd.core().logins().login(device.id(), new Credentials.ExtensionPin(extension, pin), SessionRulesTest.PHONE);
    }
}
