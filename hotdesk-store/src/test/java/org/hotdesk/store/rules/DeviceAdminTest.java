package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.hotdesk.core.device.BulkAction;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceChanges;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What admins do to desks beyond adding them: several changes at once, bulk actions, gateways and their lines. */
abstract class DeviceAdminTest extends BackendTest {
    static final CivicAddress BERLIN = new CivicAddress("Window", "DE", "BE", "Berlin", "Hauptstr.", "1", "10115", "A", "2",
            "2.14");
    Tenant acme;
    User ann;

    @BeforeEach
    void scene() {
        acme = hd.phoneKeyLogin(hd.tenant("acme.example"));
        ann = hd.user(acme, "1001", "2581");
    }

    void adminLogin(Device desk, User user) {
        hd.core().logins().login(desk.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
    }

    List<Device> gateway(String mac, int ports) {
        return hd.core().gateways().add(acme.id(), new NewDevice(MacAddress.parse(mac), "Fax room",
                Vendor.GRANDSTREAM, "HT814", BERLIN, null), ports, TestHotdesk.ADMIN);
    }

    @Test
    void severalChangesToADeskAreMadeTogether() {
        Device desk = hd.device(acme);
        Site hq = hd.core().sites().create(acme.id(), "HQ", CivicAddress.NONE, TestHotdesk.ADMIN);
        DeviceProvisioning tls = new DeviceProvisioning(ProvisioningMode.PHONE_KEY, SipTransport.TLS, 5061,
                "sip.acme.example", null);

        Device changed = hd.core().devices().update(acme.id(), desk.id(),
                new DeviceChanges("Reception", "T57W", false, BERLIN, true, hq, tls), TestHotdesk.ADMIN);

        assertThat(changed.name()).isEqualTo("Reception");
        assertThat(changed.model()).isEqualTo("T57W");
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.location()).isEqualTo(BERLIN);
        assertThat(changed.siteId()).isEqualTo(hq.id());
        assertThat(changed.provisioning()).isEqualTo(tls);
        assertThat(hd.core().devices().get(acme.id(), desk.id())).isEqualTo(changed);
    }

