package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.access.AccessService;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.forwarding.ForwardingRequest;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.trunk.Trunk;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route the OpenAPI document lists, called by someone who may not: no token (401), another tenant's
 * admin (403), an employee acting for a colleague (403). Read from the document, so a route added later
 * is swept too; and nothing may change on the way.
 */
class ApiAccessSweepTest {
    WebTestServer server;
    ApiClient anonymous;
    Tenant acme;
    User alice;
    User bob;
    Device desk;
    Gateway gateway;
    long sessionId;
    long tokenId;
    long webhookId;
    Site site;
    Trunk trunk;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        anonymous = new ApiClient(server.baseUrl(), null);
        acme = server.hotdesk().tenant("acme.example");
        alice = server.hotdesk().user(acme, "1001", "8526");
        bob = server.hotdesk().user(acme, "1002", "8761");
        desk = server.hotdesk().device(acme);
        server.core().gateways().add(acme.id(), new NewDevice(MacAddress.parse("00:0b:82:00:00:01"), "ATA",
                Vendor.GRANDSTREAM, "HT802", null, null), 2, TestHotdesk.ADMIN);
        gateway = server.core().gateways().list(acme.id()).get(0);
        LoginResult login = server.core().logins().login(desk.id(),
                new Credentials.Assigned(alice.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        sessionId = ((LoginResult.LoggedIn) login).session().id();
        tokenId = server.core().access().issueTenantAdminToken(acme.id(), "ann", TestHotdesk.ADMIN).token().id();
        webhookId = server.core().webhooks().create(acme.id(), "https://hooks.example.com/", java.util.List.of("login"),
                "", TestHotdesk.ADMIN).id();
        site = server.core().sites().create(acme.id(), "HQ", CivicAddress.NONE, TestHotdesk.ADMIN);
        trunk = server.core().trunks().create(acme.id(), "Carrier", List.of("192.0.2.10"),
                Map.of("+14155550100", "1001"), TestHotdesk.ADMIN);
        server.core().forwarding().set(acme.id(), alice.id(), new ForwardingRequest(null, "1002", null, null),
                TestHotdesk.ADMIN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Call(String method, String path) {
    }

    private List<Call> documentedCalls() {
        JsonNode paths = anonymous.get("/api/v1/openapi.json").json().get("paths");
        List<Call> calls = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (!paths.get(path).get(method).get("security").isEmpty()) {
                calls.add(new Call(method.toUpperCase(), path.replace("{t}", String.valueOf(acme.id()))
                        .replace("{u}", String.valueOf(alice.id())).replace("{d}", String.valueOf(desk.id()))
                        .replace("{g}", String.valueOf(gateway.id())).replace("{s}", String.valueOf(sessionId))
                        .replace("{id}", String.valueOf(tokenId)).replace("{w}", String.valueOf(webhookId))
                        .replace("{site}", String.valueOf(site.id()))
                        .replace("{trunk}", String.valueOf(trunk.id()))));
            }
        }));
        return calls;
    }

    private ApiClient.Answer call(ApiClient client, Call c) {
        boolean csv = c.path().endsWith(".csv");
        String body = csv ? "mac\n00:15:65:99:99:99\n" : "{}";
        return switch (c.method()) {
            case "GET" -> client.get(c.path());
            case "DELETE" -> client.delete(c.path());
            default -> client.send(c.method(), c.path(), body, csv ? "text/csv" : "application/json");
        };
    }

    @Test
    void everyDocumentedRouteRefusesCallersWhoMayNot() {
        Tenant other = server.hotdesk().tenant("other.example");
        ApiClient otherAdmin = server.adminClient(other.id(), "mallory");
        AccessService access = server.core().access();
        ApiClient colleague = anonymous.as(access.issueEmployeeToken(bob).secret());
        List<Call> calls = documentedCalls();
        assertThat(calls).hasSizeGreaterThan(40);

        List<String> wrong = new ArrayList<>();
        for (Call c : calls) {
            int none = call(anonymous, c).status();
            if (none != 401) {
                wrong.add(c + " without a token answered " + none);
            }
            if (c.path().startsWith("/api/v1/tenants/" + acme.id())) {
                int across = call(otherAdmin, c).status();
                if (across != 403) {
                    wrong.add(c + " by another tenant's admin answered " + across);
                }
                int byColleague = call(colleague, c).status();
                if (byColleague != 403) {
                    wrong.add(c + " by an employee acting for a colleague answered " + byColleague);
                }
            }
        }
        assertThat(wrong).isEmpty();

        // nothing changed on the way
        assertThat(server.core().devices().list(acme.id())).hasSize(3);
        assertThat(server.core().users().list(acme.id())).hasSize(2);
        assertThat(server.core().sessions().openSessionOf(desk.id())).isPresent();
        assertThat(server.core().access().adminTokens(acme.id())).hasSize(1);
        assertThat(server.core().tenants().list()).hasSize(2);
        assertThat(server.core().sites().list(acme.id())).containsExactly(site);
        assertThat(server.core().trunks().list(acme.id())).containsExactly(trunk);
        assertThat(server.core().forwarding().get(acme.id(), alice.id()).busy().text()).isEqualTo("1002");
    }

    @Test
    void anEmployeeReachesTheirOwnCodeSessionsAndPinButNothingOfTheAdmins() {
        ApiClient employee = anonymous.as(server.core().access().issueEmployeeToken(alice).secret());
        String me = "/api/v1/tenants/" + acme.id() + "/users/" + alice.id();
        assertThat(employee.get(me).status()).isEqualTo(200);
        assertThat(employee.post(me + "/otp", Map.of()).status()).isEqualTo(201);
        assertThat(employee.get(me + "/sessions").json()).hasSize(1);
        assertThat(employee.get("/api/v1/tenants/" + acme.id() + "/devices").status()).isEqualTo(403);
        assertThat(employee.get("/api/v1/tenants/" + acme.id() + "/settings").status()).isEqualTo(403);
        assertThat(employee.delete(me + "/sessions").status()).isEqualTo(204);
        assertThat(server.core().sessions().openSessionOf(desk.id())).isEmpty();
    }
}
