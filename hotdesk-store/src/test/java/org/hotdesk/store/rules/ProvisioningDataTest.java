package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the provisioning server renders from, as stored: device profiles, counters, keys, tenant URL tokens. */
abstract class ProvisioningDataTest extends BackendTest {
    Tenant acme;

    @BeforeEach
    void scene() {
        acme = hd.phoneKeyLogin(hd.tenant("acme.example"));
    }

    @Test
    void aDesksProvisioningProfileIsKeptAndChangesAreAudited() {
        DeviceProvisioning profile = new DeviceProvisioning(ProvisioningMode.PHONE_KEY, SipTransport.TLS, 5071,
                "Voice.Acme.Example", "ntp.acme.example");
        Device d = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00:15:65:00:00:01"), "Desk 1",
                Vendor.YEALINK, "T46U", null, null, profile), TestHotdesk.ADMIN);
        assertThat(hd.core().devices().get(acme.id(), d.id()).provisioning())
                .isEqualTo(new DeviceProvisioning(ProvisioningMode.PHONE_KEY, SipTransport.TLS, 5071,
                        "voice.acme.example", "ntp.acme.example"));

        hd.core().devices().setProvisioning(acme.id(), d.id(), DeviceProvisioning.DEFAULT, TestHotdesk.ADMIN);
        assertThat(hd.core().devices().get(acme.id(), d.id()).provisioning()).isEqualTo(DeviceProvisioning.DEFAULT);
        assertThat(hd.core().ports().audit().list(acme.id(), 10))
                .anySatisfy(r -> assertThat(r.action()).isEqualTo("device.provisioning_changed"));
    }

    @Test
    void phoneKeyModeIsRefusedForPhonesWithoutAHotDeskKeyAndForGatewayLines() {
        Device poly = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00:04:f2:00:00:01"), "Desk P",
                Vendor.POLY, "VVX 450", null, null), TestHotdesk.ADMIN);
        assertThatThrownBy(() -> hd.core().devices().setProvisioning(acme.id(), poly.id(),
                DeviceProvisioning.DEFAULT.withMode(ProvisioningMode.PHONE_KEY), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no hot-desk key");
        List<Device> lines = hd.core().gateways().add(acme.id(), new NewDevice(MacAddress.parse("00:0b:82:00:00:01"),
                "Lobby", Vendor.GRANDSTREAM, "HT802", null, null), 2, TestHotdesk.ADMIN);
        assertThatThrownBy(() -> hd.core().devices().setProvisioning(acme.id(), lines.get(0).id(),
                DeviceProvisioning.DEFAULT, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("gateway line");
        assertThat(hd.core().devices().get(acme.id(), poly.id()).provisioning()).isEqualTo(DeviceProvisioning.DEFAULT);
    }

    @Test
    void aGatewayCarriesProtocolDomainAndNtpForAllItsLines() {
        hd.core().gateways().add(acme.id(), new NewDevice(MacAddress.parse("00:0b:82:00:00:02"), "Lobby",
                Vendor.GRANDSTREAM, "HT802", null, null), 2, TestHotdesk.ADMIN);
        Gateway g = hd.core().gateways().byMac(acme.id(), MacAddress.parse("000b82000002"));
        Gateway changed = hd.core().gateways().setProvisioning(acme.id(), g.id(),
                g.provisioning().withSipProfile(SipTransport.TCP, 0).withSipDomain("pstn.acme.example")
                        .withNtpServer("10.0.0.1"), TestHotdesk.ADMIN);
        assertThat(changed.provisioning().transport()).isEqualTo(SipTransport.TCP);
        assertThat(changed.provisioning().sipDomain()).isEqualTo("pstn.acme.example");
        assertThat(hd.core().gateways().list(acme.id())).extracting(Gateway::id).containsExactly(g.id());
        assertThat(hd.core().gateways().linesOf(changed)).extracting(Device::linePort).containsExactly(1, 2);
    }

    @Test
    void theProvisionCounterCountsAndResets() {
        Device d = hd.device(acme);
        assertThat(hd.core().ports().provisionCounts().countProvisioning(d.id())).isEqualTo(1);
        assertThat(hd.core().ports().provisionCounts().countProvisioning(d.id())).isEqualTo(2);
        assertThat(hd.core().devices().get(acme.id(), d.id()).provisionCount()).isEqualTo(2);
        hd.core().ports().provisionCounts().resetProvisionCount(d.id());
        assertThat(hd.core().devices().get(acme.id(), d.id()).provisionCount()).isZero();
    }

    @Test
    void countingAtTheDatabaseStopsAtTheLimitAndCountsEveryLineOfTheDesk() {
        Device phone = hd.device(acme);
        Device other = hd.device(acme);
        var counts = hd.core().ports().provisionCounts();
        assertThat(counts.countIfBelow(phone.id(), java.util.List.of(phone.id(), other.id()), 2)).isEqualTo(1);
        assertThat(counts.countIfBelow(phone.id(), java.util.List.of(phone.id(), other.id()), 2)).isEqualTo(2);
        assertThat(counts.countIfBelow(phone.id(), java.util.List.of(phone.id(), other.id()), 2))
                .as("refused at the limit, the stored count told (-2 - 1)").isEqualTo(-3);
        assertThat(hd.core().devices().get(acme.id(), phone.id()).provisionCount()).isEqualTo(2);
        assertThat(hd.core().devices().get(acme.id(), other.id()).provisionCount()).as("the desk's other line").isEqualTo(2);
    }

    @Test
    void countsWrittenBehindAddUpAndAResetMadeMeanwhileShows() {
        Device a = hd.device(acme);
        Device b = hd.device(acme);
        hd.core().ports().provisionCounts().countProvisioning(b.id());
        assertThat(hd.core().ports().provisionCounts().addProvisionCounts(java.util.Map.of(a.id(), 3, b.id(), 0)))
                .containsEntry(a.id(), 3).containsEntry(b.id(), 1);
        hd.core().ports().provisionCounts().resetProvisionCount(a.id());
        assertThat(hd.core().ports().provisionCounts().addProvisionCounts(java.util.Map.of(a.id(), 2)))
                .as("added on top of the reset, not over it").containsEntry(a.id(), 2);
        assertThat(hd.core().ports().provisionCounts().addProvisionCounts(java.util.Map.of())).isEmpty();
    }

    @Test
    void aPersonsKeysAreKeptInOrderAndReplacedWhole() {
        User alice = hd.user(acme, "1001", "8526");
        List<FunctionKey> keys = List.of(new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob"),
                new FunctionKey(FunctionKey.Type.SPEED_DIAL, "+14155550123", null));
        hd.core().users().setKeys(acme.id(), alice.id(), keys, TestHotdesk.ADMIN);
        assertThat(hd.core().users().keys(acme.id(), alice.id())).containsExactly(
                new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob"),
                new FunctionKey(FunctionKey.Type.SPEED_DIAL, "+14155550123", "+14155550123"));
        hd.core().users().setKeys(acme.id(), alice.id(), List.of(), TestHotdesk.ADMIN);
        assertThat(hd.core().users().keys(acme.id(), alice.id())).isEmpty();
    }

    @Test
    void eachTenantHasItsOwnProvisioningTokenWhichCanBeRotated() {
        Tenant other = hd.tenant("other.example");
        assertThat(acme.provisioningToken()).hasSize(32).isNotEqualTo(other.provisioningToken());
        assertThat(hd.core().tenants().byProvisioningToken(acme.provisioningToken())).map(Tenant::id).contains(acme.id());
        assertThat(hd.core().tenants().byProvisioningToken("nope")).isEmpty();

        Tenant rotated = hd.core().tenants().rotateProvisioningToken(acme.id(), TestHotdesk.ADMIN);
        assertThat(rotated.provisioningToken()).isNotEqualTo(acme.provisioningToken());
        assertThat(hd.core().tenants().byProvisioningToken(acme.provisioningToken())).isEmpty();
        assertThat(hd.core().tenants().byProvisioningToken(rotated.provisioningToken())).isPresent();
    }

    @Test
    void provisioningSettingsAreKeptPerTenant() {
        ProvisioningSettings settings = new ProvisioningSettings("ntp.acme.example", 5, 300, ProvisioningAccess.DIGEST);
        hd.core().tenants().updateSettings(acme.id(), acme.settings().withProvisioning(settings), TestHotdesk.ADMIN);
        Tenant stored = hd.core().tenants().get(acme.id());
        assertThat(stored.settings().provisioning()).isEqualTo(settings);
        assertThat(stored.provisioningToken()).isEqualTo(acme.provisioningToken());
    }
}
