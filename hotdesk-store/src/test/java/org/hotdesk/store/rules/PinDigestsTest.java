package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.login.LoginRefusal;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.login.PhoneKeyAttempt;
import org.hotdesk.core.login.PinProof;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.SipAccountHashes;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserImportRow;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIP digest of extension:domain:PIN is kept only in tenants with phone-key login on: it lets a 4-digit PIN be
 * found in 10^4 tries from a copy of the database. Read here from the table itself, not through the core.
 */
abstract class PinDigestsTest extends BackendTest {
    static final Actor PHONE = Actor.device("desk");

    Tenant acme;
    Device desk;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        desk = hd.device(acme);
    }

    /** Both digest columns as stored, "null/null" when there is none. */
    String storedDigest(User user) {
        return db.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT pin_ha1_md5, pin_ha1_sha256 FROM users WHERE id = :id").bind("id", user.id())
                .map((rs, ctx) -> rs.getString(1) + "/" + rs.getString(2)).one());
    }

    String digestOf(String extension, String pin) {
        SipAccountHashes h = SipAccountHashes.of(extension, acme.domain(), pin);
        return h.ha1Md5() + "/" + h.ha1Sha256();
    }

    void phoneKeyLogin(Tenant tenant, boolean on) {
        hd.core().tenants().updateSettings(tenant.id(),
                hd.core().tenants().get(tenant.id()).settings().withPhoneKeyLogin(on), TestHotdesk.ADMIN);
    }

    LoginResult codeLogin(String extension, String pin) {
        return hd.core().logins().login(desk.id(), new Credentials.ExtensionPin(extension, pin), PHONE);
    }

    LoginResult phoneKey(String extension, String pin) {
        return hd.core().logins().loginWithPhoneKey(new PhoneKeyAttempt(acme.id(), desk.id(), extension, "10.0.0.7",
                true, PinProof.pin(pin)), PHONE);
    }

    @Test
    void aNewTenantKeepsOnlyTheSlowHashWhereverAPinIsSet() {
        assertThat(acme.settings().phoneKeyLogin()).as("off unless an admin turns it on").isFalse();
        User ann = hd.user(acme, "1001", "2581");
        assertThat(storedDigest(ann)).isEqualTo("null/null");

        hd.core().users().setPin(acme.id(), ann.id(), "7391", TestHotdesk.ADMIN);
        hd.core().users().importUsers(acme.id(), List.of(new UserImportRow("1002", "Bob", true, true, "9402")),
                TestHotdesk.ADMIN);

        assertThat(storedDigest(ann)).isEqualTo("null/null");
        assertThat(storedDigest(hd.core().users().byExtension(acme.id(), "1002"))).isEqualTo("null/null");
        assertThat(codeLogin("1001", "7391")).as("the PIN itself still works").isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(storedDigest(ann)).as("and leaves no digest behind").isEqualTo("null/null");
    }

    @Test
    void withPhoneKeyLoginOnEveryPinSetKeepsItsDigest() {
        phoneKeyLogin(acme, true);
        User ann = hd.user(acme, "1001", "2581");
        assertThat(storedDigest(ann)).isEqualTo(digestOf("1001", "2581"));

        hd.core().users().setPin(acme.id(), ann.id(), "7391", TestHotdesk.ADMIN);
        hd.core().users().importUsers(acme.id(), List.of(new UserImportRow("1002", "Bob", true, true, "9402")),
                TestHotdesk.ADMIN);

        assertThat(storedDigest(ann)).isEqualTo(digestOf("1001", "7391"));
        assertThat(storedDigest(hd.core().users().byExtension(acme.id(), "1002"))).isEqualTo(digestOf("1002", "9402"));
        assertThat(phoneKey("1001", "7391")).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void turningPhoneKeyLoginOffDeletesEveryDigestOfThatTenantAtOnceAndEndsItsPhoneKeySessions() {
        Tenant globex = hd.tenant("globex.example");
        phoneKeyLogin(acme, true);
        phoneKeyLogin(globex, true);
        User ann = hd.user(acme, "1001", "2581");
        User bob = hd.user(acme, "1002", "9402");
        User carol = hd.user(globex, "1001", "2581");
        Session byKey = ((LoginResult.LoggedIn) phoneKey("1001", "2581")).session();
        Device other = hd.device(acme);
        Session byCode = ((LoginResult.LoggedIn) hd.core().logins().login(other.id(),
                new Credentials.ExtensionPin("1002", "9402"), PHONE)).session();

        phoneKeyLogin(acme, false);

        assertThat(hd.core().sessions().openSessionOf(desk.id())).as("logged in by the phone's key: out").isEmpty();
        assertThat(hd.core().sessions().history(acme.id(), ann.id(), desk.id(), 1)).singleElement()
                .satisfies(s -> assertThat(s.endReason()).isEqualTo(LogoutReason.ADMIN));
        assertThat(hd.core().sessions().openSessionOf(other.id())).as("logged in by a code: stays").map(Session::id)
                .contains(byCode.id());
        assertThat(byKey.method()).isEqualTo(LoginMethod.PHONE_KEY);

        assertThat(storedDigest(ann)).isEqualTo("null/null");
        assertThat(storedDigest(bob)).isEqualTo("null/null");
        assertThat(storedDigest(carol)).as("another tenant's stay").isNotEqualTo("null/null");
        assertThat(hd.core().ports().users().findById(ann.id()).orElseThrow().pinDigest()).as("not held in memory either")
                .isNull();
        assertThat(hd.core().ports().audit().list(acme.id(), 10)).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("tenant.pin_digests_cleared");
            assertThat(r.detail()).isEqualTo("2 users");
        });
    }

    @Test
    void whileOffAPhoneKeyLoginIsRefusedBeforeThePinIsLookedAtAndCountsAsNoGuess() {
        phoneKeyLogin(acme, true);
        hd.user(acme, "1001", "2581");
        phoneKeyLogin(acme, false);

        for (int i = 0; i < 6; i++) {
            assertThat(phoneKey("1001", "2581")).isEqualTo(new LoginResult.Refused(LoginRefusal.PHONE_KEY_LOGIN_OFF));
        }
        User ann = hd.core().users().byExtension(acme.id(), "1001");
        assertThat(hd.core().attempts().isLocked(acme.id(), LockKey.user(ann.id()))).isFalse();
        assertThat(codeLogin("1001", "2581")).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void turnedOnLaterADigestIsMadeAtTheNextLoginWithThePinItself() {
        User ann = hd.user(acme, "1001", "2581");
        User bob = hd.user(acme, "1002", "9402");
        phoneKeyLogin(acme, true);
        assertThat(storedDigest(ann)).as("a slow hash cannot give it back").isEqualTo("null/null");
        assertThat(hd.core().users().withoutPinDigest(acme.id())).isEqualTo(2);
        assertThat(phoneKey("1001", "2581")).as("nothing to check a phone key against yet")
                .isEqualTo(new LoginResult.Refused(LoginRefusal.INVALID_CREDENTIALS));

        assertThat(codeLogin("1001", "3716")).as("a wrong PIN").isEqualTo(new LoginResult.Refused(LoginRefusal.INVALID_CREDENTIALS));
        assertThat(storedDigest(ann)).isEqualTo("null/null");
        assertThat(codeLogin("1001", "2581")).isInstanceOf(LoginResult.LoggedIn.class);

        assertThat(storedDigest(ann)).isEqualTo(digestOf("1001", "2581"));
        assertThat(storedDigest(bob)).as("only who logged in").isEqualTo("null/null");
        assertThat(hd.core().users().withoutPinDigest(acme.id())).isEqualTo(1);
        assertThat(phoneKey("1001", "2581")).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(hd.core().ports().audit().list(acme.id(), 20))
                .anySatisfy(r -> assertThat(r.action()).isEqualTo("user.pin_digest_stored"));

        hd.core().users().setPin(acme.id(), bob.id(), "9402", TestHotdesk.ADMIN);
        assertThat(storedDigest(bob)).as("or when the PIN is set again").isEqualTo(digestOf("1002", "9402"));
    }

    @Test
    void aDeskOffersThePhonesOwnKeyOnlyWhileThePhoneKeyLoginIsOn() {
        DeviceProvisioning phoneKeyMode = DeviceProvisioning.DEFAULT.withMode(ProvisioningMode.PHONE_KEY);
        NewDevice yealink = new NewDevice(MacAddress.parse("00:15:65:00:99:01"), "Desk 9", Vendor.YEALINK, "T54W",
                null, null, phoneKeyMode);

        assertThatThrownBy(() -> hd.core().devices().add(acme.id(), yealink, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("phoneKeyLogin");
        assertThatThrownBy(() -> hd.core().devices().setProvisioning(acme.id(), desk.id(), phoneKeyMode, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("phoneKeyLogin");
        assertThat(hd.core().devices().list(acme.id())).hasSize(1);

        phoneKeyLogin(acme, true);
        hd.core().devices().setProvisioning(acme.id(), desk.id(), phoneKeyMode, TestHotdesk.ADMIN);

        assertThatThrownBy(() -> phoneKeyLogin(acme, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(desk.label()).hasMessageContaining("dial-codes");
        assertThat(hd.core().tenants().get(acme.id()).settings().phoneKeyLogin()).as("still on").isTrue();

        hd.core().devices().setProvisioning(acme.id(), desk.id(), DeviceProvisioning.DEFAULT, TestHotdesk.ADMIN);
        phoneKeyLogin(acme, false);
        assertThat(hd.core().tenants().get(acme.id()).settings().phoneKeyLogin()).isFalse();
    }
}
