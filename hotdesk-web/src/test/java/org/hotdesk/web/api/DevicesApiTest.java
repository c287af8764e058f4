package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.resync.ResyncAttempt;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Devices over real HTTP: adding, listing with filters, changing, admin login and logout, counters, bulk actions. */
class DevicesApiTest {
    static final Map<String, Object> BERLIN = Map.of("description", "Window desk", "country", "de", "city", "Berlin",
            "street", "Hauptstr.", "houseNumber", "1", "floor", "2", "room", "2.14", "callbackNumber", "+49 30 1234-5678");
    WebTestServer server;
    TestHotdesk hd;
    Tenant acme;
    ApiClient admin;
    ApiClient otherAdmin;
    ApiClient employee;
    ApiClient anonymous;
    String devices;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        hd = server.hotdesk();
        acme = hd.phoneKeyLogin(hd.tenant("acme.example"));
        Tenant other = hd.tenant("other.example");
        ApiClient system = server.systemClient();
        anonymous = system.as(null);
        admin = server.adminClient(acme.id(), "ann@acme");
        otherAdmin = server.adminClient(other.id(), "olaf@other");
        hd.user(acme, "1001", "8526");
        employee = server.employeeClient("acme.example", "1001", "8526");
        devices = "/api/v1/tenants/" + acme.id() + "/devices";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Map<String, Object> desk(String mac, String name, String vendor) {
        Map<String, Object> body = new HashMap<>(Map.of("mac", mac, "name", name, "vendor", vendor, "model", "T54W"));
        body.put("location", BERLIN);
        return body;
    }

