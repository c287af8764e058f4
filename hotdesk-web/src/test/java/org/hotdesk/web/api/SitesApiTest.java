package org.hotdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotdesk.web.api.DevicesApiTest.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sites over real HTTP: added with an address, listed with their desk counts, renamed, removed once empty. */
class SitesApiTest {
    static final Map<String, Object> BERLIN = Map.of("description", "Head office", "country", "de", "city", "Berlin",
            "street", "Hauptstr.", "houseNumber", "1", "postalCode", "10115", "callbackNumber", "+49 30 1234560");

    WebTestServer server;
    TestHotdesk hd;
    Tenant acme;
    ApiClient admin;
    ApiClient otherAdmin;
    String sites;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        hd = server.hotdesk();
        acme = hd.tenant("acme.example");
        Tenant other = hd.tenant("other.example");
        admin = server.adminClient(acme.id(), "ann@acme");
        otherAdmin = server.adminClient(other.id(), "olaf@other");
        sites = "/api/v1/tenants/" + acme.id() + "/sites";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode create(String name, Map<String, Object> location) {
        ApiClient.Answer created = admin.post(sites, location == null ? Map.of("name", name)
                : Map.of("name", name, "location", location));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    Device deskAt(long siteId) {
        Site site = server.core().sites().get(acme.id(), siteId);
        return server.core().devices().setSite(acme.id(), hd.device(acme).id(), site, TestHotdesk.ADMIN);
    }

    @Test
    void aNewSiteIsListedByNameWithItsAddressAndHowManyDesksAreThere() {
        JsonNode hq = create("HQ", BERLIN);
        assertThat(hq.get("location").get("country").asText()).isEqualTo("DE");
        assertThat(hq.get("location").get("callbackNumber").asText()).isEqualTo("+49301234560");
        assertThat(hq.get("dispatchable").asBoolean()).isTrue();
        assertThat(hq.get("desks").asInt()).isZero();
        long branch = create("Branch", null).get("id").asLong();
        deskAt(hq.get("id").asLong());
        deskAt(hq.get("id").asLong());

        ApiClient.Answer list = admin.get(sites);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).isEqualTo("2");
        assertThat(list.json()).extracting(n -> n.get("name").asText()).containsExactly("Branch", "HQ");
        assertThat(list.json().get(1).get("desks").asInt()).isEqualTo(2);
        assertThat(list.json().get(0).get("dispatchable").asBoolean()).isFalse();
        JsonNode one = admin.get(sites + "/" + hq.get("id").asLong()).json();
        assertThat(one.get("desks").asInt()).isEqualTo(2);
        assertThat(one.get("location").get("street").asText()).isEqualTo("Hauptstr.");
        assertThat(admin.get(sites + "/" + branch).json().get("desks").asInt()).isZero();
    }

    @Test
    void aBadFieldIsNamedAndADuplicateNameIsAConflict() {
        create("HQ", BERLIN);

        assertField(admin.post(sites, Map.of("name", " ")), "name");
        assertField(admin.post(sites, Map.of("name", "Branch", "location", Map.of("country", "Germany"))), "country");
        assertField(admin.post(sites, Map.of("name", "Branch", "location", Map.of("callbackNumber", "call me"))),
                "callbackNumber");
        ApiClient.Answer twice = admin.post(sites, Map.of("name", "HQ"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json().get("message").asText()).contains("HQ");

        assertThat(admin.get(sites).json()).hasSize(1);
    }

    @Test
    void aPatchRenamesOrReplacesTheAddressAndKeepsWhatItLeavesOut() {
        long hq = create("HQ", BERLIN).get("id").asLong();
        long branch = create("Branch", null).get("id").asLong();

        ApiClient.Answer renamed = admin.patch(sites + "/" + hq, Map.of("name", "Head office"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Head office");
        assertThat(renamed.json().get("location").get("city").asText()).as("kept").isEqualTo("Berlin");

        JsonNode moved = admin.patch(sites + "/" + hq, Map.of("location", Map.of("country", "DE", "city", "Hamburg",
                "street", "Jungfernstieg"))).json();
        assertThat(moved.get("name").asText()).isEqualTo("Head office");
        assertThat(moved.get("location").get("city").asText()).isEqualTo("Hamburg");
        assertThat(moved.get("location").get("postalCode").isNull()).as("the whole address is replaced").isTrue();

        ApiClient.Answer taken = admin.patch(sites + "/" + branch, Map.of("name", "Head office"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertField(admin.patch(sites + "/" + branch, Map.of("location", Map.of("country", "Germany"))), "country");
        assertThat(admin.patch(sites + "/" + branch, Map.of()).status()).isEqualTo(400);
        assertThat(admin.get(sites + "/" + branch).json().get("name").asText()).isEqualTo("Branch");
        assertThat(server.core().auditTrail().newest(acme.id(), 10).stream().map(r -> r.action()))
                .contains("site.renamed", "site.location_changed");
    }

    @Test
    void aSiteDesksStillUseIsNotRemovedUntilTheyLeave() {
        long hq = create("HQ", BERLIN).get("id").asLong();
        Device desk = deskAt(hq);

        ApiClient.Answer refused = admin.delete(sites + "/" + hq);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("1 desk");
        assertThat(admin.get(sites + "/" + hq).status()).isEqualTo(200);

        server.core().devices().setSite(acme.id(), desk.id(), null, TestHotdesk.ADMIN);
        assertThat(admin.delete(sites + "/" + hq).status()).isEqualTo(204);
        assertThat(admin.get(sites + "/" + hq).status()).isEqualTo(404);
        assertThat(admin.delete(sites + "/" + hq).status()).isEqualTo(404);
        assertThat(admin.get(sites).json()).isEmpty();
    }

    @Test
    void anotherTenantsAdminCannotSeeOrTouchTheSites() {
        long hq = create("HQ", BERLIN).get("id").asLong();

        assertThat(otherAdmin.get(sites).status()).isEqualTo(403);
        assertThat(otherAdmin.patch(sites + "/" + hq, Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(otherAdmin.delete(sites + "/" + hq).status()).isEqualTo(403);
        String theirs = "/api/v1/tenants/" + server.core().tenants().list().stream()
                .filter(t -> t.id() != acme.id()).findFirst().orElseThrow().id() + "/sites/";
        assertThat(otherAdmin.get(theirs + hq).status()).as("not their site").isEqualTo(404);
        assertThat(otherAdmin.delete(theirs + hq).status()).isEqualTo(404);
        assertThat(admin.get(sites + "/" + hq).json().get("name").asText()).isEqualTo("HQ");
        assertThat(admin.get(sites + "/abc").status()).isEqualTo(404);
    }

    @Test
    void theRoutesAreInTheOpenApiDocument() {
        JsonNode paths = admin.get("/api/v1/openapi.json").json().get("paths");
        assertThat(paths.has("/api/v1/tenants/{t}/sites")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/sites/{site}").has("patch")).isTrue();
        assertThat(paths.get("/api/v1/tenants/{t}/sites/{site}").has("delete")).isTrue();
    }
}
