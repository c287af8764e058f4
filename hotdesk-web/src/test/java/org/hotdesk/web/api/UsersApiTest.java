package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users over real HTTP: creating, listing, changing, PINs, lockout, keys, one-time codes and their desks. */
class UsersApiTest {
    WebTestServer server;
    HotdeskCore core;
    Tenant acme;
    Tenant other;
    ApiClient admin;
    ApiClient otherAdmin;
    ApiClient anonymous;
    String users;
    int desks;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        core = server.core();
        acme = server.hotdesk().tenant("acme.example");
        other = server.hotdesk().tenant("other.example");
        ApiClient system = server.systemClient();
        admin = server.adminClient(acme.id(), "ann@acme");
        otherAdmin = server.adminClient(other.id(), "olga@other");
        anonymous = system.as(null);
        users = "/api/v1/tenants/" + acme.id() + "/users";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ApiClient employee(User user) {
        return admin.as(core.access().issueEmployeeToken(user).secret());
    }

    boolean pinWorks(String extension, String pin) {
        return anonymous.post("/api/v1/auth/token", Map.of("tenant", "acme.example", "extension", extension, "pin", pin))
                .status() == 201;
    }

    void lock(User user) {
        for (int i = 0; i < LockoutPolicy.DEFAULT.maxFailures(); i++) {
            core.attempts().recordFailure(acme.id(), LockKey.user(user.id()), LockoutPolicy.DEFAULT);
        }
    }

    Device desk(String name, String description) {
        desks++;
        return core.devices().add(acme.id(), new NewDevice(MacAddress.parse(String.format("0015650001%02x", desks)), name,
                Vendor.YEALINK, "T54W", new CivicAddress(description, null, null, null, null, null, null, null, null, null),
                null), TestHotdesk.ADMIN);
    }

