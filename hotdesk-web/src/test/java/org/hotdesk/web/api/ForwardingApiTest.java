package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotdesk.web.api.DevicesApiTest.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.hotdesk.core.forwarding.ForwardTarget;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's call forwarding over real HTTP: read and replaced in one shape, every wrong rule named with nothing
 * saved, by an admin or by the employee with their own token, never for a colleague.
 */
class ForwardingApiTest {
    WebTestServer server;
    Tenant acme;
    User alice;
    User bob;
    ApiClient admin;
    String aliceForwarding;
    String bobForwarding;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        alice = server.hotdesk().user(acme, "1001", "2581");
        bob = server.hotdesk().user(acme, "1002", "2582");
        admin = server.adminClient(acme.id(), "ann@acme");
        aliceForwarding = "/api/v1/tenants/" + acme.id() + "/users/" + alice.id() + "/forwarding";
        bobForwarding = "/api/v1/tenants/" + acme.id() + "/users/" + bob.id() + "/forwarding";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void routing(String voicemailUri, String outboundTrunkUri) {
        var s = server.core().tenants().get(acme.id()).settings();
        server.core().tenants().updateSettings(acme.id(), s.withRouting(s.routing().withVoicemailUri(voicemailUri)
                .withOutboundTrunkUri(outboundTrunkUri)), TestHotdesk.ADMIN);
    }

    static Map<String, Object> rules(String always, String busy, Map<String, Object> noAnswer, String unreachable) {
        Map<String, Object> body = new HashMap<>();
        body.put("always", always);
        body.put("busy", busy);
        body.put("noAnswer", noAnswer);
        body.put("unreachable", unreachable);
        return body;
    }

    Forwarding stored() {
        return server.core().forwarding().get(acme.id(), alice.id());
    }

    @Test
    void rulesAreReplacedAndReadBackInTheSameShape() {
        routing("sip:vm.acme.example", "sip:trunk.example.net");
        JsonNode none = admin.get(aliceForwarding).json();
        assertThat(none.get("always").isNull() && none.get("busy").isNull() && none.get("noAnswer").isNull()
                && none.get("unreachable").isNull()).as(none.toString()).isTrue();

        ApiClient.Answer put = admin.put(aliceForwarding, rules(null, "1002",
                Map.of("target", "voicemail", "afterSeconds", 25), "+4930123456"));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode read = admin.get(aliceForwarding).json();
        assertThat(read).isEqualTo(put.json());
        assertThat(read.get("always").isNull()).isTrue();
        assertThat(read.get("busy").asText()).isEqualTo("1002");
        assertThat(read.get("noAnswer").get("target").asText()).isEqualTo("voicemail");
        assertThat(read.get("noAnswer").get("afterSeconds").asInt()).isEqualTo(25);
        assertThat(read.get("unreachable").asText()).isEqualTo("+4930123456");
        assertThat(stored().busy()).isEqualTo(new ForwardTarget.Extension("1002"));

        // a rule left out is cleared; a wait left out is 20 s
        JsonNode replaced = admin.put(aliceForwarding, Map.of("noAnswer", Map.of("target", "1002"))).json();
        assertThat(replaced.get("busy").isNull()).isTrue();
        assertThat(replaced.get("noAnswer").get("afterSeconds").asInt()).isEqualTo(20);
        assertThat(admin.put(aliceForwarding, Map.of()).json().get("noAnswer").isNull()).isTrue();
        assertThat(stored().isNone()).isTrue();
    }

    @Test
    void everyWrongRuleIsNamedAndNothingIsSaved() {
        admin.put(aliceForwarding, rules(null, "1002", null, null));

        ApiClient.Answer bad = admin.put(aliceForwarding, rules("1001", "voicemail",
                Map.of("target", "1002", "afterSeconds", 200), "+4930123456"));

        assertField(bad, "always");
        assertThat(bad.json().get("details")).extracting(d -> d.get("field").asText())
                .containsExactly("always", "busy", "noAnswer.afterSeconds", "unreachable");
        assertThat(bad.body()).contains("itself", "voicemailUri", "200", "outboundTrunkUri");
        assertField(admin.put(aliceForwarding, Map.of("noAnswer", Map.of("afterSeconds", 30))), "noAnswer.target");
        assertField(admin.put(aliceForwarding, Map.of("always", "call my mobile")), "always");
        assertThat(admin.put(aliceForwarding, Map.of("alwys", "1002")).status()).isEqualTo(400);

        assertThat(stored().busy()).as("unchanged").isEqualTo(new ForwardTarget.Extension("1002"));
        assertThat(stored().always()).isNull();
    }

    @Test
    void anEmployeeSetsTheirOwnForwardingButNotAColleagues() {
        routing("sip:vm.acme.example", null);
        ApiClient employee = server.employeeClient("acme.example", "1001", "2581");

        ApiClient.Answer own = employee.put(aliceForwarding, rules(null, null,
                Map.of("target", "voicemail", "afterSeconds", 15), null));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(employee.get(aliceForwarding).json().get("noAnswer").get("afterSeconds").asInt()).isEqualTo(15);
        assertField(employee.put(aliceForwarding, rules("1001", null, null, null)), "always");

        assertThat(employee.get(bobForwarding).status()).isEqualTo(403);
        assertThat(employee.put(bobForwarding, rules("1001", null, null, null)).status()).isEqualTo(403);
        assertThat(server.core().forwarding().get(acme.id(), bob.id()).isNone()).isTrue();
        assertThat(server.core().auditTrail().newest(acme.id(), 5)).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("forwarding.changed");
            assertThat(r.actor().name()).isEqualTo("1001");
        });
    }

    @Test
    void anotherTenantsAdminAndStrangersAreRefused() {
        Tenant other = server.hotdesk().tenant("other.example");
        ApiClient otherAdmin = server.adminClient(other.id(), "olaf@other");

        assertThat(otherAdmin.get(aliceForwarding).status()).isEqualTo(403);
        assertThat(otherAdmin.put(aliceForwarding, rules(null, "1002", null, null)).status()).isEqualTo(403);
        assertThat(admin.as(null).get(aliceForwarding).status()).isEqualTo(401);
        assertThat(otherAdmin.get("/api/v1/tenants/" + other.id() + "/users/" + alice.id() + "/forwarding").status())
                .as("not their person").isEqualTo(404);
        assertThat(stored().isNone()).isTrue();
    }

    @Test
    void theRoutesAreInTheOpenApiDocumentWithTheirShape() {
        JsonNode doc = admin.get("/api/v1/openapi.json").json();
        JsonNode path = doc.get("paths").get("/api/v1/tenants/{t}/users/{u}/forwarding");
        assertThat(path.has("get") && path.has("put")).isTrue();
        assertThat(path.get("put").get("responses").has("422")).isTrue();
        JsonNode view = doc.get("components").get("schemas").get("ForwardingView").get("properties");
        assertThat(view.has("always") && view.has("busy") && view.has("noAnswer") && view.has("unreachable")).isTrue();
        assertThat(doc.get("components").get("schemas").get("NoAnswerView").get("properties").has("afterSeconds"))
                .isTrue();
        assertThat(doc.get("components").get("schemas").get("SettingsView").get("properties").has("voicemailUri"))
                .isTrue();
    }
}
