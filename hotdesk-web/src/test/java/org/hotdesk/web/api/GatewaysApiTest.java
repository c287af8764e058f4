package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotdesk.web.api.DevicesApiTest.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PSTN gateways over real HTTP: one line per port, shared protocol, SIP domain and NTP, lines added and removed. */
class GatewaysApiTest {
    WebTestServer server;
    TestHotdesk hd;
    Tenant acme;
    ApiClient admin;
    ApiClient otherAdmin;
    ApiClient employee;
    ApiClient anonymous;
    String gateways;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        hd = server.hotdesk();
        acme = hd.tenant("acme.example");
        Tenant other = hd.tenant("other.example");
        ApiClient system = server.systemClient();
        anonymous = system.as(null);
        admin = server.adminClient(acme.id(), "ann@acme");
        otherAdmin = server.adminClient(other.id(), "olaf@other");
        hd.user(acme, "1001", "8526");
        employee = server.employeeClient("acme.example", "1001", "8526");
        gateways = "/api/v1/tenants/" + acme.id() + "/gateways";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Map<String, Object> ata(String mac, int ports) {
        Map<String, Object> body = new HashMap<>(Map.of("mac", mac, "name", "Fax room", "vendor", "grandstream",
                "model", "HT814", "ports", ports));
        body.put("provisioning", Map.of("transport", "tcp", "ntpServer", "ntp.acme.example"));
        return body;
    }