    Session logIn(Device desk, User user) {
        LoginResult result = core.logins().login(desk.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN),
                TestHotdesk.ADMIN);
        return ((LoginResult.LoggedIn) result).session();
    }

    @Test
    void anAdminCreatesAUserAndThePinIsNeverShownBack() {
        ApiClient.Answer created = admin.post(users, Map.of("extension", "1001", "name", "Ann Smith", "pin", "482913",
                "hotDesk", true, "sipPassword", "s3cret-sip-pass"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("extension").asText()).isEqualTo("1001");
        assertThat(user.get("name").asText()).isEqualTo("Ann Smith");
        assertThat(user.get("hotDesk").asBoolean()).isTrue();
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("locked").asBoolean()).isFalse();
        assertThat(user.get("sipAccount").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("482913").doesNotContain("s3cret").doesNotContainIgnoringCase("hash");
        assertThat(pinWorks("1001", "482913")).isTrue();

        ApiClient.Answer read = admin.get(users + "/" + user.get("id").asLong());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Ann Smith");
        assertThat(read.body()).doesNotContain("482913");
    }

    @Test
    void aUserCreatedWithoutSayingMayHotDeskLikeOneMadeInTheConsole() {
        ApiClient.Answer created = admin.post(users, Map.of("extension", "1002", "name", "Bo", "pin", "482913"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("hotDesk").asBoolean()).isTrue();
        ApiClient.Answer without = admin.post(users, Map.of("extension", "1003", "name", "Cy", "pin", "482913",
                "hotDesk", false));
        assertThat(without.json().get("hotDesk").asBoolean()).isFalse();
    }

    @Test
    void creatingAUserAnswersTheMainErrorsAndCreatesNothing() {
        Map<String, Object> ann = Map.of("extension", "1001", "name", "Ann", "pin", "4829", "hotDesk", true);
        assertThat(anonymous.post(users, ann).status()).isEqualTo(401);
        assertThat(otherAdmin.post(users, ann).status()).isEqualTo(403);
        User bob = server.hotdesk().user(acme, "1002", "2581");
        assertThat(employee(bob).post(users, ann).status()).isEqualTo(403);

        ApiClient.Answer badPin = admin.post(users, Map.of("extension", "1001", "name", "Ann", "pin", "12", "hotDesk", true));
        assertThat(badPin.status()).isEqualTo(422);
        assertThat(badPin.json().get("details").get(0).get("field").asText()).isEqualTo("pin");
        assertThat(badPin.body()).doesNotContain("\"12\"");
        ApiClient.Answer badExtension = admin.post(users, Map.of("extension", "1x", "name", "Ann", "pin", "4829"));
        assertThat(badExtension.json().get("details").get(0).get("field").asText()).isEqualTo("extension");
        ApiClient.Answer taken = admin.post(users, Map.of("extension", "1002", "name", "Other Bob", "pin", "4829"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("message").asText()).contains("1002");
        assertThat(admin.post(users, Map.of("extension", "1003", "name", "X", "pin", "4829", "admin", true)).status())
                .isEqualTo(400);

        assertThat(core.users().list(acme.id())).extracting(User::extension).containsExactly("1002");
        assertThat(core.users().byExtension(acme.id(), "1002").name()).isEqualTo("User 1002");
    }

    @Test
    void theUserListFiltersByTextAccessAndLockAndShowsWhereEachOneSits() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        User bob = server.hotdesk().user(acme, "1002", "2581");
        core.users().rename(acme.id(), bob.id(), "Bob Builder", TestHotdesk.ADMIN);
        User carl = server.hotdesk().user(acme, "2001", "2581");
        core.users().setHotDesk(acme.id(), carl.id(), false, TestHotdesk.ADMIN);
        server.hotdesk().user(other, "1001", "2581");
        lock(bob);
        Device reception = desk("Reception", "Front desk, ground floor");
        logIn(reception, ann);

        ApiClient.Answer all = admin.get(users);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        JsonNode first = all.json().get(0);
        assertThat(first.get("extension").asText()).isEqualTo("1001");
        assertThat(first.get("session").get("deviceId").asLong()).isEqualTo(reception.id());
        assertThat(first.get("session").get("deviceName").asText()).isEqualTo("Reception");
        assertThat(first.get("session").get("since").asText()).isEqualTo(TestHotdesk.START.toString());
        assertThat(all.json().get(1).get("session").isNull()).isTrue();
        assertThat(all.json().get(1).get("locked").asBoolean()).isTrue();
        assertThat(all.json().get(1).get("lockedUntil").asText())
                .isEqualTo(TestHotdesk.START.plus(LockoutPolicy.DEFAULT.lockDuration()).toString());

        assertThat(admin.get(users + "?q=builder").json()).extracting(n -> n.get("extension").asText()).containsExactly("1002");
        assertThat(admin.get(users + "?q=200").json()).extracting(n -> n.get("extension").asText()).containsExactly("2001");
        assertThat(admin.get(users + "?hotDesk=false").json()).extracting(n -> n.get("extension").asText()).containsExactly("2001");
        assertThat(admin.get(users + "?hotDesk=true&locked=true").json()).extracting(n -> n.get("extension").asText())
                .containsExactly("1002");
        ApiClient.Answer page = admin.get(users + "?limit=1&offset=2");
        assertThat(page.json()).extracting(n -> n.get("extension").asText()).containsExactly("2001");
        assertThat(page.header("X-Total-Count")).isEqualTo("3");
        ApiClient.Answer badFlag = admin.get(users + "?locked=maybe");
        assertThat(badFlag.status()).isEqualTo(422);
        assertThat(badFlag.json().get("details").get(0).get("field").asText()).isEqualTo("locked");

        // the lock ends by itself
        server.hotdesk().clock().advance(LockoutPolicy.DEFAULT.lockDuration().plus(Duration.ofSeconds(1)));
        assertThat(admin.get(users + "?locked=true").json()).isEmpty();

        assertThat(anonymous.get(users).status()).isEqualTo(401);
        assertThat(otherAdmin.get(users).status()).isEqualTo(403);
        assertThat(employee(ann).get(users).status()).isEqualTo(403);
    }

    @Test
    void anEmployeeReadsThemselvesButNobodyElse() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        User bob = server.hotdesk().user(acme, "1002", "2581");
        User olga = server.hotdesk().user(other, "1001", "2581");
        assertThat(employee(ann).get(users + "/" + ann.id()).json().get("extension").asText()).isEqualTo("1001");
        assertThat(employee(ann).get(users + "/" + bob.id()).status()).isEqualTo(403);
        assertThat(admin.get(users + "/999999").status()).isEqualTo(404);
        assertThat(admin.get(users + "/abc").status()).isEqualTo(404);
        // another tenant's user is not found in this one
        assertThat(admin.get(users + "/" + olga.id()).status()).isEqualTo(404);
        assertThat(otherAdmin.get(users + "/" + ann.id()).status()).isEqualTo(403);
        assertThat(anonymous.get(users + "/" + ann.id()).status()).isEqualTo(401);
    }

    @Test
    void patchingRenamesAndRevokingHotDeskAccessLogsTheUserOut() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        Device desk = desk("Desk 1", null);
        logIn(desk, ann);

        ApiClient.Answer changed = admin.patch(users + "/" + ann.id(), Map.of("name", "Ann Jones", "hotDesk", false));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("Ann Jones");
        assertThat(changed.json().get("hotDesk").asBoolean()).isFalse();
        assertThat(changed.json().get("session").isNull()).isTrue();
        assertThat(core.sessions().openSessionOf(desk.id())).isEmpty();

        ApiClient.Answer disabled = admin.patch(users + "/" + ann.id(), Map.of("enabled", false));
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("name").asText()).isEqualTo("Ann Jones");
        assertThat(core.users().get(acme.id(), ann.id()).enabled()).isFalse();
    }

    @Test
    void deletingLogsTheUserOutFreesTheExtensionAndLeavesHistoryNamingThem() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        Device desk = desk("Desk 1", null);
        logIn(desk, ann);
        assertThat(otherAdmin.delete(users + "/" + ann.id()).status()).isEqualTo(403);
        assertThat(employee(ann).delete(users + "/" + ann.id()).status()).isEqualTo(403);

        ApiClient.Answer deleted = admin.delete(users + "/" + ann.id());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(core.sessions().openSessionOf(desk.id())).isEmpty();
        assertThat(admin.get(users + "/" + ann.id()).status()).isEqualTo(404);
        assertThat(admin.delete(users + "/" + ann.id()).status()).isEqualTo(404);
        assertThat(admin.get(users).json().toString()).doesNotContain("User 1001");
        assertThat(pinWorks("1001", "2581")).isFalse();
        ApiClient.Answer again = admin.post(users, Map.of("extension", "1001", "name", "Bert Brown", "pin", "739104"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(pinWorks("1001", "739104")).isTrue();
        assertThat(admin.get("/api/v1/tenants/" + acme.id() + "/audit").json().toString())
                .contains("user.deleted", "user:" + ann.id() + "/1001");
    }

    @Test
    void aBadPatchChangesNothing() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        ApiClient.Answer blank = admin.patch(users + "/" + ann.id(), Map.of("name", " ", "hotDesk", false));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("details").get(0).get("field").asText()).isEqualTo("name");
        ApiClient.Answer unknown = admin.patch(users + "/" + ann.id(), Map.of("extension", "2002"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("extension");
        User after = core.users().get(acme.id(), ann.id());
        assertThat(after.name()).isEqualTo("User 1001");
        assertThat(after.hotDesk()).isTrue();
        assertThat(after.extension()).isEqualTo("1001");

        assertThat(admin.patch(users + "/999999", Map.of("name", "X")).status()).isEqualTo(404);
        assertThat(employee(ann).patch(users + "/" + ann.id(), Map.of("hotDesk", true)).status()).isEqualTo(403);
        assertThat(otherAdmin.patch(users + "/" + ann.id(), Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(anonymous.patch(users + "/" + ann.id(), Map.of("name", "X")).status()).isEqualTo(401);
    }

    @Test
    void theAdminOrTheEmployeeSetsThePinAndABadOneKeepsTheOld() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        User bob = server.hotdesk().user(acme, "1002", "2581");
        assertThat(admin.put(users + "/" + ann.id() + "/pin", Map.of("pin", "7391")).status()).isEqualTo(204);
        assertThat(pinWorks("1001", "7391")).isTrue();
        assertThat(pinWorks("1001", "2581")).isFalse();

        ApiClient annClient = employee(ann);
        assertThat(annClient.put(users + "/" + ann.id() + "/pin", Map.of("pin", "908172")).status()).isEqualTo(204);
        ApiClient.Answer bad = annClient.put(users + "/" + ann.id() + "/pin", Map.of("pin", "12ab"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("details").get(0).get("field").asText()).isEqualTo("pin");
        assertThat(bad.body()).doesNotContain("12ab");
        assertThat(pinWorks("1001", "908172")).isTrue();

        assertThat(annClient.put(users + "/" + bob.id() + "/pin", Map.of("pin", "9402")).status()).isEqualTo(403);
        assertThat(otherAdmin.put(users + "/" + bob.id() + "/pin", Map.of("pin", "9402")).status()).isEqualTo(403);
        assertThat(anonymous.put(users + "/" + bob.id() + "/pin", Map.of("pin", "9402")).status()).isEqualTo(401);
        assertThat(admin.put(users + "/999999/pin", Map.of("pin", "9402")).status()).isEqualTo(404);
        assertThat(pinWorks("1002", "2581")).isTrue();
    }

    @Test
    void anAdminLiftsALock() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        lock(ann);
        assertThat(pinWorks("1001", "2581")).isFalse();
        assertThat(employee(ann).delete(users + "/" + ann.id() + "/lock").status()).isEqualTo(403);
        assertThat(otherAdmin.delete(users + "/" + ann.id() + "/lock").status()).isEqualTo(403);
        assertThat(anonymous.delete(users + "/" + ann.id() + "/lock").status()).isEqualTo(401);
        assertThat(admin.delete(users + "/999999/lock").status()).isEqualTo(404);
        assertThat(admin.get(users + "/" + ann.id()).json().get("locked").asBoolean()).isTrue();

        assertThat(admin.delete(users + "/" + ann.id() + "/lock").status()).isEqualTo(204);
        assertThat(admin.get(users + "/" + ann.id()).json().get("locked").asBoolean()).isFalse();
        assertThat(pinWorks("1001", "2581")).isTrue();
    }

    @Test
    void keysAreReplacedByTheAdminAndReadByTheEmployee() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        User bob = server.hotdesk().user(acme, "1002", "2581");
        String keys = users + "/" + ann.id() + "/keys";
        assertThat(admin.get(keys).json().get("keys")).isEmpty();

        ApiClient.Answer put = admin.put(keys, Map.of("keys", List.of(
                Map.of("type", "blf", "value", "1002", "label", "Bob"),
                Map.of("type", "speed-dial", "value", "+4930123456"))));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode read = employee(ann).get(keys).json().get("keys");
        assertThat(read).hasSize(2);
        assertThat(read.get(0).get("type").asText()).isEqualTo("blf");
        assertThat(read.get(0).get("label").asText()).isEqualTo("Bob");
        assertThat(read.get(1).get("type").asText()).isEqualTo("speed-dial");
        assertThat(read.get(1).get("label").asText()).isEqualTo("+4930123456");

        ApiClient.Answer bad = admin.put(keys, Map.of("keys", List.of(
                Map.of("type", "blf", "value", "1003"), Map.of("type", "blf", "value", "call bob"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("details").get(0).get("field").asText()).isEqualTo("keys[1].value");
        ApiClient.Answer badType = admin.put(keys, Map.of("keys", List.of(Map.of("type", "park", "value", "1003"))));
        assertThat(badType.json().get("details").get(0).get("field").asText()).isEqualTo("keys[0].type");
        assertThat(core.users().keys(acme.id(), ann.id())).hasSize(2);

        assertThat(employee(ann).put(keys, Map.of("keys", List.of())).status()).isEqualTo(403);
        assertThat(employee(bob).get(keys).status()).isEqualTo(403);
        assertThat(otherAdmin.get(keys).status()).isEqualTo(403);
        assertThat(anonymous.get(keys).status()).isEqualTo(401);
        assertThat(admin.get(users + "/999999/keys").status()).isEqualTo(404);
        assertThat(admin.put(users + "/999999/keys", Map.of("keys", List.of())).status()).isEqualTo(404);
    }

    @Test
    void aOneTimeCodeComesWithItsDialStringAndLogsInAtADesk() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        ApiClient.Answer otp = employee(ann).post(users + "/" + ann.id() + "/otp", Map.of());
        assertThat(otp.status()).as(otp.toString()).isEqualTo(201);
        String code = otp.json().get("code").asText();
        assertThat(code).matches("[0-9]{6}");
        assertThat(otp.json().get("dialString").asText()).isEqualTo("00*" + code + "#");
        assertThat(otp.json().get("secondsLeft").asLong()).isEqualTo(120);
        assertThat(otp.json().get("expiresAt").asText()).isEqualTo(TestHotdesk.START.plusSeconds(120).toString());

        Device desk = desk("Desk 1", null);
        LoginResult login = core.logins().login(desk.id(), new Credentials.Otp(code), TestHotdesk.ADMIN);
        assertThat(login).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(((LoginResult.LoggedIn) login).session().userId()).isEqualTo(ann.id());

        // the dial string follows the tenant's own pattern
        core.tenants().updateSettings(acme.id(), core.tenants().get(acme.id()).settings().withFeatureCodes(
                new FeatureCodes(List.of("*55*{otp}#"), List.of(), List.of(), List.of("*12"))), TestHotdesk.ADMIN);
        JsonNode again = admin.post(users + "/" + ann.id() + "/otp", Map.of()).json();
        assertThat(again.get("dialString").asText()).isEqualTo("*55*" + again.get("code").asText() + "#");
    }

    @Test
    void oneTimeCodesAnswerTheMainErrors() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        User bob = server.hotdesk().user(acme, "1002", "2581");
        core.users().setHotDesk(acme.id(), bob.id(), false, TestHotdesk.ADMIN);
        ApiClient.Answer noAccess = admin.post(users + "/" + bob.id() + "/otp", Map.of());
        assertThat(noAccess.status()).isEqualTo(409);
        assertThat(noAccess.json().get("message").asText()).contains("hot-desk access");
        assertThat(employee(ann).post(users + "/" + bob.id() + "/otp", Map.of()).status()).isEqualTo(403);
        assertThat(otherAdmin.post(users + "/" + ann.id() + "/otp", Map.of()).status()).isEqualTo(403);
        assertThat(anonymous.post(users + "/" + ann.id() + "/otp", Map.of()).status()).isEqualTo(401);
        assertThat(admin.post(users + "/999999/otp", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theSessionsListShowsWhereSomeoneSitsAndEndingThemLogsThemOutEverywhere() {
        core.tenants().updateSettings(acme.id(), core.tenants().get(acme.id()).settings()
                .withMultipleLogin(org.hotdesk.core.policy.MultipleLoginPolicy.ALLOW), TestHotdesk.ADMIN);
        User ann = server.hotdesk().user(acme, "1001", "2581");
        User bob = server.hotdesk().user(acme, "1002", "2581");
        Device reception = desk("Reception", "Front desk, ground floor");
        Device lab = desk("Lab", null);
        Session first = logIn(reception, ann);
        server.hotdesk().clock().advance(Duration.ofMinutes(1));
        logIn(lab, ann);
        String sessions = users + "/" + ann.id() + "/sessions";

        ApiClient.Answer list = employee(ann).get(sessions);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).extracting(n -> n.get("deviceName").asText()).containsExactly("Lab", "Reception");
        JsonNode atReception = list.json().get(1);
        assertThat(atReception.get("id").asLong()).isEqualTo(first.id());
        assertThat(atReception.get("location").asText()).isEqualTo("Front desk, ground floor");
        assertThat(atReception.get("method").asText()).isEqualTo("ADMIN");
        assertThat(atReception.get("since").asText()).isEqualTo(TestHotdesk.START.toString());

        assertThat(employee(bob).get(sessions).status()).isEqualTo(403);
        assertThat(employee(bob).delete(sessions).status()).isEqualTo(403);
        assertThat(otherAdmin.delete(sessions).status()).isEqualTo(403);
        assertThat(anonymous.delete(sessions).status()).isEqualTo(401);
        assertThat(admin.get(users + "/999999/sessions").status()).isEqualTo(404);
        assertThat(admin.delete(users + "/999999/sessions").status()).isEqualTo(404);
        assertThat(core.sessions().listOpen(acme.id())).hasSize(2);

        // the employee leaving by themselves is a USER logout; an admin's is ADMIN
        assertThat(employee(ann).delete(sessions).status()).isEqualTo(204);
        assertThat(admin.get(sessions).json()).isEmpty();
        assertThat(core.sessions().history(acme.id(), ann.id(), null, 10)).extracting(Session::endReason)
                .containsOnly(LogoutReason.USER);
        logIn(reception, bob);
        assertThat(admin.delete(users + "/" + bob.id() + "/sessions").status()).isEqualTo(204);
        assertThat(core.sessions().history(acme.id(), bob.id(), null, 10)).extracting(Session::endReason)
                .containsExactly(LogoutReason.ADMIN);
    }

    @Test
    void theOpenApiDocumentDescribesTheUserRoutes() {
        JsonNode paths = anonymous.get("/api/v1/openapi.json").json().get("paths");
        assertThat(paths.get("/api/v1/tenants/{t}/users").get("post").get("responses").has("409")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/users/{u}/otp").has("post")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/users/{u}/sessions").has("delete")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/users/{u}/keys").has("put")).isTrue();
    }
}
