package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log, call history and emergency calls over real HTTP. */
class HistoryApiTest {
    WebTestServer server;
    HotdeskCore core;
    Tenant acme;
    Tenant other;
    ApiClient admin;
    ApiClient otherAdmin;
    String base;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        core = server.core();
        acme = server.hotdesk().tenant("acme.example");
        other = server.hotdesk().tenant("other.example");
        admin = server.adminClient(acme.id(), "ann@acme");
        otherAdmin = server.adminClient(other.id(), "olga");
        base = "/api/v1/tenants/" + acme.id();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ApiClient employee(User user) {
        return admin.as(core.access().issueEmployeeToken(user).secret());
    }

    @Test
    void theAuditLogListsNewestFirstAndFiltersByAction() {
        ApiClient.Answer created = admin.post(base + "/users", Map.of("extension", "1001", "name", "Ann", "pin", "4829",
                "hotDesk", true));
        long ann = created.json().get("id").asLong();
        server.hotdesk().clock().advance(Duration.ofMinutes(1));
        admin.patch(base + "/users/" + ann, Map.of("name", "Ann Jones"));
        server.hotdesk().user(other, "1001", "2581");

        ApiClient.Answer audit = admin.get(base + "/audit");
        assertThat(audit.status()).isEqualTo(200);
        JsonNode newest = audit.json().get(0);
        assertThat(newest.get("action").asText()).isEqualTo("user.renamed");
        assertThat(newest.get("actor").asText()).isEqualTo("admin:ann@acme");
        assertThat(newest.get("subject").asText()).isEqualTo("user:" + ann + "/1001");
        assertThat(newest.get("at").asText()).isEqualTo(TestHotdesk.START.plusSeconds(60).toString());
        assertThat(audit.json()).extracting(n -> n.get("action").asText())
                .contains("user.created", "tenant.created").doesNotContain("session.ended");
        assertThat(audit.body()).doesNotContain("4829");

        JsonNode users = admin.get(base + "/audit?action=user").json();
        assertThat(users).extracting(n -> n.get("action").asText()).containsExactly("user.renamed", "user.created");
        assertThat(admin.get(base + "/audit?action=user.created").json()).hasSize(1);
        assertThat(admin.get(base + "/audit?action=use").json()).isEmpty();
        ApiClient.Answer page = admin.get(base + "/audit?action=user&limit=1&offset=1");
        assertThat(page.json()).extracting(n -> n.get("action").asText()).containsExactly("user.created");
        assertThat(page.header("X-Total-Count")).isEqualTo("2");

        // the other tenant's user is not in this log
        assertThat(admin.get(base + "/audit?action=user.created").json().get(0).get("subject").asText())
                .isEqualTo("user:" + ann + "/1001");
        assertThat(otherAdmin.get(base + "/audit").status()).isEqualTo(403);
        assertThat(employee(core.users().get(acme.id(), ann)).get(base + "/audit").status()).isEqualTo(403);
        assertThat(admin.as(null).get(base + "/audit").status()).isEqualTo(401);
        assertThat(admin.get(base + "/audit?limit=-1").status()).isEqualTo(422);
    }

    @Test
    void callsAreListedForTheTenantAndForEachPerson() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        User bob = server.hotdesk().user(acme, "1002", "2581");
        User carl = server.hotdesk().user(acme, "1003", "2581");
        Device desk = server.hotdesk().device(acme);
        core.calls().started(acme.id(), "call-1", desk.id(), ann.id(), "1001", "1002", bob.id());
        core.calls().answered(acme.id(), "call-1", null);
        server.hotdesk().clock().advance(Duration.ofMinutes(2));
        core.calls().ended(acme.id(), "call-1", CallOutcome.ANSWERED);
        core.calls().started(acme.id(), "call-2", null, carl.id(), "1003", "+4930123456", null);