    @Test
    void aChangeTheDeskCannotTakeChangesNothing() {
        Device desk = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00:04:f2:00:00:01"), "Poly desk",
                Vendor.POLY, "VVX 450", null, null), TestHotdesk.ADMIN);
        DeviceProvisioning phoneKey = DeviceProvisioning.DEFAULT.withMode(ProvisioningMode.PHONE_KEY);

        assertThatThrownBy(() -> hd.core().devices().update(acme.id(), desk.id(),
                new DeviceChanges("Renamed", null, null, BERLIN, false, null, phoneKey), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hot-desk key");
        assertThatThrownBy(() -> hd.core().devices().update(acme.id(), desk.id(),
                new DeviceChanges("x".repeat(101), null, null, BERLIN, false, null, null), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");

        assertThat(hd.core().devices().get(acme.id(), desk.id())).isEqualTo(desk);
    }

    @Test
    void aBulkActionWithAnUnknownIdNamesEveryUnknownIdAndChangesNothing() {
        Device a = hd.device(acme);
        Device b = hd.device(acme);
        adminLogin(a, ann);
        Device elsewhere = hd.device(hd.tenant("other.example"));

        assertThatThrownBy(() -> hd.core().devices().bulk(acme.id(), List.of(a.id(), 999L, elsewhere.id(), b.id()),
                new BulkAction.Remove(), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("999, " + elsewhere.id()).hasMessageContaining("nothing was changed");

        assertThat(hd.core().devices().list(acme.id())).extracting(Device::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(hd.core().sessions().openSessionOf(a.id())).isPresent();
    }

    @Test
    void bulkRemoveLogsOutAndRemovesEveryDesk() {
        Device a = hd.device(acme);
        Device b = hd.device(acme);
        Device kept = hd.device(acme);
        adminLogin(a, ann);

        List<Device> removed = hd.core().devices().bulk(acme.id(), List.of(a.id(), b.id(), a.id()),
                new BulkAction.Remove(), TestHotdesk.ADMIN);

        assertThat(removed).extracting(Device::id).containsExactly(a.id(), b.id());
        assertThat(hd.core().devices().list(acme.id())).extracting(Device::id).containsExactly(kept.id());
        assertThat(hd.core().sessions().history(acme.id(), ann.id(), null, 10)).singleElement()
                .satisfies(s -> assertThat(s.endReason()).isEqualTo(LogoutReason.DEVICE_REMOVED));
    }

    @Test
    void bulkLogoutEndsOnlyTheSessionsOfTheNamedDesks() {
        Device a = hd.device(acme);
        Device b = hd.device(acme);
        User bob = hd.user(acme, "1002", "2581");
        adminLogin(a, ann);
        adminLogin(b, bob);

        hd.core().devices().bulk(acme.id(), List.of(a.id()), new BulkAction.Logout(), TestHotdesk.ADMIN);

        assertThat(hd.core().sessions().openSessionOf(a.id())).isEmpty();
        assertThat(hd.core().sessions().openSessionOf(b.id())).isPresent();
        assertThat(hd.core().sessions().history(acme.id(), ann.id(), null, 10).get(0).endReason())
                .isEqualTo(LogoutReason.ADMIN);
    }

    @Test
    void bulkSipDomainAndNtpChangeEveryDeskButNotGatewayLines() {
        Device a = hd.device(acme);
        Device b = hd.device(acme);
        hd.core().devices().bulk(acme.id(), List.of(a.id(), b.id()), new BulkAction.SetSipDomain("SIP.Acme.example"),
                TestHotdesk.ADMIN);
        hd.core().devices().bulk(acme.id(), List.of(a.id()), new BulkAction.SetNtpServer("ntp.acme.example"),
                TestHotdesk.ADMIN);

        assertThat(hd.core().devices().get(acme.id(), a.id()).provisioning().sipDomain()).isEqualTo("sip.acme.example");
        assertThat(hd.core().devices().get(acme.id(), b.id()).provisioning().sipDomain()).isEqualTo("sip.acme.example");
        assertThat(hd.core().devices().get(acme.id(), a.id()).provisioning().ntpServer()).isEqualTo("ntp.acme.example");
        assertThat(hd.core().devices().get(acme.id(), b.id()).provisioning().ntpServer()).isNull();

        Device line = gateway("00:0b:82:11:22:33", 1).get(0);
        assertThatThrownBy(() -> hd.core().devices().bulk(acme.id(), List.of(a.id(), line.id()),
                new BulkAction.SetNtpServer("ntp2.acme.example"), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("gateway line");
        assertThat(hd.core().devices().get(acme.id(), a.id()).provisioning().ntpServer()).isEqualTo("ntp.acme.example");
        assertThatThrownBy(() -> new BulkAction.SetSipDomain("not a host"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value");
    }

    @Test
    void removingAGatewayRemovesEveryLineAndFreesItsMac() {
        List<Device> lines = gateway("00:0b:82:11:22:33", 2);
        adminLogin(lines.get(1), ann);
        long gatewayId = lines.get(0).gatewayId();

        assertThat(hd.core().gateways().remove(acme.id(), gatewayId, TestHotdesk.ADMIN)).hasSize(2);

        assertThat(hd.core().devices().list(acme.id())).isEmpty();
        assertThat(hd.core().gateways().list(acme.id())).isEmpty();
        assertThatThrownBy(() -> hd.core().gateways().get(acme.id(), gatewayId)).isInstanceOf(NotFoundException.class);
        assertThat(hd.core().sessions().openSessionOf(lines.get(1).id())).isEmpty();
        assertThat(hd.core().ports().audit().list(acme.id(), 1).get(0).action()).isEqualTo("gateway.removed");
        assertThat(gateway("00:0b:82:11:22:33", 1)).hasSize(1);
    }

    @Test
    void aGatewayWithMorePortsThanItsModelIsRefusedAndNothingIsStored() {
        NewDevice ht802 = new NewDevice(MacAddress.parse("00:0b:82:11:22:33"), "Fax room", Vendor.GRANDSTREAM, "HT802",
                BERLIN, null);
        int auditBefore = hd.core().ports().audit().list(acme.id(), 1000).size();

        assertThatThrownBy(() -> hd.core().gateways().add(acme.id(), ht802, 4, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ports: a grandstream HT802 has 2 FXS ports, not 4");

        assertThat(hd.core().gateways().list(acme.id())).isEmpty();
        assertThat(hd.core().devices().list(acme.id())).isEmpty();
        assertThat(hd.core().ports().audit().list(acme.id(), 1000)).hasSize(auditBefore);
        // the same box with the ports it has is welcome, also under a model name in lower case
        NewDevice lower = new NewDevice(ht802.mac(), ht802.name(), ht802.vendor(), "ht802", BERLIN, null);
        assertThat(hd.core().gateways().add(acme.id(), lower, 2, TestHotdesk.ADMIN)).hasSize(2);
    }

    @Test
    void aLineOnAPortTheModelLacksIsRefused() {
        List<Device> lines = hd.core().gateways().add(acme.id(), new NewDevice(
                MacAddress.parse("00:0b:82:11:22:33"), "Fax room", Vendor.GRANDSTREAM, "HT802", BERLIN, null), 2,
                TestHotdesk.ADMIN);
        long gatewayId = lines.get(0).gatewayId();

        assertThatThrownBy(() -> hd.core().gateways().addLine(acme.id(), gatewayId, 3, null, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("port: a grandstream HT802 has 2 FXS ports, no port 3");
        assertThat(hd.core().devices().list(acme.id())).hasSize(2);
    }

    @Test
    void aLineIsAddedOnAFreePortOnly() {
        List<Device> lines = gateway("00:0b:82:11:22:33", 2);
        long gatewayId = lines.get(0).gatewayId();

        Device third = hd.core().gateways().addLine(acme.id(), gatewayId, 3, "Lobby", TestHotdesk.ADMIN);

        assertThat(third.linePort()).isEqualTo(3);
        assertThat(third.gatewayId()).isEqualTo(gatewayId);
        assertThat(third.sipUsername()).isEqualTo("hd000b82112233p3");
        assertThat(third.sipPassword()).hasSize(20);
        assertThat(third.vendor()).isEqualTo(Vendor.GRANDSTREAM);
        assertThat(third.location()).isEqualTo(BERLIN);
        assertThat(hd.core().gateways().linesOf(hd.core().gateways().get(acme.id(), gatewayId))).hasSize(3);
        assertThatThrownBy(() -> hd.core().gateways().addLine(acme.id(), gatewayId, 2, null, TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("port 2");
        assertThatThrownBy(() -> hd.core().gateways().addLine(acme.id(), gatewayId, 49, null, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("port");

        // a removed line's port is free again, with a fresh password
        hd.core().devices().remove(acme.id(), lines.get(1).id(), TestHotdesk.ADMIN);
        Device again = hd.core().gateways().addLine(acme.id(), gatewayId, 2, null, TestHotdesk.ADMIN);
        assertThat(again.name()).isEqualTo("Fax room line 2");
        assertThat(again.sipPassword()).isNotEqualTo(lines.get(1).sipPassword());
        Tenant other = hd.tenant("other.example");
        assertThatThrownBy(() -> hd.core().gateways().addLine(other.id(), gatewayId, 4, null, TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDesksTimersAreItsOverridesAndTheTenantsForTheRest() {
        Device desk = hd.device(acme);
        assertThat(hd.core().devices().effectiveTimers(desk)).isEqualTo(SessionPolicy.DEFAULT);

        Device changed = hd.core().devices().update(acme.id(), desk.id(), new DeviceChanges(null, null, null, null,
                false, null, null, new DevicePolicyOverride(0, null, LocalTime.of(18, 30))), TestHotdesk.ADMIN);
        SessionPolicy effective = hd.core().devices().effectiveTimers(changed);
        assertThat(effective.idleLogoutMinutes()).as("0 switches it off here").isZero();
        assertThat(effective.maxSessionHours()).as("the tenant's").isEqualTo(SessionPolicy.DEFAULT.maxSessionHours());
        assertThat(effective.dailyLogoutTime()).isEqualTo(LocalTime.of(18, 30));

        Device cleared = hd.core().devices().setPolicy(acme.id(), desk.id(), DevicePolicyOverride.NONE, TestHotdesk.ADMIN);
        assertThat(hd.core().devices().effectiveTimers(cleared)).isEqualTo(SessionPolicy.DEFAULT);
    }

    @Test
    void everyBadTimerIsNamedAtOnce() {
        assertThat(DevicePolicyOverride.problems("99999", "lots", "25:00")).extracting(InvalidInputException::field)
                .containsExactly("timers.idleLogoutMinutes", "timers.maxSessionHours", "timers.dailyLogoutTime");
        assertThat(DevicePolicyOverride.problems("", null, " ")).isEmpty();
        assertThat(DevicePolicyOverride.parse("30", "", "7:05"))
                .isEqualTo(new DevicePolicyOverride(30, null, LocalTime.of(7, 5)));
        assertThatThrownBy(() -> new DevicePolicyOverride(null, 745, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("timers.maxSessionHours");
    }

    @Test
    void aResetSipPasswordReplacesTheOldOneForTheRegistrarAndIsAudited() {
        Device desk = hd.device(acme);
        // read once through the registrar's look-up, so a stale copy would be in memory
        assertThat(hd.core().devices().findBySipUsername(desk.sipUsername()).orElseThrow().sipPassword())
                .isEqualTo(desk.sipPassword());

        Device reset = hd.core().devices().resetSipPassword(acme.id(), desk.id(), TestHotdesk.ADMIN);

        assertThat(reset.sipPassword()).isNotEqualTo(desk.sipPassword()).hasSize(desk.sipPassword().length());
        assertThat(reset.sipUsername()).isEqualTo(desk.sipUsername());
        assertThat(hd.core().devices().findBySipUsername(desk.sipUsername()).orElseThrow().sipPassword())
                .isEqualTo(reset.sipPassword());
        assertThat(hd.core().ports().audit().list(acme.id(), 5))
                .filteredOn(r -> r.action().equals("device.sip_password_reset")).singleElement()
                .satisfies(r -> assertThat(r.toString()).doesNotContain(reset.sipPassword()));
        assertThatThrownBy(() -> hd.core().devices().resetSipPassword(acme.id() + 999, desk.id(), TestHotdesk.ADMIN))
                .isInstanceOf(NotFoundException.class);
    }
}
