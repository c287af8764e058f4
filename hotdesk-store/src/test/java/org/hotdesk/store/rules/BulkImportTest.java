package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.bulk.ImportCounts;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceImportRow;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.GatewayImportRow;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.UserImportRow;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk imports (CSV) are all or nothing: a row that fails undoes the rows before it. */
abstract class BulkImportTest extends BackendTest {
    Tenant acme;
    Tenant other;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        other = hd.tenant("other.example");
    }

    static DeviceImportRow phone(String mac, String name) {
        return new DeviceImportRow(new NewDevice(MacAddress.parse(mac), name, Vendor.YEALINK, "T54W", null, null), 0, null);
    }

    @Test
    void aFailingRowAfterManyGoodOnesLeavesNothingBehind() {
        Device existing = hd.core().devices().add(acme.id(), phone("00:15:65:00:00:01", "Old name").device(),
                TestHotdesk.ADMIN);
        hd.core().devices().add(other.id(), phone("00:15:65:99:99:99", "Theirs").device(), TestHotdesk.ADMIN);
        int auditBefore = hd.core().ports().audit().list(acme.id(), 1000).size();
        List<DeviceImportRow> rows = new ArrayList<>();
        rows.add(phone("00:15:65:00:00:01", "New name"));
        for (int i = 2; i < 40; i++) {
            rows.add(phone(String.format("00:15:65:00:00:%02x", i), "Desk " + i));
        }
        rows.add(phone("00:15:65:99:99:99", "Stolen")); // row 40: another tenant's MAC

        assertThatThrownBy(() -> hd.core().imports().desks(acme.id(), rows, TestHotdesk.ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already registered");

        assertThat(hd.core().devices().list(acme.id())).containsExactly(existing);
        assertThat(hd.core().ports().audit().list(acme.id(), 1000)).hasSize(auditBefore);
        assertThat(hd.core().devices().list(other.id())).extracting(Device::name).containsExactly("Theirs");
    }

    @Test
    void anImportAddsNewDesksUpdatesExistingOnesAndLeavesMatchingOnesAlone() {
        Device kept = hd.core().devices().add(acme.id(), phone("00:15:65:00:00:01", "Desk 1").device(), TestHotdesk.ADMIN);
        hd.core().devices().add(acme.id(), phone("00:15:65:00:00:02", "Desk 2").device(), TestHotdesk.ADMIN);
        DeviceProvisioning provisioning = DeviceProvisioning.DEFAULT.withNtpServer("ntp.acme.example");
        CivicAddress window = new CivicAddress("Window", "DE", null, "Berlin", "Hauptstr.", "1", null, null, null, null);
        List<DeviceImportRow> rows = List.of(
                phone("00:15:65:00:00:01", "Desk 1"),
                new DeviceImportRow(new NewDevice(MacAddress.parse("00:15:65:00:00:02"), "Desk 2", Vendor.YEALINK,
                        "T54W", window, null, provisioning), 0, null),
                phone("00:15:65:00:00:03", "Desk 3"));

        ImportCounts counts = hd.core().imports().desks(acme.id(), rows, TestHotdesk.ADMIN);

        assertThat(counts).isEqualTo(new ImportCounts(1, 1, 1));
        Device changed = hd.core().devices().byMac(acme.id(), MacAddress.parse("00:15:65:00:00:02"), 0);
        assertThat(changed.provisioning().ntpServer()).isEqualTo("ntp.acme.example");
        assertThat(changed.location()).isEqualTo(window);
        assertThat(hd.core().devices().get(acme.id(), kept.id())).isEqualTo(kept);
        assertThat(hd.core().devices().list(acme.id())).hasSize(3);
    }

    @Test
    void aGatewayImportAddsLinesAndReprovisionsButDoesNotRebuild() {
        NewDevice ata = new NewDevice(MacAddress.parse("00:0b:82:00:00:01"), "Lobby ATA", Vendor.GRANDSTREAM, "HT814",
                null, null);
        ImportCounts added = hd.core().imports().gateways(acme.id(), List.of(new GatewayImportRow(ata, 4)),
                TestHotdesk.ADMIN);
        assertThat(added).isEqualTo(new ImportCounts(1, 0, 0));
        assertThat(hd.core().devices().list(acme.id())).hasSize(4);

        NewDevice tls = new NewDevice(ata.mac(), ata.name(), ata.vendor(), ata.model(), null, null,
                DeviceProvisioning.DEFAULT.withSipDomain("sip.acme.example"));
        assertThat(hd.core().imports().gateways(acme.id(), List.of(new GatewayImportRow(tls, 4)), TestHotdesk.ADMIN))
                .isEqualTo(new ImportCounts(0, 1, 0));
        assertThat(hd.core().gateways().list(acme.id()).get(0).provisioning().sipDomain()).isEqualTo("sip.acme.example");
        assertThatThrownBy(() -> hd.core().imports().gateways(acme.id(), List.of(new GatewayImportRow(tls, 8)),
                TestHotdesk.ADMIN)).isInstanceOf(InvalidInputException.class).hasMessageContaining("ports");
    }

    @Test
    void aGatewayImportWithMorePortsThanTheModelHasImportsNothing() {
        NewDevice lobby = new NewDevice(MacAddress.parse("00:0b:82:00:00:01"), "Lobby ATA", Vendor.GRANDSTREAM, "HT814",
                null, null);
        NewDevice fax = new NewDevice(MacAddress.parse("00:0b:82:00:00:02"), "Fax ATA", Vendor.GRANDSTREAM, "HT802",
                null, null);

        assertThatThrownBy(() -> hd.core().imports().gateways(acme.id(),
                List.of(new GatewayImportRow(lobby, 4), new GatewayImportRow(fax, 4)), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ports: a grandstream HT802 has 2 FXS ports, not 4");
        assertThat(hd.core().gateways().list(acme.id())).isEmpty();
        assertThat(hd.core().devices().list(acme.id())).isEmpty();
    }

    @Test
    void aUserImportIsAllOrNothingToo() {
        hd.user(acme, "1001", "2581");
        List<UserImportRow> rows = List.of(
                new UserImportRow("1001", "Ann Smith", true, true, null),
                new UserImportRow("1002", "Bob", true, true, "7391"),
                new UserImportRow("1003", "Cy", true, true, null)); // a new user needs a PIN

        assertThatThrownBy(() -> hd.core().users().importUsers(acme.id(), rows, TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pin");
        assertThat(hd.core().users().list(acme.id())).extracting(u -> u.name()).containsExactly("User 1001");

        ImportCounts counts = hd.core().users().importUsers(acme.id(), rows.subList(0, 2), TestHotdesk.ADMIN);
        assertThat(counts).isEqualTo(new ImportCounts(1, 1, 0));
        assertThat(hd.core().users().byExtension(acme.id(), "1001").name()).isEqualTo("Ann Smith");
        assertThat(hd.core().users().importUsers(acme.id(), List.of(new UserImportRow("1002", "Bob", true, true, null)),
                TestHotdesk.ADMIN)).isEqualTo(new ImportCounts(0, 0, 1));
    }
}