        ApiClient.Answer all = admin.get(base + "/calls");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).extracting(n -> n.get("callId").asText()).containsExactly("call-2", "call-1");
        JsonNode first = all.json().get(1);
        assertThat(first.get("caller").asText()).isEqualTo("1001");
        assertThat(first.get("callerUserId").asLong()).isEqualTo(ann.id());
        assertThat(first.get("callerDeviceId").asLong()).isEqualTo(desk.id());
        assertThat(first.get("calleeUserId").asLong()).isEqualTo(bob.id());
        assertThat(first.get("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(first.get("endedAt").asText()).isEqualTo(TestHotdesk.START.plusSeconds(120).toString());
        assertThat(all.json().get(0).get("outcome").isNull()).isTrue();

        assertThat(admin.get(base + "/calls?userId=" + bob.id()).json()).extracting(n -> n.get("callId").asText())
                .containsExactly("call-1");
        assertThat(employee(carl).get(base + "/users/" + carl.id() + "/calls").json())
                .extracting(n -> n.get("callId").asText()).containsExactly("call-2");
        assertThat(admin.get(base + "/users/" + ann.id() + "/calls").json()).hasSize(1);

        assertThat(employee(carl).get(base + "/users/" + ann.id() + "/calls").status()).isEqualTo(403);
        assertThat(employee(carl).get(base + "/calls").status()).isEqualTo(403);
        assertThat(otherAdmin.get(base + "/calls").status()).isEqualTo(403);
        assertThat(admin.as(null).get(base + "/calls").status()).isEqualTo(401);
        assertThat(admin.get(base + "/users/999999/calls").status()).isEqualTo(404);
        assertThat(admin.get(base + "/calls?userId=999999").status()).isEqualTo(404);
        ApiClient.Answer bad = admin.get(base + "/calls?userId=ann");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("details").get(0).get("field").asText()).isEqualTo("userId");
    }

    @Test
    void emergencyCallsShowTheDeskTheAddressAndWhetherTheAlertGotThrough() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        Device reception = server.hotdesk().device(acme);
        Device basement = server.hotdesk().device(acme);
        CivicAddress address = new CivicAddress("Reception", "DE", null, "Berlin", "Hauptstr.", "5", "10115", "B", "2", "2.14",
                "+4930123456");
        EmergencyAlert first = core.emergency().raise(reception, address, ann, "112", "call-1");
        core.emergency().delivered(first);
        server.hotdesk().clock().advance(Duration.ofMinutes(5));
        EmergencyAlert second = core.emergency().raise(basement, CivicAddress.NONE, null, "911", "call-2");
        core.emergency().failed(second, "connection refused");

        ApiClient.Answer list = admin.get(base + "/emergency-calls");
        assertThat(list.status()).isEqualTo(200);
        JsonNode undelivered = list.json().get(0);
        assertThat(undelivered.get("dialled").asText()).isEqualTo("911");
        assertThat(undelivered.get("time").asText()).isEqualTo(TestHotdesk.START.plusSeconds(300).toString());
        assertThat(undelivered.get("deviceId").asLong()).isEqualTo(basement.id());
        assertThat(undelivered.get("desk").asText()).isEqualTo(basement.name());
        assertThat(undelivered.get("dispatchable").asBoolean()).isFalse();
        assertThat(undelivered.get("location").isNull()).isTrue();
        assertThat(undelivered.get("userExtension").isNull()).isTrue();
        assertThat(undelivered.get("delivered").asBoolean()).isFalse();
        assertThat(undelivered.get("attempts").asInt()).isEqualTo(1);
        assertThat(undelivered.get("lastError").asText()).isEqualTo("connection refused");
        assertThat(undelivered.get("nextAttemptAt").isNull()).isFalse();

        JsonNode delivered = list.json().get(1);
        assertThat(delivered.get("dispatchable").asBoolean()).isTrue();
        assertThat(delivered.get("location").asText())
                .isEqualTo("Reception, Room 2.14, Floor 2, B, Hauptstr. 5, 10115 Berlin, DE");
        assertThat(delivered.get("callbackNumber").asText()).isEqualTo("+4930123456");
        assertThat(delivered.get("userExtension").asText()).isEqualTo("1001");
        assertThat(delivered.get("delivered").asBoolean()).isTrue();
        assertThat(delivered.get("deliveredAt").asText()).isEqualTo(TestHotdesk.START.toString());
        assertThat(delivered.get("lastError").isNull()).isTrue();

        assertThat(employee(ann).get(base + "/emergency-calls").status()).isEqualTo(403);
        assertThat(otherAdmin.get(base + "/emergency-calls").status()).isEqualTo(403);
        assertThat(admin.as(null).get(base + "/emergency-calls").status()).isEqualTo(401);
        assertThat(admin.as(WebTestServer.ADMIN_TOKEN).get("/api/v1/tenants/999999/emergency-calls").status())
                .isEqualTo(404);
        assertThat(otherAdmin.get("/api/v1/tenants/" + other.id() + "/emergency-calls").json()).isEmpty();
    }
}
