package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotdesk.web.api.DevicesApiTest.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.trunk.PhoneNumber;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trunks over real HTTP: added with networks and DIDs, listed, changed in part, removed; bad fields named, conflicts 409. */
class TrunksApiTest {
    WebTestServer server;
    Tenant acme;
    Tenant other;
    ApiClient admin;
    ApiClient otherAdmin;
    String trunks;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        other = server.hotdesk().tenant("other.example");
        server.hotdesk().user(acme, "1001", "2581");
        server.hotdesk().user(acme, "1002", "2582");
        server.hotdesk().user(other, "2001", "2581");
        admin = server.adminClient(acme.id(), "ann@acme");
        otherAdmin = server.adminClient(other.id(), "olaf@other");
        trunks = "/api/v1/tenants/" + acme.id() + "/trunks";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Map<String, Object> trunk(String name, List<String> cidrs, String... dids) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < dids.length; i += 2) map.put(dids[i], dids[i + 1]);
        return Map.of("name", name, "sourceCidrs", cidrs, "dids", map);
    }

    JsonNode create(Map<String, Object> body) {
        ApiClient.Answer created = admin.post(trunks, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aNewTrunkAnswersWithItsIdAndIsListedAndReadBack() {
        JsonNode carrier = create(trunk("Carrier", List.of("192.0.2.10", "198.51.100.0/24"),
                "+14155550100", "1001", "14155550101", "1002"));
        long id = carrier.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(carrier.get("name").asText()).isEqualTo("Carrier");
        assertThat(carrier.get("sourceCidrs")).extracting(JsonNode::asText)
                .containsExactly("192.0.2.10/32", "198.51.100.0/24");
        assertThat(carrier.get("dids").get("+14155550100").asText()).isEqualTo("1001");
        assertThat(carrier.get("dids").get("14155550101").asText()).isEqualTo("1002");
        create(trunk("Backup", List.of("203.0.113.1")));

        ApiClient.Answer list = admin.get(trunks);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).isEqualTo("2");
        assertThat(list.json()).extracting(n -> n.get("name").asText()).containsExactly("Backup", "Carrier");
        assertThat(admin.get(trunks + "/" + id).json()).isEqualTo(carrier);
        assertThat(server.core().trunkDirectory().trunkFor("198.51.100.7", new PhoneNumber("14155550100")))
                .as("calls from the carrier find it").isPresent();
    }

    @Test
    void aBadBodyNamesEveryWrongFieldAndSavesNothing() {
        ApiClient.Answer bad = admin.post(trunks, trunk("Carrier", List.of("192.0.2.10", "10.0.0.0/33"),
                "+14155550100", "1099", "call us", "1001"));

        assertField(bad, "sourceCidrs");
        assertThat(bad.json().get("details")).extracting(d -> d.get("field").asText())
                .containsExactly("sourceCidrs", "dids.+14155550100", "dids");
        assertThat(bad.body()).contains("10.0.0.0/33", "1099", "call us");
        assertField(admin.post(trunks, trunk(" ", List.of("192.0.2.10"))), "name");
        assertField(admin.post(trunks, Map.of("name", "Carrier")), "sourceCidrs");
        assertThat(admin.post(trunks, Map.of("name", "Carrier", "colour", "red")).status()).isEqualTo(400);

        assertThat(admin.get(trunks).json()).isEmpty();
        assertThat(server.core().trunks().list(acme.id())).isEmpty();
    }

    @Test
    void aDidAnotherTrunkHasIsAConflictWithOrWithoutPlusEvenInAnotherTenant() {
        create(trunk("Carrier", List.of("192.0.2.10"), "+14155550100", "1001"));

        ApiClient.Answer mine = admin.post(trunks, trunk("Backup", List.of("192.0.2.20"), "14155550100", "1002"));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(409);
        assertThat(mine.json().get("message").asText()).contains("14155550100", "Carrier");
        ApiClient.Answer theirs = otherAdmin.post("/api/v1/tenants/" + other.id() + "/trunks",
                trunk("Theirs", List.of("203.0.113.5"), "+14155550100", "2001"));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(409);
        assertThat(theirs.json().get("message").asText()).contains("another company").doesNotContain("Carrier");
        assertThat(admin.post(trunks, trunk("Carrier", List.of("192.0.2.30"))).status()).as("name taken")
                .isEqualTo(409);

        assertThat(admin.get(trunks).json()).hasSize(1);
        assertThat(server.core().trunks().list(other.id())).isEmpty();
    }

    @Test
    void aPatchChangesWhatItNamesAndKeepsTheRest() {
        long id = create(trunk("Carrier", List.of("192.0.2.10"), "+14155550100", "1001")).get("id").asLong();
        long pbx = create(trunk("PBX", List.of("192.0.2.20"), "+14155550200", "1002")).get("id").asLong();

        ApiClient.Answer renamed = admin.patch(trunks + "/" + id, Map.of("name", "Main carrier"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Main carrier");
        assertThat(renamed.json().get("dids").get("+14155550100").asText()).as("kept").isEqualTo("1001");

        JsonNode moved = admin.patch(trunks + "/" + id, Map.of("sourceCidrs", List.of("198.51.100.0/24"),
                "dids", Map.of("+14155550101", "1002"))).json();
        assertThat(moved.get("name").asText()).isEqualTo("Main carrier");
        assertThat(moved.get("sourceCidrs")).extracting(JsonNode::asText).containsExactly("198.51.100.0/24");
        assertThat(moved.get("dids").size()).as("replaced").isEqualTo(1);

        assertField(admin.patch(trunks + "/" + id, Map.of("sourceCidrs", List.of("nowhere"))), "sourceCidrs");
        assertThat(admin.patch(trunks + "/" + id, Map.of("dids", Map.of("14155550200", "1001"))).status())
                .isEqualTo(409);
        assertThat(admin.patch(trunks + "/" + id, Map.of("name", "PBX")).status()).isEqualTo(409);
        assertThat(admin.patch(trunks + "/" + id, Map.of()).status()).isEqualTo(400);
        assertThat(admin.get(trunks + "/" + id).json()).isEqualTo(moved);
        assertThat(admin.get(trunks + "/" + pbx).json().get("dids").get("+14155550200").asText()).isEqualTo("1002");
    }

    @Test
    void aRemovedTrunkIsGoneAndItsNumbersAreFree() {
        long id = create(trunk("Carrier", List.of("192.0.2.10"), "+14155550100", "1001")).get("id").asLong();

        assertThat(admin.delete(trunks + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(trunks + "/" + id).status()).isEqualTo(404);
        assertThat(admin.delete(trunks + "/" + id).status()).isEqualTo(404);
        assertThat(admin.get(trunks).json()).isEmpty();
        create(trunk("Carrier", List.of("192.0.2.10"), "+14155550100", "1002"));
        assertThat(server.core().auditTrail().newest(acme.id(), 10).stream().map(r -> r.action()))
                .contains("trunk.created", "trunk.removed");
    }

    @Test
    void anotherTenantsAdminCannotSeeOrTouchTheTrunks() {
        long id = create(trunk("Carrier", List.of("192.0.2.10"), "+14155550100", "1001")).get("id").asLong();
        ApiClient employee = admin.as(server.core().access().issueEmployeeToken(
                server.core().users().byExtension(acme.id(), "1001")).secret());

        for (ApiClient refused : List.of(otherAdmin, employee)) {
            assertThat(refused.get(trunks).status()).isEqualTo(403);
            assertThat(refused.post(trunks, trunk("Mine", List.of("192.0.2.99"))).status()).isEqualTo(403);
            assertThat(refused.patch(trunks + "/" + id, Map.of("name", "Mine")).status()).isEqualTo(403);
            assertThat(refused.delete(trunks + "/" + id).status()).isEqualTo(403);
        }
        String theirs = "/api/v1/tenants/" + other.id() + "/trunks/";
        assertThat(otherAdmin.get(theirs + id).status()).as("not their trunk").isEqualTo(404);
        assertThat(otherAdmin.delete(theirs + id).status()).isEqualTo(404);
        assertThat(admin.get(trunks + "/" + id).json().get("name").asText()).isEqualTo("Carrier");
        assertThat(admin.get(trunks + "/abc").status()).isEqualTo(404);
    }

    @Test
    void theRoutesAndBodiesAreInTheOpenApiDocument() {
        JsonNode doc = admin.get("/api/v1/openapi.json").json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.get("/api/v1/tenants/{t}/trunks").has("post")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/trunks").has("get")).isTrue();
        JsonNode one = paths.get("/api/v1/tenants/{t}/trunks/{trunk}");
        assertThat(one.has("get") && one.has("patch") && one.has("delete")).isTrue();
        assertThat(one.get("patch").get("responses").has("409")).isTrue();
        assertThat(one.get("patch").get("responses").has("422")).isTrue();
        JsonNode view = doc.get("components").get("schemas").get("TrunkView").get("properties");
        assertThat(view.has("id") && view.has("sourceCidrs") && view.has("dids")).isTrue();
        assertThat(view.get("dids").get("additionalProperties").get("type").asText()).isEqualTo("string");
    }
}
