package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's settings over real HTTP: the contract's field names, partial changes, and bad fields that change nothing. */
class SettingsApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    WebTestServer server;
    HotdeskCore core;
    Tenant acme;
    ApiClient admin;
    String settings;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        core = server.core();
        acme = server.hotdesk().tenant("acme.example");
        admin = server.adminClient(acme.id(), "ann@acme");
        settings = "/api/v1/tenants/" + acme.id() + "/settings";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    TenantSettings stored() {
        return core.tenants().get(acme.id()).settings();
    }

    @Test
    void readingShowsEverySettingUnderItsContractName() {
        ApiClient.Answer read = admin.get(settings);
        assertThat(read.status()).isEqualTo(200);
        JsonNode s = read.json();
        assertThat(s.get("emergencyNumbers")).extracting(JsonNode::asText).containsExactly("112", "911");
        assertThat(s.get("emergencyGatewayUri").isNull()).isTrue();
        assertThat(s.get("outboundTrunkUri").isNull()).isTrue();
        assertThat(s.get("emergencyAlertUrl").isNull()).isTrue();
        assertThat(s.get("trustedCidrs")).isEmpty();
        assertThat(s.get("idleLogoutMinutes").asInt()).isEqualTo(5);
        assertThat(s.get("maxSessionHours").asInt()).isEqualTo(8);
        assertThat(s.get("dailyLogoutTime").isNull()).isTrue();
        assertThat(s.get("multipleLogin").asText()).isEqualTo("AUTO_LOGOUT_OTHER");
        assertThat(s.get("otpLifetimeSeconds").asInt()).isEqualTo(120);
        assertThat(s.get("otpLength").asInt()).isEqualTo(6);
        assertThat(s.get("lockout").get("maxFailures").asInt()).isEqualTo(5);
        assertThat(s.get("lockout").get("windowMinutes").asInt()).isEqualTo(15);
        assertThat(s.get("lockout").get("lockMinutes").asInt()).isEqualTo(15);
        assertThat(s.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(s.get("promptLanguage").isNull()).isTrue();
        assertThat(s.get("featureCodes").get("otpLogin")).extracting(JsonNode::asText).containsExactly("00*{otp}#", "00#{otp}#");
        assertThat(s.get("featureCodes").get("extensionLogin")).extracting(JsonNode::asText).containsExactly("*77*{ext}*");
        assertThat(s.get("featureCodes").get("promptedLogin")).extracting(JsonNode::asText).containsExactly("*11");
        assertThat(s.get("featureCodes").get("logout")).extracting(JsonNode::asText).containsExactly("00#", "*77*5*", "*12");
        assertThat(s.get("featureCodes").get("pickup")).extracting(JsonNode::asText).containsExactly("*8{ext}");
        assertThat(s.get("provisioning").get("ntpServer").asText()).isEqualTo("pool.ntp.org");
        assertThat(s.get("provisioning").get("fetchLimit").asInt()).isEqualTo(20);
        assertThat(s.get("provisioning").get("registerExpirySeconds").asInt()).isEqualTo(500);
        assertThat(s.get("provisioning").get("access").asText()).isEqualTo("url-token");
        assertThat(s.get("phoneKeyLogin").asBoolean()).as("off unless an admin turns it on").isFalse();
        assertThat(s.get("usersWithoutPinDigest").isNull()).isTrue();
    }

    @Test
    void phoneKeyLoginIsSwitchedHereAndTellsWhoCannotUseItYet() {
        User ann = server.hotdesk().user(acme, "1001", "2581");
        server.hotdesk().user(acme, "1002", "9402");

        ApiClient.Answer on = admin.patch(settings, Map.of("phoneKeyLogin", true));

        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().get("phoneKeyLogin").asBoolean()).isTrue();
        assertThat(on.json().get("usersWithoutPinDigest").asInt()).as("PINs set while it was off").isEqualTo(2);
        assertThat(stored().phoneKeyLogin()).isTrue();
        core.users().setPin(acme.id(), ann.id(), "7391", TestHotdesk.ADMIN);
        assertThat(admin.get(settings).json().get("usersWithoutPinDigest").asInt()).isEqualTo(1);
        // a GET sent back whole is a valid PATCH: the count is read only and ignored
        @SuppressWarnings("unchecked")
        Map<String, Object> whole = JSON.convertValue(admin.get(settings).json(), Map.class);
        whole.put("usersWithoutPinDigest", 0);
        assertThat(admin.patch(settings, whole).status()).isEqualTo(200);

        ApiClient.Answer off = admin.patch(settings, Map.of("phoneKeyLogin", false));
        assertThat(off.status()).isEqualTo(200);
        assertThat(stored().phoneKeyLogin()).isFalse();
        assertThat(core.users().get(acme.id(), ann.id()).pinDigest()).as("deleted with it").isNull();
        DevicesApiTest.assertField(admin.patch(settings, Map.of("phoneKeyLogin", "yes")), "phoneKeyLogin");
    }

    @Test
    void aChangeMadeOnAnOldVersionIsRefusedInsteadOfUndoingTheNewerOne() {
        String etag = admin.get(settings).header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{20}\"");

        // another admin saves first
        ApiClient.Answer first = server.adminClient(acme.id(), "ben@acme").patch(settings, Map.of("otpLength", 8), etag);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag);

        ApiClient.Answer late = admin.patch(settings, Map.of("otpLength", 4, "idleLogoutMinutes", 30), etag);
        assertThat(late.status()).isEqualTo(412);
        assertThat(late.json().get("error").asText()).isEqualTo("precondition_failed");
        assertThat(late.json().get("message").asText()).contains("changed since ETag " + etag, "nothing was saved");
        assertThat(stored().otp().length()).isEqualTo(8);
        assertThat(stored().sessionPolicy().idleLogoutMinutes()).isEqualTo(5);

        ApiClient.Answer fresh = admin.patch(settings, Map.of("idleLogoutMinutes", 30), first.header("ETag"));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(stored().sessionPolicy().idleLogoutMinutes()).isEqualTo(30);
        assertThat(stored().otp().length()).isEqualTo(8);
        assertThat(admin.patch(settings, Map.of("otpLength", 6), "*").status()).as("If-Match: * is any version")
                .isEqualTo(200);
        assertThat(admin.get(settings).header("ETag")).isNotEqualTo(fresh.header("ETag"));
    }

    @Test
    void patchingChangesOnlyTheFieldsSent() {
        Map<String, Object> patch = new HashMap<>();
        patch.put("idleLogoutMinutes", 30);
        patch.put("dailyLogoutTime", "18:30");
        patch.put("timeZone", "Europe/Berlin");
        patch.put("multipleLogin", "allow");
        patch.put("emergencyNumbers", List.of("112"));
        patch.put("emergencyGatewayUri", "sip:gw.acme.example:5060");
        patch.put("emergencyAlertUrl", "https://security.acme.example/hotdesk");
        patch.put("trustedCidrs", List.of("192.0.2.0/24"));
        patch.put("promptLanguage", "de");
        patch.put("lockout", Map.of("maxFailures", 3));
        patch.put("featureCodes", Map.of("otpLogin", List.of("*55*{otp}#")));
        patch.put("provisioning", Map.of("access", "digest", "fetchLimit", 50));
        ApiClient.Answer changed = admin.patch(settings, patch);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("dailyLogoutTime").asText()).isEqualTo("18:30");
        assertThat(changed.json().get("lockout").get("maxFailures").asInt()).isEqualTo(3);
        assertThat(changed.json().get("lockout").get("lockMinutes").asInt()).isEqualTo(15);
        assertThat(admin.get(settings).json()).isEqualTo(changed.json());

        TenantSettings s = stored();
        assertThat(s.sessionPolicy().idleLogoutMinutes()).isEqualTo(30);
        assertThat(s.sessionPolicy().maxSessionHours()).isEqualTo(8);
        assertThat(s.sessionPolicy().dailyLogoutTime()).isEqualTo(LocalTime.of(18, 30));
        assertThat(s.timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(s.multipleLogin()).isEqualTo(MultipleLoginPolicy.ALLOW);
        assertThat(s.emergencyNumbers()).containsExactly("112");
        assertThat(s.routing().emergencyGatewayUri()).isEqualTo("sip:gw.acme.example:5060");
        assertThat(s.routing().outboundTrunkUri()).isNull();
        assertThat(s.routing().emergencyAlertUrl()).isEqualTo("https://security.acme.example/hotdesk");
        assertThat(s.trustedNetworks().contains("192.0.2.77")).isTrue();
        assertThat(s.promptLanguage()).isEqualTo("de");
        assertThat(s.lockout().maxFailures()).isEqualTo(3);
        assertThat(s.featureCodes().otpLogin()).containsExactly("*55*{otp}#");
        assertThat(s.featureCodes().logout()).containsExactly("00#", "*77*5*", "*12");
        assertThat(s.featureCodes().pickup()).as("a patch of other codes keeps pickup").containsExactly("*8{ext}");
        assertThat(s.provisioning().access()).isEqualTo(ProvisioningAccess.DIGEST);
        assertThat(s.provisioning().fetchLimit()).isEqualTo(50);
        assertThat(s.provisioning().registerExpirySeconds()).isEqualTo(500);
        assertThat(s.otp()).isEqualTo(TenantSettings.DEFAULT.otp());

        // null clears what may be empty
        Map<String, Object> clear = new HashMap<>();
        clear.put("dailyLogoutTime", null);
        clear.put("emergencyGatewayUri", null);
        assertThat(admin.patch(settings, clear).status()).isEqualTo(200);
        assertThat(stored().sessionPolicy().dailyLogoutTime()).isNull();
        assertThat(stored().routing().emergencyGatewayUri()).isNull();
        assertThat(stored().routing().emergencyAlertUrl()).isEqualTo("https://security.acme.example/hotdesk");
    }

    @Test
    void anInvalidFieldIsNamedAndNothingIsSaved() {
        Map<String, Object> badOnes = new java.util.LinkedHashMap<>();
        badOnes.put("idleLogoutMinutes", Map.of("idleLogoutMinutes", -1));
        badOnes.put("maxSessionHours", Map.of("maxSessionHours", 10_000));
        badOnes.put("otpLength", Map.of("otpLength", "six"));
        badOnes.put("otpLifetimeSeconds", Map.of("otpLifetimeSeconds", 5));
        badOnes.put("dailyLogoutTime", Map.of("dailyLogoutTime", "25:00"));
        badOnes.put("timeZone", Map.of("timeZone", "Mars/Olympus"));
        badOnes.put("multipleLogin", Map.of("multipleLogin", "SOMETIMES"));
        badOnes.put("emergencyNumbers", Map.of("emergencyNumbers", List.of("00#")));
        badOnes.put("emergencyGatewayUri", Map.of("emergencyGatewayUri", "http://gw.acme.example"));
        badOnes.put("outboundTrunkUri", Map.of("outboundTrunkUri", "sip:trunk.acme.example:99999"));
        badOnes.put("emergencyAlertUrl", Map.of("emergencyAlertUrl", "ftp://alerts"));
        badOnes.put("trustedCidrs", Map.of("trustedCidrs", List.of("10.0.0.0/33")));
        badOnes.put("promptLanguage", Map.of("promptLanguage", "German!"));
        badOnes.put("lockout.maxFailures", Map.of("lockout", Map.of("maxFailures", 0)));
        badOnes.put("lockout.windowMinutes", Map.of("lockout", Map.of("windowMinutes", 0)));
        badOnes.put("lockout.lockMinutes", Map.of("lockout", Map.of("lockMinutes", -5)));
        badOnes.put("featureCodes.logout", Map.of("featureCodes", Map.of("logout", List.of("123"))));
        badOnes.put("featureCodes.pickup", Map.of("featureCodes", Map.of("pickup", List.of("*8#"))));
        badOnes.put("featureCodes.otpLogin", Map.of("featureCodes", Map.of("otpLogin", List.of("*55#"))));
        badOnes.put("provisioning.fetchLimit", Map.of("provisioning", Map.of("fetchLimit", 0)));
        badOnes.put("provisioning.access", Map.of("provisioning", Map.of("access", "open")));
        badOnes.put("provisioning.ntpServer", Map.of("provisioning", Map.of("ntpServer", "not a host")));
        // a good field sent with a bad one is not saved either
        Map<String, Object> mixed = new HashMap<>();
        mixed.put("idleLogoutMinutes", 45);
        mixed.put("otpLength", 99);
        badOnes.put("otpLength ", mixed);

        TenantSettings before = stored();
        JsonNode shownBefore = admin.get(settings).json();
        for (Map.Entry<String, Object> bad : badOnes.entrySet()) {
            ApiClient.Answer answer = admin.patch(settings, bad.getValue());
            assertThat(answer.status()).as(bad.getKey() + ": " + answer).isEqualTo(422);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_input");
            assertThat(answer.json().get("details").get(0).get("field").asText()).as(answer.toString())
                    .isEqualTo(bad.getKey().trim());
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(admin.get(settings).json()).isEqualTo(shownBefore);
        assertThat(core.ports().audit().list(acme.id(), 100)).extracting(r -> r.action())
                .doesNotContain("tenant.settings_changed");
    }

    @Test
    void unknownFieldsAndBrokenBodiesAreBadRequests() {
        TenantSettings before = stored();
        ApiClient.Answer unknown = admin.patch(settings, Map.of("idleLogoutMinutes", 9, "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("colour");
        ApiClient.Answer nested = admin.patch(settings, Map.of("lockout", Map.of("attempts", 3)));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().get("message").asText()).contains("lockout.attempts");
        assertThat(admin.send("PATCH", settings, "[1, 2]", "application/json").status()).isEqualTo(400);
        assertThat(admin.send("PATCH", settings, "{\"otpLength\": ", "application/json").status()).isEqualTo(400);
        assertThat(admin.patch(settings, Map.of("lockout", 3)).status()).isEqualTo(422);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyTheTenantsAdminsReadOrChangeIt() {
        Tenant other = server.hotdesk().tenant("other.example");
        ApiClient otherAdmin = server.adminClient(other.id(), "olga");
        ApiClient employee = admin.as(core.access().issueEmployeeToken(server.hotdesk().user(acme, "1001", "2581")).secret());
        ApiClient system = admin.as(WebTestServer.ADMIN_TOKEN);
        Map<String, Object> patch = Map.of("idleLogoutMinutes", 1);
        for (ApiClient refused : Arrays.asList(otherAdmin, employee)) {
            assertThat(refused.get(settings).status()).isEqualTo(403);
            assertThat(refused.patch(settings, patch).status()).isEqualTo(403);
        }
        assertThat(admin.as(null).get(settings).status()).isEqualTo(401);
        assertThat(admin.as(null).patch(settings, patch).status()).isEqualTo(401);
        assertThat(stored().sessionPolicy().idleLogoutMinutes()).isEqualTo(5);
        assertThat(system.get("/api/v1/tenants/999999/settings").status()).isEqualTo(404);
        assertThat(system.patch("/api/v1/tenants/999999/settings", patch).status()).isEqualTo(404);
        assertThat(system.patch(settings, patch).status()).isEqualTo(200);
    }

    @Test
    void theVoicemailServerIsSetClearedAndKeptByOtherChanges() {
        assertThat(admin.get(settings).json().get("voicemailUri").isNull()).isTrue();

        ApiClient.Answer set = admin.patch(settings, Map.of("voicemailUri", "sip:vm.acme.example:5080"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("voicemailUri").asText()).isEqualTo("sip:vm.acme.example:5080");
        assertThat(stored().routing().voicemailUri()).isEqualTo("sip:vm.acme.example:5080");

        // a change of something else leaves it alone
        assertThat(admin.patch(settings, Map.of("outboundTrunkUri", "sip:trunk.example.net")).status()).isEqualTo(200);
        assertThat(stored().routing().voicemailUri()).isEqualTo("sip:vm.acme.example:5080");

        ApiClient.Answer bad = admin.patch(settings, Map.of("voicemailUri", "vm.acme.example", "idleLogoutMinutes", 9));
        DevicesApiTest.assertField(bad, "voicemailUri");
        assertThat(bad.json().get("message").asText()).contains("vm.acme.example");
        assertThat(stored().routing().voicemailUri()).isEqualTo("sip:vm.acme.example:5080");
        assertThat(stored().sessionPolicy().idleLogoutMinutes()).as("nothing saved").isEqualTo(5);

        Map<String, Object> clear = new HashMap<>();
        clear.put("voicemailUri", null);
        assertThat(admin.patch(settings, clear).json().get("voicemailUri").isNull()).isTrue();
        assertThat(stored().routing().voicemailUri()).isNull();
        assertThat(stored().routing().outboundTrunkUri()).isEqualTo("sip:trunk.example.net");
    }
}