    JsonNode create(Map<String, Object> body) {
        ApiClient.Answer created = admin.post(gateways, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aNewGatewayShowsEachLinesPasswordOnlyInTheCreationAnswer() {
        JsonNode gw = create(ata("00:0b:82:11:22:33", 2));

        assertThat(gw.get("mac").asText()).isEqualTo("00:0b:82:11:22:33");
        assertThat(gw.get("provisioning").get("transport").asText()).isEqualTo("tcp");
        assertThat(gw.get("lines")).hasSize(2);
        assertThat(gw.get("lines").get(1).get("port").asInt()).isEqualTo(2);
        assertThat(gw.get("lines").get(1).get("sipUsername").asText()).isEqualTo("hd000b82112233p2");
        String password = gw.get("lines").get(0).get("sipPassword").asText();
        assertThat(password).hasSize(20);

        long id = gw.get("id").asLong();
        ApiClient.Answer read = admin.get(gateways + "/" + id);
        assertThat(read.json().get("name").asText()).isEqualTo("Fax room");
        assertThat(read.json().get("lines").get(0).get("status").asText()).isEqualTo("unregistered");
        assertThat(read.body()).doesNotContain(password).doesNotContain("sipPassword");
        assertThat(admin.get(gateways).json()).hasSize(1);
        ApiClient.Answer lines = admin.get(gateways + "/" + id + "/lines");
        assertThat(lines.json()).hasSize(2);
        assertThat(lines.json().get(0).get("gatewayId").asLong()).isEqualTo(id);
        assertThat(lines.json().get(0).get("linePort").asInt()).isEqualTo(1);
        // a line is rendered with its gateway's profile
        assertThat(lines.json().get(0).get("provisioning").get("ntpServer").asText()).isEqualTo("ntp.acme.example");
        assertThat(lines.body()).doesNotContain(password);
        assertThat(admin.get("/api/v1/tenants/" + acme.id() + "/devices").json()).hasSize(2);
    }

    @Test
    void addingAGatewayAnswersTheMainErrorsAndChangesNothing() {
        assertThat(anonymous.post(gateways, ata("00:0b:82:11:22:33", 2)).status()).isEqualTo(401);
        assertThat(otherAdmin.post(gateways, ata("00:0b:82:11:22:33", 2)).status()).isEqualTo(403);
        assertThat(employee.post(gateways, ata("00:0b:82:11:22:33", 2)).status()).isEqualTo(403);
        assertThat(employee.get(gateways).status()).isEqualTo(403);
        assertField(admin.post(gateways, ata("00:0b:82", 2)), "mac");
        assertField(admin.post(gateways, ata("00:0b:82:11:22:33", 0)), "ports");
        assertField(admin.post(gateways, ata("00:0b:82:11:22:33", 49)), "ports");
        ApiClient.Answer eightOnAnHt814 = admin.post(gateways, ata("00:0b:82:11:22:33", 8));
        assertField(eightOnAnHt814, "ports");
        assertThat(eightOnAnHt814.body()).contains("HT814 has 4 FXS ports, not 8");
        Map<String, Object> phoneKey = ata("00:0b:82:11:22:33", 2);
        phoneKey.put("provisioning", Map.of("mode", "phone-key"));
        assertField(admin.post(gateways, phoneKey), "mode");
        Map<String, Object> noPorts = ata("00:0b:82:11:22:33", 2);
        noPorts.remove("ports");
        assertField(admin.post(gateways, noPorts), "ports");
        assertThat(admin.get(gateways).json()).isEmpty();
        assertThat(admin.get("/api/v1/tenants/" + acme.id() + "/devices").json()).isEmpty();

        create(ata("00:0b:82:11:22:33", 2));
        assertThat(admin.post(gateways, ata("00:0b:82:11:22:33", 4)).status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/tenants/" + acme.id() + "/devices").json()).hasSize(2);
        assertThat(admin.get(gateways + "/999").status()).isEqualTo(404);
        assertThat(otherAdmin.get(gateways + "/999").status()).isEqualTo(403);
    }

    @Test
    void theGatewaysProtocolDomainAndNtpChangeOneAtATime() {
        long id = create(ata("00:0b:82:11:22:33", 2)).get("id").asLong();

        JsonNode changed = admin.patch(gateways + "/" + id, Map.of("provisioning", Map.of("sipDomain", "sip.acme.example")))
                .json();
        assertThat(changed.get("provisioning").get("sipDomain").asText()).isEqualTo("sip.acme.example");
        assertThat(changed.get("provisioning").get("transport").asText()).isEqualTo("tcp");
        assertThat(changed.get("provisioning").get("ntpServer").asText()).isEqualTo("ntp.acme.example");
        JsonNode protocol = admin.patch(gateways + "/" + id,
                Map.of("provisioning", Map.of("transport", "tls", "sipPort", 5061, "ntpServer", ""))).json();
        assertThat(protocol.get("provisioning").get("transport").asText()).isEqualTo("tls");
        assertThat(protocol.get("provisioning").get("sipPort").asInt()).isEqualTo(5061);
        assertThat(protocol.get("provisioning").get("ntpServer").isNull()).isTrue();
        assertThat(protocol.get("provisioning").get("sipDomain").asText()).isEqualTo("sip.acme.example");

        assertField(admin.patch(gateways + "/" + id, Map.of("provisioning", Map.of("transport", "sctp"))), "transport");
        assertField(admin.patch(gateways + "/" + id, Map.of("provisioning", Map.of("ntpServer", "no such host!"))),
                "ntpServer");
        assertField(admin.patch(gateways + "/" + id, Map.of("provisioning", Map.of("mode", "phone-key"))), "mode");
        assertField(admin.patch(gateways + "/" + id, Map.of()), "provisioning");
        assertThat(admin.get(gateways + "/" + id).json().get("provisioning")).isEqualTo(protocol.get("provisioning"));
        assertThat(otherAdmin.patch(gateways + "/" + id, Map.of("provisioning", Map.of("transport", "udp"))).status())
                .isEqualTo(403);
        assertThat(admin.patch(gateways + "/999", Map.of("provisioning", Map.of("transport", "udp"))).status())
                .isEqualTo(404);
    }

    @Test
    void aGatewayIsRenamedAndABadNameChangesNothingElseEither() {
        long id = create(ata("00:0b:82:11:22:34", 2)).get("id").asLong();
        assertThat(admin.patch(gateways + "/" + id, Map.of("name", "Lobby ATA")).json().get("name").asText())
                .isEqualTo("Lobby ATA");
        // a blank name refuses the whole change, the new NTP server included
        assertField(admin.patch(gateways + "/" + id, Map.of("name", " ",
                "provisioning", Map.of("ntpServer", "ntp2.acme.example"))), "name");
        JsonNode now = admin.get(gateways + "/" + id).json();
        assertThat(now.get("name").asText()).isEqualTo("Lobby ATA");
        assertThat(now.get("provisioning").get("ntpServer").asText()).isEqualTo("ntp.acme.example");
    }

    @Test
    void aLineIsRenamedAndLocatedOnItsOwn() {
        JsonNode gw = create(ata("00:0b:82:11:22:33", 2));
        long id = gw.get("id").asLong();
        long line = gw.get("lines").get(1).get("id").asLong();

        ApiClient.Answer changed = admin.patch(gateways + "/" + id + "/lines/" + line, Map.of("name", "Lobby phone",
                "location", Map.of("country", "DE", "city", "Berlin", "street", "Hauptstr.", "room", "Lobby")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("Lobby phone");
        assertThat(changed.json().get("emergencyLocationMissing").asBoolean()).isFalse();
        JsonNode summary = admin.get(gateways + "/" + id).json().get("lines");
        assertThat(summary.get(1).get("name").asText()).isEqualTo("Lobby phone");
        assertThat(summary.get(0).get("emergencyLocationMissing").asBoolean()).isTrue();

        assertField(admin.patch(gateways + "/" + id + "/lines/" + line,
                Map.of("name", "Renamed", "location", Map.of("country", "Deutschland"))), "country");
        assertThat(admin.get(gateways + "/" + id).json().get("lines").get(1).get("name").asText())
                .isEqualTo("Lobby phone");
        long phone = admin.post("/api/v1/tenants/" + acme.id() + "/devices", Map.of("mac", "00:15:65:00:00:01"))
                .json().get("id").asLong();
        assertThat(admin.patch(gateways + "/" + id + "/lines/" + phone, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(admin.patch(gateways + "/" + id + "/lines/" + line, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aLineIsAddedOnAFreePortWithItsPasswordShownOnce() {
        long id = create(ata("00:0b:82:11:22:33", 2)).get("id").asLong();

        ApiClient.Answer added = admin.post(gateways + "/" + id + "/lines", Map.of("port", 3, "name", "Kitchen"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("sipUsername").asText()).isEqualTo("hd000b82112233p3");
        String password = added.json().get("sipPassword").asText();
        assertThat(password).hasSize(20);
        assertThat(admin.get(gateways + "/" + id + "/lines").json()).hasSize(3);
        assertThat(admin.get(gateways + "/" + id + "/lines").body()).doesNotContain(password);

        ApiClient.Answer taken = admin.post(gateways + "/" + id + "/lines", Map.of("port", 2, "name", "Twice"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("message").asText()).contains("port 2");
        assertField(admin.post(gateways + "/" + id + "/lines", Map.of("port", 0)), "port");
        assertField(admin.post(gateways + "/" + id + "/lines", Map.of("name", "No port")), "port");
        assertThat(admin.get(gateways + "/" + id + "/lines").json()).hasSize(3);
        assertThat(employee.post(gateways + "/" + id + "/lines", Map.of("port", 4)).status()).isEqualTo(403);
        assertThat(admin.post(gateways + "/999/lines", Map.of("port", 4)).status()).isEqualTo(404);
    }

    @Test
    void removingAGatewayRemovesItsLinesAndLogsOutWhoeverIsThere() {
        JsonNode gw = create(ata("00:0b:82:11:22:33", 2));
        long id = gw.get("id").asLong();
        long line = gw.get("lines").get(0).get("id").asLong();
        User bob = hd.user(acme, "1002", "2581");
        hd.core().logins().login(line, new Credentials.Assigned(bob.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);

        assertThat(otherAdmin.delete(gateways + "/" + id).status()).isEqualTo(403);
        assertThat(employee.delete(gateways + "/" + id).status()).isEqualTo(403);
        assertThat(admin.delete(gateways + "/" + id).status()).isEqualTo(204);

        assertThat(admin.get(gateways + "/" + id).status()).isEqualTo(404);
        assertThat(admin.get(gateways).json()).isEmpty();
        assertThat(admin.get("/api/v1/tenants/" + acme.id() + "/devices").json()).isEmpty();
        assertThat(hd.core().sessions().openSessionOf(line)).isEmpty();
        assertThat(admin.delete(gateways + "/" + id).status()).isEqualTo(404);
        create(ata("00:0b:82:11:22:33", 1));
    }
}
