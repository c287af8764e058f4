package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotdesk.web.api.DevicesApiTest.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open sessions, forced logouts and the history of ended sessions, over real HTTP. */
class SessionsApiTest {
    WebTestServer server;
    TestHotdesk hd;
    Tenant acme;
    Tenant other;
    ApiClient admin;
    ApiClient otherAdmin;
    ApiClient employee;
    ApiClient anonymous;
    String sessions;
    User bob;
    User carol;
    Device desk1;
    Device desk2;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        hd = server.hotdesk();
        acme = hd.tenant("acme.example");
        other = hd.tenant("other.example");
        ApiClient system = server.systemClient();
        anonymous = system.as(null);
        admin = server.adminClient(acme.id(), "ann@acme");
        otherAdmin = server.adminClient(other.id(), "olaf@other");
        bob = hd.user(acme, "1002", "2581");
        carol = hd.user(acme, "1003", "2581");
        employee = server.employeeClient("acme.example", "1002", "2581");
        desk1 = hd.device(acme);
        desk2 = hd.device(acme);
        sessions = "/api/v1/tenants/" + acme.id() + "/sessions";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    long login(Device desk, User user) {
        LoginResult result = hd.core().logins().login(desk.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN),
                TestHotdesk.ADMIN);
        return ((LoginResult.LoggedIn) result).session().id();
    }

    @Test
    void openSessionsCarryTheContractFieldsAndFilterByUserAndDevice() {
        long first = login(desk1, bob);
        hd.clock().advance(Duration.ofMinutes(5));
        login(desk2, carol);
        Device elsewhere = hd.device(other);
        login(elsewhere, hd.user(other, "1002", "2581"));

        ApiClient.Answer open = admin.get(sessions);
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(open.json()).hasSize(2);
        JsonNode s = open.json().get(0);
        assertThat(s.get("id").asLong()).isEqualTo(first);
        assertThat(s.get("deviceId").asLong()).isEqualTo(desk1.id());
        assertThat(s.get("deviceName").asText()).isEqualTo(desk1.name());
        assertThat(s.get("userId").asLong()).isEqualTo(bob.id());
        assertThat(s.get("extension").asText()).isEqualTo("1002");
        assertThat(s.get("userName").asText()).isEqualTo("User 1002");
        assertThat(s.get("method").asText()).isEqualTo("admin");
        assertThat(s.get("startedAt").asText()).isEqualTo(TestHotdesk.START.toString());
        assertThat(s.has("lastActivityAt")).isTrue();
        assertThat(s.has("deadline")).isTrue();
        assertThat(s.get("endedAt").isNull()).isTrue();

        assertThat(admin.get(sessions + "?userId=" + carol.id()).json()).extracting(j -> j.get("deviceId").asLong())
                .containsExactly(desk2.id());
        assertThat(admin.get(sessions + "?deviceId=" + desk1.id()).json()).extracting(j -> j.get("userId").asLong())
                .containsExactly(bob.id());
        assertField(admin.get(sessions + "?userId=bob"), "userId");
        assertThat(anonymous.get(sessions).status()).isEqualTo(401);
        assertThat(otherAdmin.get(sessions).status()).isEqualTo(403);
        assertThat(employee.get(sessions).status()).isEqualTo(403);
    }

    @Test
    void anAdminForcesALogoutBySessionId() {
        long id = login(desk1, bob);
        long otherSession = login(hd.device(other), hd.user(other, "1002", "2581"));

        assertThat(employee.delete(sessions + "/" + id).status()).isEqualTo(403);
        assertThat(otherAdmin.delete(sessions + "/" + id).status()).isEqualTo(403);
        // another tenant's session is not found here, whatever its id
        assertThat(admin.delete(sessions + "/" + otherSession).status()).isEqualTo(404);
        assertThat(hd.core().sessions().listOpen(other.id())).hasSize(1);
        assertThat(admin.delete(sessions + "/999").status()).isEqualTo(404);

        assertThat(admin.delete(sessions + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(sessions).json()).isEmpty();
        JsonNode ended = admin.get(sessions + "/history").json().get(0);
        assertThat(ended.get("id").asLong()).isEqualTo(id);
        assertThat(ended.get("endReason").asText()).isEqualTo("admin");
        assertThat(ended.get("endedBy").asText()).contains("ann@acme");
    }

    @Test
    void theHistoryListsEndedSessionsNewestFirstWithWhyAndByWhom() {
        login(desk1, bob);
        hd.clock().advance(Duration.ofMinutes(10));
        login(desk1, carol); // displaces bob
        hd.clock().advance(Duration.ofMinutes(10));
        hd.core().sessions().logout(desk1.id(), LogoutReason.USER, TestHotdesk.ADMIN);
        login(desk2, bob); // still open: not history

        JsonNode history = admin.get(sessions + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("userId").asLong()).isEqualTo(carol.id());
        assertThat(history.get(0).get("endReason").asText()).isEqualTo("user");
        assertThat(history.get(0).get("endedAt").asText()).isEqualTo(TestHotdesk.START.plusSeconds(1200).toString());
        assertThat(history.get(1).get("endReason").asText()).isEqualTo("displaced");

        assertThat(admin.get(sessions + "/history?userId=" + bob.id()).json()).hasSize(1);
        assertThat(admin.get(sessions + "/history?deviceId=" + desk2.id()).json()).isEmpty();
        ApiClient.Answer limited = admin.get(sessions + "/history?limit=1");
        assertThat(limited.json()).hasSize(1);
        assertThat(limited.header("X-Total-Count")).isEqualTo("2");
        assertField(admin.get(sessions + "/history?deviceId=x"), "deviceId");
        assertThat(employee.get(sessions + "/history").status()).isEqualTo(403);

        // a removed desk's sessions stay in the history
        hd.core().devices().remove(acme.id(), desk1.id(), TestHotdesk.ADMIN);
        JsonNode kept = admin.get(sessions + "/history?userId=" + carol.id()).json().get(0);
        assertThat(kept.get("deviceId").asLong()).isEqualTo(desk1.id());
        assertThat(kept.get("deviceName").isNull()).isTrue();
    }
}
