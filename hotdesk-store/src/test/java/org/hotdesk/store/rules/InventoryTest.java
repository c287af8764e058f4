package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.FeatureCode;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.SipAccountHashes;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserImportRow;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenants, users, devices and gateway lines as an admin creates them; conflicts change nothing. */
abstract class InventoryTest extends BackendTest {
    Tenant acme;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
    }

    NewDevice phone(String mac) {
        return new NewDevice(MacAddress.parse(mac), "Desk A", Vendor.YEALINK, "T54W",
                new CivicAddress("Open space", "DE", "BE", "Berlin", "Hauptstr.", "1", "10115", "A", "2", "2.14"), null);
    }

    @Test
    void aNewDeviceGetsItsOwnDeviceAccount() {
        Device device = hd.core().devices().add(acme.id(), phone("00:15:65:aa:bb:cc"), TestHotdesk.ADMIN);

        assertThat(device.sipUsername()).isEqualTo("hd001565aabbcc");
        assertThat(device.sipPassword()).hasSize(20);
        assertThat(device.location().city()).isEqualTo("Berlin");
        assertThat(device.location().isDispatchable()).isTrue();
        assertThat(hd.core().ports().devices().findBySipUsername("hd001565aabbcc")).contains(device);
    }

    @Test
    void aDesksLocationAndCallbackNumberCanBeChangedAndAreAudited() {
        Device device = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00:15:65:aa:bb:cd"), "Desk B",
                Vendor.YEALINK, "T54W", null, null), TestHotdesk.ADMIN);
        assertThat(device.location().isDispatchable()).isFalse();

        Device moved = hd.core().devices().setLocation(acme.id(), device.id(), new CivicAddress("Window", "de", "BE",
                "Berlin", "Hauptstr.", "1", "10115", "A", "3", "3.02", "+49 30 1234-5678"), TestHotdesk.ADMIN);

        Device read = hd.core().devices().get(acme.id(), device.id());
        assertThat(read).isEqualTo(moved);
        assertThat(read.location().country()).isEqualTo("DE");
        assertThat(read.location().callbackNumber()).isEqualTo("+493012345678");
        assertThat(read.location().isDispatchable()).isTrue();
        assertThat(hd.core().ports().audit().list(acme.id(), 1).get(0).action()).isEqualTo("device.location_changed");
        assertThatThrownBy(() -> new CivicAddress(null, "Germany", null, null, null, null, null, null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("country");
        assertThatThrownBy(() -> new CivicAddress(null, null, null, null, null, null, null, null, null, null, "call me"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("callbackNumber");
    }

    @Test
    void aDeskTakesWhatItsOwnLocationLeavesEmptyFromItsSite() {
        Site hq = hd.core().sites().create(acme.id(), "HQ", new CivicAddress("Headquarters", "DE", "BE", "Berlin",
                "Hauptstr.", "1", "10115", "A", null, null, "+49301234560"), TestHotdesk.ADMIN);
        Device desk = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00:15:65:aa:bb:ce"), "Desk C",
                Vendor.YEALINK, "T54W", new CivicAddress(null, null, null, null, null, null, null, null, "3", "3.07"), null),
                TestHotdesk.ADMIN);

        Device atHq = hd.core().devices().setSite(acme.id(), desk.id(), hq, TestHotdesk.ADMIN);

        CivicAddress where = hd.core().devices().addressOf(atHq);
        assertThat(where.street()).isEqualTo("Hauptstr.");
        assertThat(where.floor()).isEqualTo("3");
        assertThat(where.room()).isEqualTo("3.07");
        assertThat(where.callbackNumber()).isEqualTo("+49301234560");
        assertThat(where.isDispatchable()).isTrue();
        assertThat(hd.core().devices().addressOf(desk)).as("before, the desk alone had no address")
                .satisfies(l -> assertThat(l.isDispatchable()).isFalse());
        assertThatThrownBy(() -> hd.core().sites().create(acme.id(), " HQ ", CivicAddress.NONE, TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class);
        Tenant other = hd.tenant("other.example");
        Site elsewhere = hd.core().sites().create(other.id(), "Branch", CivicAddress.NONE, TestHotdesk.ADMIN);
        assertThatThrownBy(() -> hd.core().devices().setSite(acme.id(), desk.id(), elsewhere, TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMacCanBeRegisteredOnceAcrossAllTenants() {
        hd.core().devices().add(acme.id(), phone("00:15:65:aa:bb:cc"), TestHotdesk.ADMIN);
        Tenant other = hd.tenant("other.example");

        assertThatThrownBy(() -> hd.core().devices().add(other.id(), phone("001565AABBCC"), TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("00:15:65:aa:bb:cc");
        assertThat(hd.core().devices().list(other.id())).isEmpty();
    }

    @Test
    void aRemovedDevicesMacCanBeUsedAgain() {
        Device old = hd.core().devices().add(acme.id(), phone("00:15:65:aa:bb:cc"), TestHotdesk.ADMIN);
        hd.core().devices().remove(acme.id(), old.id(), TestHotdesk.ADMIN);

        Device again = hd.core().devices().add(acme.id(), phone("00:15:65:aa:bb:cc"), TestHotdesk.ADMIN);

        assertThat(again.id()).isNotEqualTo(old.id());
        assertThat(hd.core().devices().list(acme.id())).extracting(Device::id).containsExactly(again.id());
    }

    @Test
    void aGatewayBecomesOneHotDeskDevicePerPort() {
        List<Device> lines = hd.core().gateways().add(acme.id(), phone("00:0b:82:11:22:33"), 2, TestHotdesk.ADMIN);

        assertThat(lines).extracting(Device::linePort).containsExactly(1, 2);
        assertThat(lines).extracting(Device::sipUsername).containsExactly("hd000b82112233p1", "hd000b82112233p2");
        assertThat(lines).allSatisfy(d -> assertThat(d.isGatewayLine()).isTrue());
        assertThat(hd.core().ports().gateways().linesOf(lines.get(0).gatewayId())).hasSize(2);
        assertThatThrownBy(() -> hd.core().devices().add(acme.id(), phone("00:0b:82:11:22:33"), TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void extensionsAreUniquePerTenantOnly() {
        hd.user(acme, "1001", "2581");
        Tenant other = hd.tenant("other.example");

        assertThatThrownBy(() -> hd.user(acme, "1001", "3716")).isInstanceOf(ConflictException.class);
        assertThat(hd.user(other, "1001", "3716").tenantId()).isEqualTo(other.id());
        assertThat(hd.core().users().list(acme.id())).hasSize(1);
    }

    @Test
    void weakPinsAreRefusedOnEveryWayAPinIsSetAndChangeNothing() {
        assertThatThrownBy(() -> hd.user(acme, "1001", "1234")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too easy to guess");
        assertThatThrownBy(() -> hd.user(acme, "1001", "1001")).hasMessageContaining("it is the extension");
        assertThat(hd.core().users().list(acme.id())).isEmpty();

        User ann = hd.user(acme, "1001", "2581");
        assertThatThrownBy(() -> hd.core().users().setPin(acme.id(), ann.id(), "7777", TestHotdesk.ADMIN))
                .hasMessageContaining("one digit repeated");
        assertThat(hd.core().access().signIn(acme.domain(), "1001", "2581")).isInstanceOf(SignIn.SignedIn.class);

        assertThatThrownBy(() -> hd.core().users().importUsers(acme.id(), List.of(
                new UserImportRow("1002", "Bob", true, true, "9402"), new UserImportRow("1003", "Cy", true, true, "4321")),
                TestHotdesk.ADMIN)).hasMessageContaining("digits in a row");
        assertThat(hd.core().users().list(acme.id())).as("the whole import undone").hasSize(1);
    }

    @Test
    void aTenantMayAllowWeakPins() {
        TenantSettings s = hd.core().tenants().get(acme.id()).settings();
        hd.core().tenants().updateSettings(acme.id(), s.withLockout(s.lockout().withWeakPinsAllowed(true)), TestHotdesk.ADMIN);
        assertThat(hd.core().tenants().get(acme.id()).settings().lockout().weakPinsAllowed()).as("stored").isTrue();

        User ann = hd.user(acme, "1001", "1111");
        assertThat(hd.core().users().setPin(acme.id(), ann.id(), "1234", TestHotdesk.ADMIN).extension()).isEqualTo("1001");
    }

    @Test
    void domainsAreUnique() {
        assertThatThrownBy(() -> hd.tenant("ACME.example")).isInstanceOf(ConflictException.class);
        assertThat(hd.core().tenants().list()).hasSize(1);
    }

    @Test
    void aUsersOwnSipAccountIsKeptAsDigestHashesOnly() {
        User user = hd.core().users().create(acme.id(), new NewUser("1003", "Carol", "2468", true, "s3cret-pass"),
                TestHotdesk.ADMIN);

        User stored = hd.core().users().get(acme.id(), user.id());
        assertThat(stored.sipAccount()).isEqualTo(SipAccountHashes.of("1003", "acme.example", "s3cret-pass"));
        assertThat(stored.pinHash()).doesNotContain("2468").startsWith("$2");
    }

    @Test
    void callRoutingFeatureCodesLanguageAndTrustedNetworksAreKeptPerTenant() {
        FeatureCodes own = new FeatureCodes(List.of("*55{otp}", "*56*{otp}#"), List.of(), List.of("*11"), List.of("*57"));
        TenantSettings changed = acme.settings().withRouting(new CallRouting("sip:sbc.example.net", "sips:trunk.example.net:5061"))
                .withFeatureCodes(own).withPromptLanguage("de")
                .withTrustedNetworks(new TrustedNetworks(List.of("192.0.2.0/24", "2001:db8::/32")));
        hd.core().tenants().updateSettings(acme.id(), changed, TestHotdesk.ADMIN);
        Tenant other = hd.tenant("other.example");

        TenantSettings read = hd.core().tenants().get(acme.id()).settings();
        assertThat(read).isEqualTo(changed);
        assertThat(read.featureCodes().match("*55123456")).contains(new FeatureCode.OtpLogin("123456"));
        assertThat(read.trustedNetworks().contains("192.0.2.9")).isTrue();
        assertThat(other.settings().routing()).isEqualTo(CallRouting.NONE);
        assertThat(other.settings().trustedNetworks()).isEqualTo(TrustedNetworks.NONE);
        assertThat(hd.core().tenants().get(other.id()).settings().featureCodes()).isEqualTo(FeatureCodes.DEFAULT);

        hd.core().tenants().updateSettings(acme.id(), read.withRouting(CallRouting.NONE), TestHotdesk.ADMIN);
        assertThat(hd.core().tenants().get(acme.id()).settings().routing()).isEqualTo(CallRouting.NONE);
    }
}
