package org.hotdesk.web.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.provisioning.fetch.ProvisioningService;
import org.hotdesk.provisioning.fetch.ProvisioningUrls;
import org.hotdesk.provisioning.profile.ProfileBuilder;
import org.hotdesk.provisioning.profile.ServerAddress;
import org.hotdesk.provisioning.vendors.StandardRenderers;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phones fetching their configuration over real HTTP on loopback, as a Yealink T46U does. */
class ProvisioningApiTest {
    private static final String YEALINK_UA = "Yealink SIP-T46U 108.86.0.20 00:15:65:aa:bb:cc";
    private static final String FILE = "001565aabbcc.cfg";

    TestDatabase db;
    TestHotdesk hd;
    HttpServer server;
    Tenant acme;
    Device desk;
    User alice;
    ProvisionCounter counter;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        // the server's one counter: phones' fetches count on it and admins reset it
        counter = new ProvisionCounter(hd.core().ports().transactions(), hd.core().ports().devices(),
                hd.core().ports().gateways(), hd.core().ports().provisionCounts(), hd.core().ports().resyncRequests(),
                hd.core().ports().audit(), hd.clock());
        ProvisioningService service = new ProvisioningService(hd.core(), StandardRenderers.all(),
                new ProfileBuilder(new ServerAddress("pbx.acme.example", 5060, 5060, 5061)), counter, hd.clock());
        server = new HttpServer("127.0.0.1", 0, null, Map::of,
                new ProvisioningApi(service, new HttpDigest("test key".getBytes(StandardCharsets.UTF_8), hd.clock())));
        server.start();
        acme = hd.tenant("acme.example");
        desk = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00:15:65:AA:BB:CC"), "Desk 3",
                Vendor.YEALINK, "T46U", null, null), TestHotdesk.ADMIN);
        alice = hd.core().users().create(acme.id(), new org.hotdesk.core.user.NewUser("1001", "Alice Smith", "8526",
                true, null), TestHotdesk.ADMIN);
        hd.core().users().setKeys(acme.id(), alice.id(), List.of(new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob")),
                TestHotdesk.ADMIN);
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    @Test
    void theScreenAndKeysFollowTheSessionAcrossFetches() throws Exception {
        HttpResponse<String> idle = fetch(tenantUrl() + FILE);
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(idle.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(idle.body()).startsWith("#!version:1.0.0.1")
                .contains("account.1.label = Hot desk \u2013 Desk 3", "linekey.1.label = Log in",
                        "account.1.password = " + desk.sipPassword())
                .doesNotContain("Alice");

        hd.core().logins().login(desk.id(), new Credentials.Assigned(alice.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        String inSession = fetch(tenantUrl() + FILE).body();
        assertThat(inSession).contains("account.1.label = 1001 Alice Smith", "account.1.display_name = Alice Smith",
                "linekey.1.value = 00#", "linekey.1.label = Log out", "linekey.2.type = 16", "linekey.2.value = 1002",
                "linekey.2.label = Bob")
                // the desk keeps registering with its own account: Alice's credentials never reach the phone
                .contains("account.1.user_name = " + desk.sipUsername());

        hd.core().sessions().logout(desk.id(), LogoutReason.USER, TestHotdesk.ADMIN);
        String again = fetch(tenantUrl() + FILE).body();
        assertThat(again).contains("account.1.label = Hot desk \u2013 Desk 3", "linekey.1.label = Log in",
                "linekey.2.type = 0").doesNotContain("Alice", "Bob");
    }

    @Test
    void the21stFetchIsRefusedUntilAnAdminResetsTheCounter() throws Exception {
        for (int i = 1; i <= 20; i++) {
            assertThat(fetch(tenantUrl() + FILE).statusCode()).as("fetch %d", i).isEqualTo(200);
        }
        HttpResponse<String> refused = fetch(tenantUrl() + FILE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("provision counter").doesNotContain(desk.sipPassword(), desk.sipUsername());
        assertThat(storedCount()).isEqualTo(20);
        assertThat(audit()).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("provisioning.refused");
            assertThat(r.reason()).isEqualTo("LIMIT_REACHED");
        });

        counter().reset(acme.id(), desk.id(), TestHotdesk.ADMIN);
        assertThat(audit()).anySatisfy(r -> assertThat(r.action()).isEqualTo("provisioning.counter_reset"));
        assertThat(fetch(tenantUrl() + FILE).statusCode()).isEqualTo(200);
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void aDeskThatChangesHandsAllDayNeverReachesItsLimitAndFollowsItsSessionsEvenAtIt() throws Exception {
        // 15 people in a row: each login and each logout makes the server ask the phone to fetch again
        for (int i = 0; i < 15; i++) {
            hd.core().logins().login(desk.id(), new Credentials.Assigned(alice.id(), LoginMethod.ADMIN),
                    TestHotdesk.ADMIN);
            assertThat(fetch(tenantUrl() + FILE).body()).contains("account.1.label = 1001 Alice Smith");
            hd.core().sessions().logout(desk.id(), LogoutReason.USER, TestHotdesk.ADMIN);
            assertThat(fetch(tenantUrl() + FILE).body()).contains("linekey.1.label = Log in");
        }
        assertThat(storedCount()).isZero();
        assertThat(audit()).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("provisioning.fetched");
            assertThat(r.reason()).isEqualTo("RESYNC");
        });

        // fetches nobody asked for still count, up to the limit
        for (int i = 1; i <= 20; i++) {
            fetch(tenantUrl() + FILE);
        }
        assertThat(fetch(tenantUrl() + FILE).statusCode()).isEqualTo(403);
        // at the limit, a login still reaches the phone: the server asked for that fetch
        hd.core().logins().login(desk.id(), new Credentials.Assigned(alice.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        HttpResponse<String> asked = fetch(tenantUrl() + FILE);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("account.1.label = 1001 Alice Smith");
        assertThat(fetch(tenantUrl() + FILE).statusCode()).as("only the fetch that was asked for").isEqualTo(403);
        assertThat(storedCount()).isEqualTo(20);
    }

    @Test
    void aBulkResetWithOneUnknownDeviceResetsNothing() throws Exception {
        fetch(tenantUrl() + FILE);
        Device other = hd.device(acme);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                counter().resetAll(acme.id(), List.of(desk.id(), 999_999L), TestHotdesk.ADMIN)))
                .hasMessageContaining("999999");
        assertThat(storedCount()).isEqualTo(1);
        assertThat(counter().resetAll(acme.id(), List.of(desk.id(), other.id()), TestHotdesk.ADMIN)).isEqualTo(2);
        assertThat(hd.core().devices().get(acme.id(), desk.id()).provisionCount()).isZero();
    }

    @Test
    void withoutTheTenantsTokenAPhoneGetsNothing() throws Exception {
        String base = "http://127.0.0.1:" + server.port() + "/provisioning/";
        Tenant other = hd.tenant("other.example");
        for (String url : List.of(base + FILE, base + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/" + FILE,
                base + other.provisioningToken() + "/" + FILE, base + "not-a-token/" + FILE)) {
            HttpResponse<String> r = fetch(url);
            assertThat(r.statusCode()).as(url).isEqualTo(404);
            assertThat(r.body()).as(url).isEqualTo("not found\n");
        }
        assertThat(storedCount()).isZero();
    }

    @Test
    void anUnknownMacGets404AndNothingIsCreated() throws Exception {
        int before = hd.core().devices().list(acme.id()).size();
        assertThat(fetch(tenantUrl() + "001565ffffff.cfg").statusCode()).isEqualTo(404);
        assertThat(fetch(tenantUrl() + "y000000000028.cfg").statusCode()).isEqualTo(404);
        assertThat(hd.core().devices().list(acme.id())).hasSize(before);
    }

    @Test
    void digestAccessChallengesAndServesOnlyTheDevicesOwnCredentials() throws Exception {
        acme = hd.core().tenants().updateSettings(acme.id(), acme.settings().withProvisioning(
                new ProvisioningSettings("pool.ntp.org", 20, 500, ProvisioningAccess.DIGEST)), TestHotdesk.ADMIN);
        String url = "http://127.0.0.1:" + server.port() + "/provisioning/" + FILE;
        HttpResponse<String> challenge = fetch(url);
        assertThat(challenge.statusCode()).isEqualTo(401);
        assertThat(challenge.body()).doesNotContain(desk.sipPassword(), desk.sipUsername());
        String www = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(www).startsWith("Digest realm=\"hotdesk provisioning\"").contains("qop=\"auth\"");

        assertThat(fetch(url, authorization(www, desk.sipUsername(), "wrong password", "/provisioning/" + FILE))
                .statusCode()).isEqualTo(401);
        Device other = hd.device(acme);
        assertThat(fetch(url, authorization(www, other.sipUsername(), other.sipPassword(), "/provisioning/" + FILE))
                .statusCode()).as("another desk's credentials").isEqualTo(401);
        assertThat(fetch("http://127.0.0.1:" + server.port() + "/provisioning/" + acme.provisioningToken() + "/" + FILE)
                .statusCode()).as("the token URL under digest access").isEqualTo(404);

        HttpResponse<String> ok = fetch(url, authorization(www, desk.sipUsername(), desk.sipPassword(),
                "/provisioning/" + FILE));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("account.1.password = " + desk.sipPassword());
    }

    private ProvisionCounter counter() {
        return counter;
    }

    /** The desk's count as stored, once the server wrote its counts behind (it does so every second). */
    private int storedCount() {
        counter.flush();
        return hd.core().devices().get(acme.id(), desk.id()).provisionCount();
    }

    private List<AuditRecord> audit() {
        return hd.core().ports().audit().list(acme.id(), 100);
    }

    private String tenantUrl() {
        return new ProvisioningUrls("http://127.0.0.1:" + server.port()).forTenant(hd.core().tenants().get(acme.id()));
    }

    private HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        return fetch(url, null);
    }

    private HttpResponse<String> fetch(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", YEALINK_UA);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a phone's HTTP client answers to the challenge (RFC 7616, MD5, qop=auth). */
    private static String authorization(String challenge, String user, String password, String uri) {
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(nonce.find()).isTrue();
        String realm = "hotdesk provisioning";
        String cnonce = "0a4f113b";
        String nc = "00000001";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5("GET:" + uri);
        String response = md5(ha1 + ":" + nonce.group(1) + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce.group(1) + "\", uri=\""
                + uri + "\", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response
                + "\", algorithm=MD5";
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
