package org.hotdesk.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.ErrorDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The devices file: what an admin exports, edits and imports again, on a real H2 database. */
class DeviceCsvTest {
    TestDatabase db;
    TestHotdesk hd;
    DeviceCsv csv;
    Tenant acme;

    @BeforeEach
    void scene() {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        csv = new DeviceCsv(hd.core());
        acme = hd.phoneKeyLogin(hd.tenant("acme.example"));
        hd.core().sites().create(acme.id(), "HQ Berlin", null, TestHotdesk.ADMIN);
    }

    @AfterEach
    void close() {
        db.close();
    }

    ApiException rejected(String text) {
        try {
            csv.importCsv(acme.id(), text, TestHotdesk.ADMIN);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void anExportedFileImportsAgainWithoutChangingAnything() {
        String file = "mac,name,vendor,model,site,description,country,city,street,callback_number,mode,transport,"
                + "sip_port,sip_domain,ntp_server\r\n"
                + "00:15:65:00:00:01,\"Desk 1, window\",yealink,T54W,HQ Berlin,\"Open space\nnear the \"\"kitchen\"\"\","
                + "DE,Berlin,Hauptstr. 1,+49301234567,phone-key,tls,5061,sip.acme.example,ntp.acme.example\r\n"
                + "00:15:65:00:00:02,,snom,,,,,,,,,,,,\r\n";
        assertThat(csv.importCsv(acme.id(), file, TestHotdesk.ADMIN)).isEqualTo(new ImportReport(2, 0, 0));
        Device desk = hd.core().devices().byMac(acme.id(), MacAddress.parse("001565000001"), 0);
        assertThat(desk.name()).isEqualTo("Desk 1, window");
        assertThat(desk.location().description()).isEqualTo("Open space\nnear the \"kitchen\"");
        assertThat(desk.provisioning()).isEqualTo(new DeviceProvisioning(ProvisioningMode.PHONE_KEY, SipTransport.TLS,
                5061, "sip.acme.example", "ntp.acme.example"));
        assertThat(desk.siteId()).isNotNull();
        List<Device> before = hd.core().devices().list(acme.id());
        int auditBefore = hd.core().ports().audit().list(acme.id(), 1000).size();

        String exported = csv.export(acme.id());
        assertThat(exported).startsWith(String.join(",", DeviceCsv.COLUMNS) + "\r\n");
        assertThat(exported).doesNotContain(desk.sipPassword());
        // a callback number starts with + and is still written as a number, not neutralised like a formula
        assertThat(exported).contains(",+49301234567,");
        assertThat(csv.importCsv(acme.id(), exported, TestHotdesk.ADMIN)).isEqualTo(new ImportReport(0, 0, 2));

        assertThat(hd.core().devices().list(acme.id())).isEqualTo(before);
        assertThat(hd.core().ports().audit().list(acme.id(), 1000)).hasSize(auditBefore);
        assertThat(csv.export(acme.id())).isEqualTo(exported);
    }

    @Test
    void aTemplateWithTwoColumnsChangesOnlyThoseTwo() {
        Device one = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("001565aa0001"), "Desk 1",
                Vendor.YEALINK, "T54W", new CivicAddress("Window", "DE", null, "Berlin", "Hauptstr.", "1", null, null,
                null, null), null, DeviceProvisioning.DEFAULT.withSipProfile(SipTransport.TCP, 5070)), TestHotdesk.ADMIN);
        Device two = hd.device(acme);

        ImportReport report = csv.importCsv(acme.id(), "mac,sip_domain,ntp_server\n"
                + "00-15-65-aa-00-01,sip.acme.example,ntp.acme.example\n"
                + two.mac().value() + ",sip.acme.example,ntp.acme.example\n", TestHotdesk.ADMIN);

        assertThat(report).isEqualTo(new ImportReport(0, 2, 0));
        Device changed = hd.core().devices().get(acme.id(), one.id());
        assertThat(changed.provisioning()).isEqualTo(new DeviceProvisioning(ProvisioningMode.DIAL_CODES,
                SipTransport.TCP, 5070, "sip.acme.example", "ntp.acme.example"));
        assertThat(changed.name()).isEqualTo("Desk 1");
        assertThat(changed.model()).isEqualTo("T54W");
        assertThat(changed.location()).isEqualTo(one.location());
        assertThat(hd.core().devices().get(acme.id(), two.id()).provisioning().ntpServer()).isEqualTo("ntp.acme.example");
    }