    long create(Map<String, Object> body) {
        ApiClient.Answer created = admin.post(devices, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    void login(long deviceId, User user) {
        hd.core().logins().login(deviceId, new Credentials.Assigned(user.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
    }

    void register(long deviceId, String userAgent) {
        hd.core().ports().registrations().write(java.util.Map.of(LocationService.deviceKey(deviceId), List.of(new Registration(acme.id(), deviceId, null, "hd", "sip:hd@192.0.2.7:5062", "192.0.2.7:5062", "udp",
                        userAgent, null, List.of(), hd.clock().instant(), hd.clock().instant().plusSeconds(300), "c1"))), List.of());
    }

    @Test
    void anAddedDeviceShowsItsSipPasswordOnlyInTheCreationAnswer() {
        Map<String, Object> body = desk("00-15-65-AA-BB-CC", "Reception", "yealink");
        body.put("provisioning", Map.of("mode", "phone-key", "transport", "tls", "sipPort", 5061,
                "sipDomain", "SIP.acme.example"));
        ApiClient.Answer created = admin.post(devices, body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        String password = json.get("sipPassword").asText();
        assertThat(password).hasSize(20);
        assertThat(json.get("mac").asText()).isEqualTo("00:15:65:aa:bb:cc");
        assertThat(json.get("sipUsername").asText()).isEqualTo("hd001565aabbcc");
        assertThat(json.get("location").get("country").asText()).isEqualTo("DE");
        assertThat(json.get("provisioning").get("sipDomain").asText()).isEqualTo("sip.acme.example");

        long id = json.get("id").asLong();
        ApiClient.Answer read = admin.get(devices + "/" + id);
        assertThat(read.json().get("name").asText()).isEqualTo("Reception");
        assertThat(read.json().get("vendor").asText()).isEqualTo("yealink");
        assertThat(read.json().get("emergencyLocationMissing").asBoolean()).isFalse();
        assertThat(read.json().get("provisioning").get("mode").asText()).isEqualTo("phone-key");
        assertThat(read.json().get("provisioning").get("transport").asText()).isEqualTo("tls");
        assertThat(read.json().get("provisionLimit").asInt()).isEqualTo(20);
        assertThat(read.json().get("status").asText()).isEqualTo("unregistered");
        assertThat(read.json().get("registration").get("registered").asBoolean()).isFalse();
        assertThat(read.json().has("sipPassword")).isFalse();
        assertThat(read.body()).doesNotContain(password);
        assertThat(admin.get(devices).body()).doesNotContain(password);
        assertThat(admin.patch(devices + "/" + id, Map.of("name", "Front desk")).body()).doesNotContain(password);
    }

    @Test
    void addingADeviceAnswersTheMainErrorsAndChangesNothing() {
        Map<String, Object> good = desk("00:15:65:aa:bb:cc", "Desk", "yealink");
        assertThat(anonymous.post(devices, good).status()).isEqualTo(401);
        assertThat(otherAdmin.post(devices, good).status()).isEqualTo(403);
        assertThat(employee.post(devices, good).status()).isEqualTo(403);
        assertThat(employee.get(devices).status()).isEqualTo(403);

        assertField(admin.post(devices, desk("00:15:65:aa:bb", "Desk", "yealink")), "mac");
        assertField(admin.post(devices, desk("00:15:65:aa:bb:cc", "Desk", "nokia")), "vendor");
        Map<String, Object> badCountry = desk("00:15:65:aa:bb:cc", "Desk", "yealink");
        badCountry.put("location", Map.of("country", "Germany"));
        assertField(admin.post(devices, badCountry), "country");
        Map<String, Object> noKey = desk("00:04:f2:aa:bb:cc", "Desk", "poly");
        noKey.put("provisioning", Map.of("mode", "phone-key"));
        assertField(admin.post(devices, noKey), "mode");
        Map<String, Object> badDomain = desk("00:15:65:aa:bb:cc", "Desk", "yealink");
        badDomain.put("provisioning", Map.of("sipDomain", "not a host"));
        assertField(admin.post(devices, badDomain), "sipDomain");
        Map<String, Object> badSite = desk("00:15:65:aa:bb:cc", "Desk", "yealink");
        badSite.put("siteId", 999);
        assertField(admin.post(devices, badSite), "siteId");
        assertThat(admin.get(devices).json()).isEmpty();

        create(good);
        ApiClient.Answer duplicate = admin.post(devices, desk("00:15:65:AA:BB:CC", "Other desk", "yealink"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("message").asText()).contains("00:15:65:aa:bb:cc");
        assertThat(admin.get(devices).json()).hasSize(1);

        assertThat(admin.get(devices + "/999").status()).isEqualTo(404);
        Device elsewhere = hd.device(hd.tenant("third.example"));
        assertThat(admin.get(devices + "/" + elsewhere.id()).status()).isEqualTo(404);
        assertThat(otherAdmin.get(devices + "/999").status()).isEqualTo(403);
    }

    static void assertField(ApiClient.Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_input");
        assertThat(answer.json().get("details").get(0).get("field").asText()).as(answer.toString()).isEqualTo(field);
    }

    @Test
    void theListFiltersByStatusVendorAndText() {
        long inUse = create(desk("00:15:65:00:00:01", "Desk one", "yealink"));
        long idle = create(desk("00:15:65:00:00:02", "Desk two", "snom"));
        Map<String, Object> noLocation = desk("00:15:65:00:00:03", "Desk three", "yealink");
        noLocation.remove("location");
        long unregistered = create(noLocation);
        User bob = hd.user(acme, "1002", "2581");
        login(inUse, bob);
        register(inUse, "Yealink SIP-T54W");
        register(idle, "snom D785");

        JsonNode busy = admin.get(devices + "?status=in_use").json();
        assertThat(busy).hasSize(1);
        assertThat(busy.get(0).get("id").asLong()).isEqualTo(inUse);
        assertThat(busy.get(0).get("session").get("extension").asText()).isEqualTo("1002");
        assertThat(busy.get(0).get("session").get("userName").asText()).isEqualTo("User 1002");
        assertThat(busy.get(0).get("session").get("method").asText()).isEqualTo("admin");
        JsonNode free = admin.get(devices + "?status=idle").json();
        assertThat(free).hasSize(1);
        assertThat(free.get(0).get("registration").get("userAgent").asText()).isEqualTo("snom D785");
        assertThat(free.get(0).get("registration").get("source").asText()).isEqualTo("192.0.2.7:5062");
        assertThat(free.get(0).get("session").isNull()).isTrue();
        JsonNode silent = admin.get(devices + "?status=unregistered").json();
        assertThat(silent).hasSize(1);
        assertThat(silent.get(0).get("emergencyLocationMissing").asBoolean()).isTrue();
        assertThat(silent.get(0).get("id").asLong()).isEqualTo(unregistered);

        assertThat(admin.get(devices + "?vendor=snom").json()).extracting(d -> d.get("id").asLong()).containsExactly(idle);
        assertThat(admin.get(devices + "?q=window").json()).hasSize(2);
        assertThat(admin.get(devices + "?q=00:00:03").json()).extracting(d -> d.get("id").asLong())
                .containsExactly(unregistered);
        assertThat(admin.get(devices + "?q=three").json()).hasSize(1);
        ApiClient.Answer paged = admin.get(devices + "?limit=1&offset=1");
        assertThat(paged.json()).hasSize(1);
        assertThat(paged.header("X-Total-Count")).isEqualTo("3");
        assertField(admin.get(devices + "?status=busy"), "status");
        assertField(admin.get(devices + "?vendor=nokia"), "vendor");
    }

    @Test
    void aPatchChangesSeveralFieldsTogetherOrNothing() {
        long id = create(desk("00:15:65:00:00:01", "Desk one", "yealink"));
        Site hq = hd.core().sites().create(acme.id(), "HQ", new CivicAddress("HQ", "DE", "BE", "Berlin", "Hauptstr.", "1",
                "10115", null, null, null), TestHotdesk.ADMIN);

        ApiClient.Answer changed = admin.patch(devices + "/" + id, Map.of("name", "Reception", "model", "T57W",
                "location", Map.of("floor", "3", "room", "3.01"), "siteId", hq.id(),
                "provisioning", Map.of("ntpServer", "ntp.acme.example")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode read = admin.get(devices + "/" + id).json();
        assertThat(read.get("name").asText()).isEqualTo("Reception");
        assertThat(read.get("model").asText()).isEqualTo("T57W");
        assertThat(read.get("siteId").asLong()).isEqualTo(hq.id());
        // the desk's own floor and room, the rest from its site
        assertThat(read.get("location").get("room").asText()).isEqualTo("3.01");
        assertThat(read.get("location").get("city").asText()).isEqualTo("Berlin");
        assertThat(read.get("ownLocation").get("city").isNull()).isTrue();
        assertThat(read.get("emergencyLocationMissing").asBoolean()).isFalse();
        assertThat(read.get("provisioning").get("ntpServer").asText()).isEqualTo("ntp.acme.example");
        assertThat(read.get("provisioning").get("transport").asText()).isEqualTo("udp");

        assertField(admin.patch(devices + "/" + id, Map.of("name", "Renamed", "location", Map.of("country", "Germany"))),
                "country");
        assertField(admin.patch(devices + "/" + id, Map.of("name", "Renamed", "provisioning", Map.of("sipPort", 70000))),
                "sipPort");
        assertField(admin.patch(devices + "/" + id, Map.of("name", "Renamed", "siteId", 999)), "siteId");
        assertThat(admin.get(devices + "/" + id).json()).isEqualTo(read);

        Map<String, Object> offSite = new HashMap<>();
        offSite.put("siteId", null);
        offSite.put("enabled", false);
        JsonNode moved = admin.patch(devices + "/" + id, offSite).json();
        assertThat(moved.get("siteId").isNull()).isTrue();
        assertThat(moved.get("enabled").asBoolean()).isFalse();
        assertThat(moved.get("emergencyLocationMissing").asBoolean()).isTrue();
        assertThat(admin.patch(devices + "/999", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(otherAdmin.patch(devices + "/" + id, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(admin.patch(devices + "/" + id, Map.of("colour", "red")).status()).isEqualTo(400);
    }

    @Test
    void anAdminLogsAUserInAndOutAtADesk() {
        long id = create(desk("00:15:65:00:00:01", "Desk one", "yealink"));
        User bob = hd.user(acme, "1002", "2581");
        User carol = hd.core().users().create(acme.id(), new NewUser("1003", "Carol", "2581", false, null),
                TestHotdesk.ADMIN);

        ApiClient.Answer in = admin.put(devices + "/" + id + "/session", Map.of("userId", bob.id()));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.json().get("userId").asLong()).isEqualTo(bob.id());
        assertThat(in.json().get("deviceId").asLong()).isEqualTo(id);
        assertThat(in.json().get("extension").asText()).isEqualTo("1002");
        assertThat(in.json().get("method").asText()).isEqualTo("admin");
        assertThat(in.json().get("startedAt").asText()).isEqualTo(TestHotdesk.START.toString());
        assertThat(admin.get(devices + "/" + id).json().get("session").get("userId").asLong()).isEqualTo(bob.id());

        ApiClient.Answer refused = admin.put(devices + "/" + id + "/session", Map.of("userId", carol.id()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).isEqualTo("Hot desking not allowed");
        assertThat(hd.core().sessions().openSessionOf(id).orElseThrow().userId()).isEqualTo(bob.id());
        assertField(admin.put(devices + "/" + id + "/session", Map.of("userId", 999)), "userId");
        assertField(admin.put(devices + "/" + id + "/session", Map.of()), "userId");
        assertThat(employee.put(devices + "/" + id + "/session", Map.of("userId", bob.id())).status()).isEqualTo(403);
        assertThat(admin.put(devices + "/999/session", Map.of("userId", bob.id())).status()).isEqualTo(404);

        assertThat(employee.delete(devices + "/" + id + "/session").status()).isEqualTo(403);
        assertThat(admin.delete(devices + "/" + id + "/session").status()).isEqualTo(204);
        assertThat(hd.core().sessions().openSessionOf(id)).isEmpty();
        ApiClient.Answer nobody = admin.delete(devices + "/" + id + "/session");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("message").asText()).isEqualTo("no one is logged in at Desk one");
    }

    @Test
    void aRemovedDeviceLogsOutItsUserAndIsGone() {
        long id = create(desk("00:15:65:00:00:01", "Desk one", "yealink"));
        User bob = hd.user(acme, "1002", "2581");
        login(id, bob);

        assertThat(otherAdmin.delete(devices + "/" + id).status()).isEqualTo(403);
        assertThat(admin.delete(devices + "/" + id).status()).isEqualTo(204);

        assertThat(admin.get(devices + "/" + id).status()).isEqualTo(404);
        assertThat(admin.delete(devices + "/" + id).status()).isEqualTo(404);
        assertThat(hd.core().sessions().history(acme.id(), bob.id(), null, 10).get(0).endReason().name())
                .isEqualTo("DEVICE_REMOVED");
        assertThat(admin.post(devices, desk("00:15:65:00:00:01", "Again", "yealink")).status()).isEqualTo(201);
    }

    @Test
    void anAdminResetsAProvisionCounter() {
        long id = create(desk("00:15:65:00:00:01", "Desk one", "yealink"));
        hd.core().ports().provisionCounts().countProvisioning(id);
        hd.core().ports().provisionCounts().countProvisioning(id);
        assertThat(admin.get(devices + "/" + id).json().get("provisionCount").asInt()).isEqualTo(2);

        assertThat(employee.post(devices + "/" + id + "/provision-counter/reset", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post(devices + "/" + id + "/provision-counter/reset", Map.of()).status()).isEqualTo(204);

        assertThat(admin.get(devices + "/" + id).json().get("provisionCount").asInt()).isZero();
        assertThat(admin.post(devices + "/999/provision-counter/reset", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aBulkActionWithAnUnknownIdChangesNothing() {
        long a = create(desk("00:15:65:00:00:01", "Desk one", "yealink"));
        long b = create(desk("00:15:65:00:00:02", "Desk two", "yealink"));
        hd.core().ports().provisionCounts().countProvisioning(a);
        User bob = hd.user(acme, "1002", "2581");
        login(a, bob);

        for (String action : List.of("remove", "reset_counter", "logout", "set_ntp")) {
            ApiClient.Answer refused = admin.post(devices + "/bulk",
                    Map.of("action", action, "deviceIds", List.of(a, 998, b, 999), "value", "ntp.acme.example"));
            assertField(refused, "deviceIds");
            assertThat(refused.json().get("message").asText()).contains("998, 999");
        }
        assertThat(admin.get(devices).json()).hasSize(2);
        JsonNode first = admin.get(devices + "/" + a).json();
        assertThat(first.get("provisionCount").asInt()).isEqualTo(1);
        assertThat(first.get("status").asText()).isEqualTo("in_use");
        assertThat(first.get("provisioning").get("ntpServer").isNull()).isTrue();

        assertField(admin.post(devices + "/bulk", Map.of("action", "reboot", "deviceIds", List.of(a))), "action");
        assertField(admin.post(devices + "/bulk", Map.of("action", "remove", "deviceIds", List.of())), "deviceIds");
        assertField(admin.post(devices + "/bulk", Map.of("action", "set_sip_domain", "deviceIds", List.of(a))), "value");
        assertField(admin.post(devices + "/bulk",
                Map.of("action", "set_sip_domain", "deviceIds", List.of(a), "value", "not a host")), "value");
        assertThat(otherAdmin.post(devices + "/bulk", Map.of("action", "remove", "deviceIds", List.of(a))).status())
                .isEqualTo(403);
        assertThat(admin.get(devices).json()).hasSize(2);
    }

    @Test
    void bulkActionsApplyToEveryNamedDevice() {
        long a = create(desk("00:15:65:00:00:01", "Desk one", "yealink"));
        long b = create(desk("00:15:65:00:00:02", "Desk two", "yealink"));
        long c = create(desk("00:15:65:00:00:03", "Desk three", "yealink"));
        hd.core().ports().provisionCounts().countProvisioning(a);
        hd.core().ports().provisionCounts().countProvisioning(b);
        login(a, hd.user(acme, "1002", "2581"));

        JsonNode domain = admin.post(devices + "/bulk", Map.of("action", "set_sip_domain", "deviceIds", List.of(a, b),
                "value", "sip.acme.example")).json();
        assertThat(domain.get("changed").asInt()).isEqualTo(2);
        assertThat(admin.post(devices + "/bulk", Map.of("action", "set_ntp", "deviceIds", List.of(b, c),
                "value", "ntp.acme.example")).status()).isEqualTo(200);
        assertThat(admin.post(devices + "/bulk", Map.of("action", "reset_counter", "deviceIds", List.of(a, b)))
                .json().get("changed").asInt()).isEqualTo(2);
        assertThat(admin.post(devices + "/bulk", Map.of("action", "logout", "deviceIds", List.of(a, b))).status())
                .isEqualTo(200);

        JsonNode first = admin.get(devices + "/" + a).json();
        assertThat(first.get("provisioning").get("sipDomain").asText()).isEqualTo("sip.acme.example");
        assertThat(first.get("provisioning").get("ntpServer").isNull()).isTrue();
        assertThat(first.get("provisionCount").asInt()).isZero();
        assertThat(first.get("session").isNull()).isTrue();
        assertThat(admin.get(devices + "/" + c).json().get("provisioning").get("ntpServer").asText())
                .isEqualTo("ntp.acme.example");
        assertThat(admin.get(devices + "/" + c).json().get("provisioning").get("sipDomain").isNull()).isTrue();

        assertThat(admin.post(devices + "/bulk", Map.of("action", "remove", "deviceIds", List.of(a, c))).status())
                .isEqualTo(200);
        assertThat(admin.get(devices).json()).extracting(d -> d.get("id").asLong()).containsExactly(b);
    }

    @Test
    void theOpenApiDocumentDescribesTheDeviceRoutesWithoutThePasswordInTheirViews() {
        JsonNode doc = anonymous.get("/api/v1/openapi.json").json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.get("/api/v1/tenants/{t}/devices/{d}/session").has("put")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/devices/{d}/session").get("put").get("responses").has("409")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/devices/bulk").has("post")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/gateways/{g}/lines/{d}").has("patch")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/sessions/history").has("get")).isTrue();
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("CreatedDeviceView").get("properties").has("sipPassword")).isTrue();
        assertThat(schemas.get("DeviceView").get("properties").has("sipPassword")).isFalse();
        assertThat(schemas.get("DeskSessionView").get("properties").has("startedAt")).isTrue();
    }

    @Test
    void eachDeskShowsItsLastReSyncNotifySinceTheServerStarted() {
        long answered = create(desk("00:15:65:00:00:01", "One", "yealink"));
        long failed = create(desk("00:15:65:00:00:02", "Two", "snom"));
        long quiet = create(desk("00:15:65:00:00:03", "Three", "yealink"));
        java.time.Instant at = java.time.Instant.parse("2026-12-07T10:02:03Z");
        ResyncAttempt first = ResyncAttempt.first("check-sync;reboot=false", "sip:hd@192.0.2.7:5062");
        // what the SIP side records when the phones answer: the first at once, the second refuses the event
        server.resyncs().record(answered, ResyncPolicy.DEFAULT.answered(first, 200, "OK", at));
        server.resyncs().record(failed, ResyncPolicy.DEFAULT.answered(first, 489, "Bad Event", at));

        JsonNode one = admin.get(devices + "/" + answered).json().get("lastResync");
        assertThat(one.get("state").asText()).isEqualTo("answered");
        assertThat(one.get("status").asInt()).isEqualTo(200);
        assertThat(one.get("detail").asText()).isEqualTo("200 OK");
        assertThat(one.get("event").asText()).isEqualTo("check-sync;reboot=false");
        assertThat(one.get("contact").asText()).isEqualTo("sip:hd@192.0.2.7:5062");
        assertThat(one.get("attempt").asInt()).isEqualTo(1);
        assertThat(one.get("at").asText()).isEqualTo("2026-12-07T10:02:03Z");
        JsonNode list = admin.get(devices).json();
        JsonNode two = null;
        JsonNode three = null;
        for (JsonNode d : list) {
            if (d.get("id").asLong() == failed) two = d.get("lastResync");
            if (d.get("id").asLong() == quiet) three = d.get("lastResync");
        }
        assertThat(two.get("state").asText()).isEqualTo("failed");
        assertThat(two.get("status").asInt()).isEqualTo(489);
        assertThat(two.get("detail").asText()).isEqualTo("489 Bad Event");
        assertThat(three.isNull()).as("nothing sent since the start").isTrue();
        JsonNode schema = anonymous.get("/api/v1/openapi.json").json().get("components").get("schemas");
        assertThat(schema.get("DeviceView").get("properties").has("lastResync")).isTrue();
    }

    @Test
    void reSyncNowAsksThePhoneToFetchItsConfigurationOneDeskOrMany() {
        org.hotdesk.core.device.Device desk = hd.device(acme);
        org.hotdesk.core.device.Device other = hd.device(acme);
        java.util.List<org.hotdesk.core.event.DeviceEvent> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.core().events().subscribe(announced::add);

        assertThat(admin.post(devices + "/" + desk.id() + "/resync", Map.of()).status()).isEqualTo(202);
        assertThat(announced).singleElement().satisfies(e -> assertThat(e.device().id()).isEqualTo(desk.id()));

        ApiClient.Answer bulk = admin.post(devices + "/bulk", Map.of("action", "resync",
                "deviceIds", java.util.List.of(desk.id(), other.id())));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("changed").asInt()).isEqualTo(2);
        assertThat(announced).hasSize(3);

        assertThat(otherAdmin.post(devices + "/" + desk.id() + "/resync", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post(devices + "/999999/resync", Map.of()).status()).isEqualTo(404);
        assertThat(announced).as("refused ones announce nothing").hasSize(3);
        assertThat(server.core().ports().audit().list(acme.id(), 10)).extracting(r -> r.action())
                .contains("device.resync_requested");
    }

    @Test
    void timersShowTheDesksOverridesAndWhatApplies() {
        long id = create(desk("00:15:65:aa:bb:01", "Desk 1", "yealink"));
        JsonNode fresh = admin.get(devices + "/" + id).json();
        assertThat(fresh.get("timers").get("idleLogoutMinutes").isNull()).isTrue();
        assertThat(fresh.get("effectiveTimers").get("idleLogoutMinutes").asInt()).isEqualTo(5);
        assertThat(fresh.get("effectiveTimers").get("maxSessionHours").asInt()).isEqualTo(8);

        JsonNode set = admin.patch(devices + "/" + id, Map.of("timers", Map.of("idleLogoutMinutes", 30,
                "dailyLogoutTime", "18:30"))).json();
        assertThat(set.get("timers").get("idleLogoutMinutes").asInt()).isEqualTo(30);
        assertThat(set.get("timers").get("maxSessionHours").isNull()).as("not named: still the tenant's").isTrue();
        assertThat(set.get("effectiveTimers").get("idleLogoutMinutes").asInt()).isEqualTo(30);
        assertThat(set.get("effectiveTimers").get("maxSessionHours").asInt()).isEqualTo(8);
        assertThat(set.get("effectiveTimers").get("dailyLogoutTime").asText()).isEqualTo("18:30");
        assertThat(admin.get(devices).json().get(0).get("timers").get("dailyLogoutTime").asText())
                .isEqualTo("18:30");

        Map<String, Object> idleBack = new HashMap<>();
        idleBack.put("idleLogoutMinutes", null);
        JsonNode partly = admin.patch(devices + "/" + id, Map.of("timers", idleBack)).json();
        assertThat(partly.get("timers").get("idleLogoutMinutes").isNull()).isTrue();
        assertThat(partly.get("timers").get("dailyLogoutTime").asText()).as("not named: kept").isEqualTo("18:30");

        Map<String, Object> allBack = new HashMap<>();
        allBack.put("timers", null);
        JsonNode cleared = admin.patch(devices + "/" + id, allBack).json();
        assertThat(cleared.get("timers").get("dailyLogoutTime").isNull()).isTrue();
        assertThat(cleared.get("effectiveTimers").get("dailyLogoutTime").isNull()).isTrue();
        assertThat(server.core().ports().audit().list(acme.id(), 10)).extracting(r -> r.action())
                .contains("device.policy_changed");
    }

    @Test
    void badTimerIsNamedAndChangesNothing() {
        long id = create(desk("00:15:65:aa:bb:02", "Desk 2", "yealink"));
        ApiClient.Answer tooLong = admin.patch(devices + "/" + id, Map.of("name", "Renamed",
                "timers", Map.of("idleLogoutMinutes", 99999)));
        assertField(tooLong, "timers.idleLogoutMinutes");
        assertThat(tooLong.body()).contains("between 0 (off) and 10080");
        assertField(admin.patch(devices + "/" + id, Map.of("timers", Map.of("maxSessionHours", 745))),
                "timers.maxSessionHours");
        assertField(admin.patch(devices + "/" + id, Map.of("timers", Map.of("dailyLogoutTime", "25:00"))),
                "timers.dailyLogoutTime");
        assertField(admin.patch(devices + "/" + id, Map.of("timers", Map.of("idleMinutes", 3))), "timers.idleMinutes");
        JsonNode after = admin.get(devices + "/" + id).json();
        assertThat(after.get("name").asText()).isEqualTo("Desk 2");
        assertThat(after.get("timers").get("idleLogoutMinutes").isNull()).isTrue();
    }

    @Test
    void resetSipPasswordShowsTheNewOneOnceAndTheOldOneNoLongerWorks() {
        ApiClient.Answer created = admin.post(devices, desk("00:15:65:aa:bb:03", "Desk 3", "yealink"));
        long id = created.json().get("id").asLong();
        String username = created.json().get("sipUsername").asText();
        String old = created.json().get("sipPassword").asText();
        // the registrar's look-up, read once so the device sits in the cache
        assertThat(hd.core().devices().findBySipUsername(username).orElseThrow().sipPassword()).isEqualTo(old);

        ApiClient.Answer reset = admin.post(devices + "/" + id + "/sip-password", Map.of());
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        String fresh = reset.json().get("sipPassword").asText();
        assertThat(reset.json().get("sipUsername").asText()).isEqualTo(username);
        assertThat(fresh).hasSize(old.length()).isNotEqualTo(old);
        assertThat(hd.core().devices().findBySipUsername(username).orElseThrow().sipPassword())
                .as("a REGISTER is checked against the new password").isEqualTo(fresh);
        assertThat(admin.get(devices + "/" + id).body()).doesNotContain(fresh);
        assertThat(server.core().ports().audit().list(acme.id(), 10))
                .filteredOn(r -> r.action().equals("device.sip_password_reset")).hasSize(1)
                .allSatisfy(r -> assertThat(String.valueOf(r)).doesNotContain(fresh).doesNotContain(old));

        assertThat(admin.post(devices + "/999/sip-password", Map.of()).status()).isEqualTo(404);
        assertThat(otherAdmin.post(devices + "/" + id + "/sip-password", Map.of()).status()).isEqualTo(403);
        assertThat(employee.post(devices + "/" + id + "/sip-password", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesTimersAndTheSipPasswordReset() {
        JsonNode json = anonymous.get("/api/v1/openapi.json").json();
        JsonNode schemas = json.get("components").get("schemas");
        assertThat(schemas.get("DeviceView").get("properties").has("effectiveTimers")).isTrue();
        assertThat(schemas.get("DevicePatchBody").get("properties").has("timers")).isTrue();
        assertThat(schemas.get("DeviceTimers").get("properties").has("dailyLogoutTime")).isTrue();
        JsonNode reset = json.get("paths").get("/api/v1/tenants/{t}/devices/{d}/sip-password").get("post");
        assertThat(reset.get("responses").get("200").toString()).contains("NewSipPasswordView");
        assertThat(reset.get("responses").has("404")).isTrue();
    }
}
