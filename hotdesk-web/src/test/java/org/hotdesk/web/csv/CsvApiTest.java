package org.hotdesk.web.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CSV endpoints over real HTTP: downloads, imports, and who may use them. */
class CsvApiTest {
    WebTestServer server;
    Tenant acme;
    Tenant other;
    ApiClient admin;
    ApiClient otherAdmin;
    ApiClient anonymous;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        other = server.hotdesk().tenant("other.example");
        anonymous = new ApiClient(server.baseUrl(), null);
        admin = server.adminClient(acme.id(), "ann");
        otherAdmin = server.adminClient(other.id(), "olga");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String path(String file) {
        return "/api/v1/tenants/" + acme.id() + "/" + file;
    }

    ApiClient.Answer upload(ApiClient client, String file, String csv) {
        return client.send("POST", path(file), csv, "text/csv");
    }

    @Test
    void devicesAreImportedExportedAndTheExportImportsWithoutChange() {
        ApiClient.Answer imported = upload(admin, "devices.csv",
                "mac,name,vendor,model\r\n00:15:65:00:00:01,Desk 1,yealink,T54W\r\n00:15:65:00:00:02,Desk 2,snom,D785\r\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);

        ApiClient.Answer exported = admin.get(path("devices.csv"));
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.header("Content-Type")).startsWith("text/csv");
        assertThat(exported.header("Content-Disposition")).isEqualTo("attachment; filename=\"acme.example-devices.csv\"");
        assertThat(exported.body()).contains("00:15:65:00:00:02,Desk 2,snom,D785");

        JsonNode again = upload(admin, "devices.csv", exported.body()).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void aBadFileAnswers422WithEveryBadLineAndChangesNothing() {
        ApiClient.Answer bad = upload(admin, "devices.csv",
                "mac,name\n00:15:65:00:00:01,Good\nzz:zz,Bad\n00:15:65:00:00:03,\"Two\nlines\"\n00:15:65:00:00:01,Again\n");
        assertThat(bad.status()).isEqualTo(422);
        JsonNode json = bad.json();
        assertThat(json.get("error").asText()).isEqualTo("invalid_csv");
        assertThat(json.get("message").asText()).isEqualTo("2 of 4 rows are invalid; nothing was imported");
        assertThat(json.get("details")).hasSize(2);
        assertThat(json.get("details").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(json.get("details").get(0).get("field").asText()).isEqualTo("mac");
        assertThat(json.get("details").get(1).get("line").asInt()).isEqualTo(6);
        assertThat(json.get("details").get(1).get("message").asText()).contains("already on line 2");
        assertThat(server.core().devices().list(acme.id())).isEmpty();
    }

    @Test
    void onlyTheTenantsAdminsMayExportOrImport() {
        for (String file : new String[] {"devices.csv", "sip-accounts.csv", "gateways.csv", "gateway-lines.csv", "users.csv"}) {
            assertThat(anonymous.get(path(file)).status()).as(file).isEqualTo(401);
            assertThat(otherAdmin.get(path(file)).status()).as(file).isEqualTo(403);
            assertThat(admin.get(path(file)).status()).as(file).isEqualTo(200);
        }
        for (String file : new String[] {"devices.csv", "gateways.csv", "gateway-lines.csv", "users.csv"}) {
            assertThat(upload(anonymous, file, "x\n").status()).as(file).isEqualTo(401);
            assertThat(upload(otherAdmin, file, "x\n").status()).as(file).isEqualTo(403);
        }
        // SIP accounts are exported only: an upload is the wrong method, not an unknown path
        var upload = anonymous.send("POST", path("sip-accounts.csv"), "x\n", "text/csv");
        assertThat(upload.status()).isEqualTo(405);
        assertThat(upload.header("Allow")).contains("GET").doesNotContain("POST");
        assertThat(admin.get("/api/v1/tenants/" + other.id() + "/devices.csv").status()).isEqualTo(403);
        assertThat(server.core().devices().list(acme.id())).isEmpty();
    }

    @Test
    void sipAccountsListDeviceAccountsWithoutPasswords() {
        Device desk = server.hotdesk().device(acme);
        ApiClient.Answer accounts = admin.get(path("sip-accounts.csv"));
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.header("Content-Disposition")).contains("acme.example-sip-accounts.csv");
        assertThat(accounts.body()).startsWith("mac,name,sip_username,sip_domain,transport,port,registered\r\n")
                .contains(desk.sipUsername() + ",acme.example,udp,,no").doesNotContain(desk.sipPassword());
    }

    @Test
    void gatewaysAndTheirLinesRoundTripAndLinesAreRenamedInBulk() {
        ApiClient.Answer added = upload(admin, "gateways.csv",
                "mac,name,vendor,model,ports\n00:0b:82:00:00:01,Lobby ATA,grandstream,HT814,4\n");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(server.core().devices().list(acme.id())).hasSize(4);

        String gateways = admin.get(path("gateways.csv")).body();
        assertThat(gateways).contains("00:0b:82:00:00:01,Lobby ATA,grandstream,HT814,4,dial-codes,udp");
        assertThat(upload(admin, "gateways.csv", gateways).json().get("unchanged").asInt()).isEqualTo(1);
        ApiClient.Answer reprovisioned = upload(admin, "gateways.csv", "mac,transport,sip_domain\n000b82000001,tcp,sip.acme.example\n");
        assertThat(reprovisioned.json().get("updated").asInt()).isEqualTo(1);
        assertThat(server.core().gateways().list(acme.id()).get(0).provisioning().sipDomain()).isEqualTo("sip.acme.example");
        ApiClient.Answer rebuild = upload(admin, "gateways.csv", "mac,ports\n000b82000001,8\n");
        assertThat(rebuild.status()).isEqualTo(422);
        assertThat(rebuild.json().get("details").get(0).get("field").asText()).isEqualTo("ports");

        String lines = admin.get(path("gateway-lines.csv")).body();
        assertThat(lines).startsWith("gateway_mac,port,name,site,description");
        assertThat(upload(admin, "gateway-lines.csv", lines).json().get("unchanged").asInt()).isEqualTo(4);
        ApiClient.Answer renamed = upload(admin, "gateway-lines.csv",
                "gateway_mac,port,name,room\n00:0b:82:00:00:01,2,Reception,0.12\n");
        assertThat(renamed.json().get("updated").asInt()).isEqualTo(1);
        Device line2 = server.core().devices().byMac(acme.id(), MacAddress.parse("000b82000001"), 2);
        assertThat(line2.name()).isEqualTo("Reception");
        assertThat(line2.location().room()).isEqualTo("0.12");

        ApiClient.Answer noSuchLine = upload(admin, "gateway-lines.csv",
                "gateway_mac,port,name\n00:0b:82:00:00:01,1,One\n00:0b:82:00:00:01,9,Nine\n00:0b:82:00:00:99,1,X\n");
        assertThat(noSuchLine.status()).isEqualTo(422);
        assertThat(noSuchLine.json().get("details").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(noSuchLine.json().get("details").get(0).get("message").asText()).contains("has lines 1, 2, 3, 4");
        assertThat(noSuchLine.json().get("details").get(1).get("message").asText()).contains("is not a gateway of this tenant");
        assertThat(server.core().devices().byMac(acme.id(), MacAddress.parse("000b82000001"), 1).name())
                .isEqualTo("Lobby ATA line 1");
    }

    @Test
    void usersImportWithPinsAndExportWithoutThem() {
        server.hotdesk().user(acme, "1001", "2581");
        ApiClient.Answer imported = upload(admin, "users.csv",
                "extension,name,hot_desk,enabled,pin\n1001,Ann Smith,no,yes,\n1002,Bob Jones,yes,yes,985316\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(1);
        assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
        assertThat(server.core().users().byExtension(acme.id(), "1001").hotDesk()).isFalse();

        String exported = admin.get(path("users.csv")).body();
        assertThat(exported).isEqualTo("extension,name,hot_desk,enabled,pin\r\n1001,Ann Smith,no,yes,\r\n"
                + "1002,Bob Jones,yes,yes,\r\n");
        assertThat(upload(admin, "users.csv", exported).json().get("unchanged").asInt()).isEqualTo(2);
        // Bob can sign in with the imported PIN
        assertThat(anonymous.post("/api/v1/auth/token", java.util.Map.of("tenant", "acme.example", "extension", "1002",
                "pin", "985316")).status()).isEqualTo(201);

        ApiClient.Answer bad = upload(admin, "users.csv",
                "extension,name,pin\n1003,Cy,\n1004,Di,12\n1001,Ann Renamed,\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("details").get(0).get("message").asText()).isEqualTo("pin is required for a new user");
        assertThat(bad.json().get("details").get(1).get("message").asText()).isEqualTo("pin must be 4 to 12 digits");
        assertThat(bad.body()).doesNotContain("\"12\"");
        assertThat(server.core().users().list(acme.id())).hasSize(2);
        assertThat(server.core().users().byExtension(acme.id(), "1001").name()).isEqualTo("Ann Smith");
    }

    @Test
    void aNameThatWouldBeASpreadsheetFormulaIsExportedAsTextAndImportsBackUnchanged() {
        String formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        ApiClient.Answer created = admin.post("/api/v1/tenants/" + acme.id() + "/users",
                java.util.Map.of("extension", "1001", "name", formula, "pin", "4829", "hotDesk", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String exported = admin.get(path("users.csv")).body();
        // a spreadsheet shows the cell as text instead of running it; CSV quoting keeps the quotes and comma
        assertThat(exported).isEqualTo("extension,name,hot_desk,enabled,pin\r\n"
                + "1001,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",yes,yes,\r\n");

        ApiClient.Answer again = upload(admin, "users.csv", exported);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().get("updated").asInt()).isZero();
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(server.core().users().byExtension(acme.id(), "1001").name()).isEqualTo(formula);
    }

    @Test
    void theOpenApiDocumentListsTheCsvRoutes() {
        JsonNode paths = anonymous.get("/api/v1/openapi.json").json().get("paths");
        assertThat(paths.get("/api/v1/tenants/{t}/devices.csv").get("post").get("requestBody").get("content")
                .has("text/csv")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/sip-accounts.csv").has("post")).isFalse();
        // the import takes CSV and answers its report in JSON; the export answers CSV
        assertThat(paths.get("/api/v1/tenants/{t}/devices.csv").get("post").get("responses").get("200")
                .get("content").has("application/json")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/devices.csv").get("get").get("responses").get("200")
                .get("content").has("text/csv")).isTrue();
    }
}
