package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's event webhooks over real HTTP: made, listed with their outcome, changed and removed; bad ones named. */
class WebhooksApiTest {
    WebTestServer server;
    Tenant acme;
    ApiClient admin;
    String webhooks;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        admin = server.adminClient(acme.id(), "ann@acme");
        webhooks = "/api/v1/tenants/" + acme.id() + "/webhooks";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWebhookIsMadeWithItsSecretShownOnceThenListedChangedAndRemoved() {
        ApiClient.Answer made = admin.post(webhooks, Map.of("url", "https://hooks.example.com/hotdesk",
                "events", List.of("login", "logout", "emergency.call"), "description", "SIEM"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode created = made.json();
        long id = created.get("id").asLong();
        assertThat(created.get("secret").asText()).startsWith("whsec_");
        assertThat(created.get("events")).extracting(JsonNode::asText).containsExactly("login", "logout", "emergency.call");

        JsonNode listed = admin.get(webhooks).json().get(0);
        assertThat(listed.get("url").asText()).isEqualTo("https://hooks.example.com/hotdesk");
        assertThat(listed.has("secret")).as("the secret is never shown again").isFalse();
        assertThat(listed.get("pending").asInt()).isZero();
        assertThat(listed.get("lastStatus").isNull()).isTrue();

        ApiClient.Answer changed = admin.patch(webhooks + "/" + id, Map.of("events", List.of("locked")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("events")).extracting(JsonNode::asText).containsExactly("locked");
        assertThat(changed.json().get("url").asText()).as("what the PATCH left out stays").isEqualTo("https://hooks.example.com/hotdesk");
        assertThat(admin.get(webhooks + "/" + id).json().get("description").asText()).isEqualTo("SIEM");

        assertThat(admin.delete(webhooks + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(webhooks + "/" + id).status()).isEqualTo(404);
        assertThat(admin.get(webhooks).json()).isEmpty();
    }

    @Test
    void badWebhooksAreRefusedNamingTheFieldAndNothingIsMade() {
        Map<String, Map<String, Object>> bad = Map.of(
                "url", Map.of("url", "hooks.example.com", "events", List.of("login")),
                "events", Map.of("url", "https://hooks.example.com/", "events", List.of("login", "signin")));
        for (var b : bad.entrySet()) {
            ApiClient.Answer answer = admin.post(webhooks, b.getValue());
            assertThat(answer.status()).as(b.getKey() + ": " + answer.body()).isEqualTo(422);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_input");
            assertThat(answer.body()).contains(b.getKey());
        }
        assertThat(admin.post(webhooks, Map.of("url", "https://hooks.example.com/")).body())
                .as("no events").contains("events").contains("login, logout");
        assertThat(admin.post(webhooks, Map.of("url", "https://hooks.example.com/", "events", List.of("login"),
                "secret", "mine")).status()).as("a field the API does not take").isEqualTo(400);
        assertThat(admin.get(webhooks).json()).isEmpty();
    }

    @Test
    void anotherTenantsAdminCannotSeeOrTouchThem() {
        Tenant other = server.hotdesk().tenant("other.example");
        ApiClient stranger = server.adminClient(other.id(), "oscar@other");
        long id = admin.post(webhooks, Map.of("url", "https://hooks.example.com/", "events", List.of("login")))
                .json().get("id").asLong();

        assertThat(stranger.get(webhooks).status()).isEqualTo(403);
        assertThat(stranger.delete(webhooks + "/" + id).status()).isEqualTo(403);
        assertThat(admin.get(webhooks + "/" + id).status()).isEqualTo(200);
    }
}