    @Test
    void oneBadRowAmongGoodOnesImportsNothingAndNamesItsLineAndReason() {
        Device existing = hd.device(acme);
        String file = "mac,name,country\n"
                + "00:15:65:00:10:01,Desk A,DE\n"
                + existing.mac().value() + ",Renamed,\n"
                + "zz:zz,Desk B,DE\n"
                + "00:15:65:00:10:02,\"Desk\nC\",Germany\n"
                + "00:15:65:00:10:03,Desk D,FR\n";

        ApiException e = rejected(file);

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("invalid_csv");
        assertThat(e.getMessage()).isEqualTo("2 of 5 rows are invalid; nothing was imported");
        assertThat(e.body().details()).containsExactly(
                new ErrorDetail(4, "mac", "mac 'zz:zz' is not a MAC address (expected 12 hex digits, e.g. 00:15:65:aa:bb:cc)"),
                new ErrorDetail(5, "country", "country 'Germany' is not a two-letter ISO 3166 code such as US or DE"));
        assertThat(hd.core().devices().list(acme.id())).containsExactly(existing);
    }

    @Test
    void theSameMacTwiceInAFileIsAnErrorOnTheSecondLine() {
        ApiException e = rejected("mac,name\n001565000001,A\n00:15:65:00:00:01,B\n");
        assertThat(e.body().details()).containsExactly(
                new ErrorDetail(3, "mac", "mac 00:15:65:00:00:01 is already on line 2"));
        assertThat(hd.core().devices().list(acme.id())).isEmpty();
    }

    @Test
    void aMacOfAnotherTenantIsAlreadyRegisteredWithoutSayingWhere() {
        Tenant other = hd.tenant("secret-customer.example");
        Device theirs = hd.device(other);

        ApiException e = rejected("mac,name\n001565aa0001,Mine\n" + theirs.mac().colonSeparated() + ",Theirs\n");

        assertThat(e.body().details()).containsExactly(new ErrorDetail(3, "mac",
                "mac " + theirs.mac().colonSeparated() + " is already registered"));
        assertThat(e.body().toString()).doesNotContain("secret-customer");
        assertThat(hd.core().devices().list(acme.id())).isEmpty();
        assertThat(hd.core().devices().get(other.id(), theirs.id()).name()).isEqualTo(theirs.name());
    }

    @Test
    void rowsAreCheckedWithTheCoresRules() {
        ApiException e = rejected("mac,vendor,mode,transport,sip_port,sip_domain,site\n"
                + "001565000001,poly,phone-key,udp,,,\n"
                + "001565000002,yealink,dial-codes,sctp,70000,not a host,Nowhere\n"
                + "001565000003,nokia,,,,,\n");
        assertThat(e.body().details()).extracting(ErrorDetail::line, ErrorDetail::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "mode"),
                org.assertj.core.groups.Tuple.tuple(3, "site"),
                org.assertj.core.groups.Tuple.tuple(3, "transport"),
                org.assertj.core.groups.Tuple.tuple(4, "vendor"));
        assertThat(e.body().details().get(1).message()).isEqualTo("site 'Nowhere' does not exist");
        assertThat(e.getMessage()).startsWith("3 of 3 rows");
    }

    @Test
    void theSipAccountsFileHasEveryDeviceAccountButNoPassword() {
        Device desk = hd.device(acme);
        hd.core().devices().setProvisioning(acme.id(), desk.id(),
                DeviceProvisioning.DEFAULT.withSipDomain("pbx.acme.example"), TestHotdesk.ADMIN);
        Device plain = hd.device(acme);

        String file = csv.exportSipAccounts(acme.id());

        List<CsvReader.Record> rows = CsvReader.read(file);
        assertThat(rows.get(0).fields()).containsExactly("mac", "name", "sip_username", "sip_domain", "transport",
                "port", "registered");
        assertThat(rows.get(1).fields()).containsExactly(desk.mac().colonSeparated(), desk.name(), desk.sipUsername(),
                "pbx.acme.example", "udp", "", "no");
        assertThat(rows.get(2).fields().get(3)).isEqualTo("acme.example");
        assertThat(file).doesNotContain(desk.sipPassword()).doesNotContain(plain.sipPassword());
    }

    @Test
    void aFileThatIsNotCsvOrHasAnUnknownColumnIsRefusedWhole() {
        assertThatThrownBy(() -> csv.importCsv(acme.id(), "mac,colour\n001565000001,red\n", TestHotdesk.ADMIN))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().details())
                        .extracting(ErrorDetail::line).containsExactly(1));
        ApiException unclosed = rejected("mac,name\n001565000001,\"open\n");
        assertThat(unclosed.body().details().get(0).line()).isEqualTo(2);
        ApiException short_ = rejected("mac,name,model\n001565000001,A\n");
        assertThat(short_.body().details().get(0).message()).isEqualTo("has 2 fields, the header has 3");
    }
}
