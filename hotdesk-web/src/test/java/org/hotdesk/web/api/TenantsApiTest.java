package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenants, admin tokens, sign-in and the OpenAPI document over real HTTP. */
class TenantsApiTest {
    WebTestServer server;
    ApiClient system;
    ApiClient anonymous;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        system = server.systemClient();
        anonymous = system.as(null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSystemAdminCreatesATenantAndReadsItBackWithItsProvisioningUrl() {
        ApiClient.Answer created = system.post("/api/v1/tenants", Map.of("name", "Acme", "domain", "acme.example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("domain").asText()).isEqualTo("acme.example");

        JsonNode read = system.get("/api/v1/tenants/" + id).json();
        assertThat(read.get("name").asText()).isEqualTo("Acme");
        assertThat(read.get("provisioningUrl").asText()).startsWith("http://127.0.0.1/provisioning/");
        assertThat(system.get("/api/v1/tenants").json()).hasSize(1);
    }

    @Test
    void creatingTenantsAnswersTheMainErrors() {
        assertThat(anonymous.post("/api/v1/tenants", Map.of("name", "A", "domain", "a.example")).status()).isEqualTo(401);
        assertThat(system.as("hd_not-a-real-token").get("/api/v1/tenants").status()).isEqualTo(401);
        ApiClient.Answer bad = system.post("/api/v1/tenants", Map.of("name", "Acme", "domain", "not a domain"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("error").asText()).isEqualTo("invalid_input");
        assertThat(bad.json().get("details").get(0).get("field").asText()).isEqualTo("domain");
        assertThat(system.post("/api/v1/tenants", Map.of("name", "Acme", "domain", "acme.example")).status()).isEqualTo(201);
        ApiClient.Answer duplicate = system.post("/api/v1/tenants", Map.of("name", "Acme 2", "domain", "acme.example"));
        assertThat(duplicate.status()).isEqualTo(409);
        ApiClient.Answer broken = system.send("POST", "/api/v1/tenants", "{\"name\": ", "application/json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).isEqualTo("invalid_json");
        ApiClient.Answer unknownField = system.post("/api/v1/tenants", Map.of("name", "B", "domain", "b.example", "color", "red"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("message").asText()).contains("'color'").contains("domain", "name")
                .doesNotContain("org.hotdesk").doesNotContain("class");
        assertThat(system.get("/api/v1/tenants").json()).hasSize(1);
        assertThat(system.get("/api/v1/tenants/999").status()).isEqualTo(404);
        assertThat(system.get("/api/v1/tenants/abc").status()).isEqualTo(404);
    }

    @Test
    void aWrongMethodOnAKnownPathAnswers405WithTheMethodsItTakes() {
        ApiClient.Answer wrong = system.send("PUT", "/api/v1/tenants", "{}", "application/json");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(405);
        assertThat(wrong.json().get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(wrong.header("Allow")).contains("GET").contains("POST").doesNotContain("PUT");
        assertThat(system.get("/api/v1/tenants").json()).isEmpty();
        // an unknown path stays 404
        assertThat(system.get("/api/v1/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void aTenantAdminTokenSeesOnlyItsOwnTenant() {
        Tenant acme = server.hotdesk().tenant("acme.example");
        Tenant other = server.hotdesk().tenant("other.example");
        ApiClient.Answer issued = system.post("/api/v1/tenants/" + acme.id() + "/admin-tokens", Map.of("name", "ann@acme"));
        assertThat(issued.status()).isEqualTo(201);
        ApiClient ann = system.as(issued.json().get("token").asText());

        assertThat(ann.get("/api/v1/me").json().get("role").asText()).isEqualTo("tenant_admin");
        assertThat(ann.get("/api/v1/tenants/" + acme.id()).status()).isEqualTo(200);
        ApiClient.Answer across = ann.get("/api/v1/tenants/" + other.id());
        assertThat(across.status()).isEqualTo(403);
        assertThat(across.json().get("error").asText()).isEqualTo("forbidden");
        // a tenant that does not exist answers the same as another tenant's: ids cannot be probed
        assertThat(ann.get("/api/v1/tenants/999").status()).isEqualTo(403);
        JsonNode list = ann.get("/api/v1/tenants").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(acme.id());
        assertThat(ann.post("/api/v1/tenants", Map.of("name", "X", "domain", "x.example")).status()).isEqualTo(403);

        // listed without the secret; revoked, it stops working
        JsonNode tokens = ann.get("/api/v1/tenants/" + acme.id() + "/admin-tokens").json();
        assertThat(tokens.get(0).has("token")).isFalse();
        assertThat(ann.delete("/api/v1/tenants/" + other.id() + "/admin-tokens/" + tokens.get(0).get("id").asLong())
                .status()).isEqualTo(403);
        assertThat(system.delete("/api/v1/tenants/" + acme.id() + "/admin-tokens/" + tokens.get(0).get("id").asLong())
                .status()).isEqualTo(204);
        assertThat(ann.get("/api/v1/tenants/" + acme.id()).status()).isEqualTo(401);
        assertThat(system.delete("/api/v1/tenants/" + acme.id() + "/admin-tokens/12345").status()).isEqualTo(404);
    }

    @Test
    void anEmployeeSignsInWithExtensionAndPinAndIsLockedOutAfterRepeatedWrongPins() {
        Tenant acme = server.hotdesk().tenant("acme.example");
        server.hotdesk().user(acme, "1001", "8526");
        ApiClient.Answer ok = anonymous.post("/api/v1/auth/token",
                Map.of("tenant", "acme.example", "extension", "1001", "pin", "8526"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        ApiClient employee = anonymous.as(ok.json().get("token").asText());
        assertThat(employee.get("/api/v1/me").json().get("name").asText()).isEqualTo("1001");
        assertThat(employee.get("/api/v1/tenants").status()).isEqualTo(403);

        for (int i = 0; i < 5; i++) {
            ApiClient.Answer wrong = anonymous.post("/api/v1/auth/token",
                    Map.of("tenant", "acme.example", "extension", "1001", "pin", "9402"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("message").asText()).isEqualTo("Invalid extension or PIN");
        }
        ApiClient.Answer locked = anonymous.post("/api/v1/auth/token",
                Map.of("tenant", "acme.example", "extension", "1001", "pin", "8526"));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("message").asText()).isEqualTo("Locked, try later");
        // the same answer for an extension that does not exist
        assertThat(anonymous.post("/api/v1/auth/token",
                Map.of("tenant", "acme.example", "extension", "1999", "pin", "8526")).json().get("message").asText())
                .isEqualTo("Invalid extension or PIN");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRegisteredRoute() {
        ApiClient.Answer doc = anonymous.get("/api/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode json = doc.json();
        assertThat(json.get("openapi").asText()).isEqualTo("3.1.0");
        // a linter (redocly lint, recommended rules) refuses a document without servers
        assertThat(json.get("servers").get(0).get("url").asText()).isEqualTo("/");
        JsonNode tenants = json.get("paths").get("/api/v1/tenants");
        assertThat(tenants.get("post").get("responses").has("409")).isTrue();
        assertThat(tenants.get("post").get("requestBody").toString()).contains("NewTenantBody");
        assertThat(json.get("components").get("schemas").get("TenantView").get("properties").has("provisioningUrl"))
                .isTrue();
        assertThat(json.get("paths").get("/api/v1/tenants/{t}").get("get").get("parameters").get(0).get("name")
                .asText()).isEqualTo("t");
        // two records of one simple name (the sign-in's and the admin tokens' TokenView) get a schema each
        java.util.List<String> tokenViews = new java.util.ArrayList<>();
        json.get("components").get("schemas").fieldNames().forEachRemaining(n -> {
            if (n.endsWith("TokenView") && !n.contains("Issued")) {
                tokenViews.add(n);
            }
        });
        assertThat(tokenViews).hasSize(2);
    }

    @Test
    void listsArePagedWithTheTotalInAHeader() {
        for (int i = 1; i <= 5; i++) {
            server.hotdesk().tenant("t" + i + ".example");
        }
        ApiClient.Answer page = system.get("/api/v1/tenants?limit=2&offset=2");
        assertThat(page.json()).hasSize(2);
        assertThat(page.header("X-Total-Count")).isEqualTo("5");
        assertThat(page.json().get(0).get("domain").asText()).isEqualTo("t3.example");
        assertThat(system.get("/api/v1/tenants?q=t4").json()).hasSize(1);
        ApiClient.Answer bad = system.get("/api/v1/tenants?limit=0");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("message").asText()).contains("limit");
    }
}
