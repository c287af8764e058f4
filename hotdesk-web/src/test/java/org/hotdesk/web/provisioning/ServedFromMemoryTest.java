package org.hotdesk.web.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.NewUser;
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

/**
 * The server answers repeated fetches from memory; every answer is still what the desk shows now. Real HTTP on
 * loopback, a Yealink T46U's requests. "Another process" is a second core on the same database with nobody
 * listening to its events, as the {@code hotdesk} command line is.
 */
class ServedFromMemoryTest {
    private static final String YEALINK_UA = "Yealink SIP-T46U 108.86.0.20 00:15:65:aa:bb:cc";
    private static final String FILE = "001565aabbcc.cfg";

    TestDatabase db;
    TestHotdesk hd;
    HttpServer server;
    ProvisionCounter counter;
    /** Whether another node of a cluster counts fetches on this database now (the server's heartbeat says so). */
    final java.util.concurrent.atomic.AtomicBoolean otherNodesLive = new java.util.concurrent.atomic.AtomicBoolean();
    Tenant acme;
    Device desk;
    User alice;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        counter = new ProvisionCounter(hd.core().ports().transactions(), hd.core().ports().devices(),
                hd.core().ports().gateways(), hd.core().ports().provisionCounts(), hd.core().ports().resyncRequests(),
                hd.core().ports().audit(), hd.clock(), otherNodesLive::get);
        ProvisioningService service = new ProvisioningService(hd.core(), StandardRenderers.all(),
                new ProfileBuilder(new ServerAddress("pbx.acme.example", 5060, 5060, 5061)), counter, hd.clock());
        server = new HttpServer("127.0.0.1", 0, null, Map::of,
                new ProvisioningApi(service, new HttpDigest("test key".getBytes(StandardCharsets.UTF_8), hd.clock())));
        server.start();
        acme = hd.tenant("acme.example");
        desk = hd.core().devices().add(acme.id(), new NewDevice(MacAddress.parse("00:15:65:AA:BB:CC"), "Desk 3",
                Vendor.YEALINK, "T46U", null, null), TestHotdesk.ADMIN);
        alice = hd.core().users().create(acme.id(), new NewUser("1001", "Alice Smith", "8526", true, null),
                TestHotdesk.ADMIN);
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    @Test
    void aLoginShowsInTheVeryNextFetch() throws Exception {
        assertThat(fetch(url()).body()).contains("account.1.label = Hot desk \u2013 Desk 3");
        assertThat(fetch(url()).body()).as("from memory").contains("account.1.label = Hot desk \u2013 Desk 3");

        hd.core().logins().login(desk.id(), new Credentials.Assigned(alice.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("account.1.label = 1001 Alice Smith", "linekey.1.label = Log out");

        hd.core().sessions().logout(desk.id(), LogoutReason.USER, TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("account.1.label = Hot desk \u2013 Desk 3").doesNotContain("Alice");
    }

    @Test
    void anAdminsEditShowsInTheNextFetch() throws Exception {
        hd.core().logins().login(desk.id(), new Credentials.Assigned(alice.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("account.1.label = 1001 Alice Smith").doesNotContain("Bob");

        hd.core().users().setKeys(acme.id(), alice.id(), List.of(new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob")),
                TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("linekey.2.value = 1002", "linekey.2.label = Bob");
        hd.core().users().rename(acme.id(), alice.id(), "Alice Jones", TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("account.1.label = 1001 Alice Jones");

        hd.core().sessions().logout(desk.id(), LogoutReason.USER, TestHotdesk.ADMIN);
        hd.core().devices().rename(acme.id(), desk.id(), "Window seat", "T46U", TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("account.1.label = Hot desk \u2013 Window seat");

        FeatureCodes codes = acme.settings().featureCodes();
        hd.core().tenants().updateSettings(acme.id(), acme.settings().withFeatureCodes(new FeatureCodes(
                codes.otpLogin(), codes.extensionLogin(), List.of("*44"), codes.logout())), TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("linekey.1.value = *44");
    }

    @Test
    void aRotatedUrlARemovedDeskAndDigestAccessAnswerAtOnce() throws Exception {
        String old = url();
        assertThat(fetch(old).statusCode()).isEqualTo(200);
        hd.core().tenants().rotateProvisioningToken(acme.id(), TestHotdesk.ADMIN);
        assertThat(fetch(old).statusCode()).as("the old URL").isEqualTo(404);
        assertThat(fetch(url()).statusCode()).isEqualTo(200);

        String current = url();
        acme = hd.core().tenants().updateSettings(acme.id(), acme.settings().withProvisioning(
                new ProvisioningSettings("pool.ntp.org", 20, 500, ProvisioningAccess.DIGEST)), TestHotdesk.ADMIN);
        assertThat(fetch(current).statusCode()).as("the token URL under digest access").isEqualTo(404);
        assertThat(fetch(url()).statusCode()).as("no credentials").isEqualTo(401);
        acme = hd.core().tenants().updateSettings(acme.id(), acme.settings().withProvisioning(
                new ProvisioningSettings("pool.ntp.org", 20, 500, ProvisioningAccess.URL_TOKEN)), TestHotdesk.ADMIN);
        assertThat(fetch(url()).statusCode()).isEqualTo(200);

        hd.core().devices().remove(acme.id(), desk.id(), TestHotdesk.ADMIN);
        assertThat(fetch(url()).statusCode()).as("a removed desk").isEqualTo(404);
    }

    @Test
    void concurrentFetchesOfOneDeskNeverPassTheLimitAndTheLimitIsAuditedOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> fetches = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            fetches.add(http.sendAsync(request(url()), HttpResponse.BodyHandlers.ofString()));
        }
        long served = 0;
        long refused = 0;
        for (CompletableFuture<HttpResponse<String>> f : fetches) {
            int status = f.get().statusCode();
            if (status == 200) served++;
            if (status == 403) refused++;
        }
        assertThat(served).isEqualTo(20);
        assertThat(refused).isEqualTo(44);
        assertThat(storedCount()).isEqualTo(20);
        assertThat(hd.core().ports().audit().list(acme.id(), 200)).filteredOn(r -> r.action().equals("provisioning.refused"))
                .as("one refusal audited per episode, not 44").hasSize(1)
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo("LIMIT_REACHED"));
        assertThat(hd.core().ports().audit().list(acme.id(), 200))
                .noneMatch(r -> r.action().equals("provisioning.fetched")).as("no audit row per counted fetch");
    }

    @Test
    void countsAreWrittenBehindInOneBatch() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(fetch(url()).statusCode()).isEqualTo(200);
        }
        assertThat(hd.core().devices().get(acme.id(), desk.id()).provisionCount()).as("not yet written").isZero();
        assertThat(counter.flush()).as("desks written").isEqualTo(1);
        assertThat(hd.core().devices().get(acme.id(), desk.id()).provisionCount()).isEqualTo(3);
        assertThat(counter.flush()).as("nothing new").isZero();
    }

    @Test
    void whileAnotherNodeIsLiveEachFetchIsCountedInTheDatabaseAndTheLimitHoldsAcrossBoth() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(fetch(url()).statusCode()).isEqualTo(200);
        assertThat(hd.core().devices().get(acme.id(), desk.id()).provisionCount()).as("alone: written behind").isZero();

        otherNodesLive.set(true);
        assertThat(fetch(url()).statusCode()).isEqualTo(200);
        assertThat(hd.core().devices().get(acme.id(), desk.id()).provisionCount())
                .as("the three counted before, and this one, at once").isEqualTo(4);

        // the other node serves the same desk 16 times: the limit (20) is reached between them
        TestHotdesk otherNode = new TestHotdesk(db.database(), hd.clock());
        ProvisionCounter theirs = new ProvisionCounter(otherNode.core().ports().transactions(),
                otherNode.core().ports().devices(), otherNode.core().ports().gateways(),
                otherNode.core().ports().provisionCounts(), otherNode.core().ports().resyncRequests(),
                otherNode.core().ports().audit(), hd.clock(), () -> true);
        Device there = otherNode.core().devices().get(acme.id(), desk.id());
        for (int i = 0; i < 16; i++) assertThat(theirs.count(acme, List.of(there), "10.0.0.12")).isTrue();
        assertThat(theirs.count(acme, List.of(there), "10.0.0.12")).as("the 21st, on the other node").isFalse();

        assertThat(fetch(url()).statusCode()).as("refused here too, with nothing written behind").isEqualTo(403);
        assertThat(hd.core().devices().get(acme.id(), desk.id()).provisionCount()).isEqualTo(20);
    }

    @Test
    void aResetFromTheCommandLineTakesEffectInTheServer() throws Exception {
        for (int i = 0; i < 20; i++) {
            fetch(url());
        }
        assertThat(fetch(url()).statusCode()).isEqualTo(403);
        // the server writes its counts every second; an admin resets minutes later (fetches counted in the second
        // before a reset from another process are written after it, and count again)
        counter.flush();

        TestHotdesk commandLine = new TestHotdesk(db.database(), hd.clock());
        new ProvisionCounter(commandLine.core().ports().transactions(), commandLine.core().ports().devices(),
                commandLine.core().ports().gateways(), commandLine.core().ports().provisionCounts(),
                commandLine.core().ports().resyncRequests(),
                commandLine.core().ports().audit(), hd.clock()).reset(acme.id(), desk.id(), TestHotdesk.ADMIN);
        counter.flush(); // the server's next write-behind, within a second
        assertThat(fetch(url()).statusCode()).isEqualTo(200);
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void editsFromTheCommandLineShowOnceTheServerAnnouncesThem() throws Exception {
        assertThat(fetch(url()).body()).contains("Hot desk \u2013 Desk 3");
        TestHotdesk commandLine = new TestHotdesk(db.database(), hd.clock());

        commandLine.core().devices().rename(acme.id(), desk.id(), "Window seat", "T46U", TestHotdesk.ADMIN);
        commandLine.core().logins().login(desk.id(), new Credentials.Assigned(alice.id(), LoginMethod.ADMIN),
                TestHotdesk.ADMIN);
        serversTimerTick();
        assertThat(fetch(url()).body()).contains("account.1.label = 1001 Alice Smith");

        commandLine.core().devices().remove(acme.id(), desk.id(), TestHotdesk.ADMIN);
        serversTimerTick();
        assertThat(fetch(url()).statusCode()).isEqualTo(404);
    }

    @Test
    void anAnswerRenderedFromARowEditedElsewhereGoesWhenTheServerCatchesUp() throws Exception {
        assertThat(fetch(url()).body()).contains("Hot desk \u2013 Desk 3");
        TestHotdesk commandLine = new TestHotdesk(db.database(), hd.clock());
        // the edit is in the database but its re-sync not announced yet: the held answer is still served
        commandLine.core().devices().rename(acme.id(), desk.id(), "Window seat", "T46U", TestHotdesk.ADMIN);
        assertThat(fetch(url()).body()).contains("Hot desk \u2013 Desk 3");

        hd.core().caches().catchUp(); // the server's every-second look at edits made elsewhere

        assertThat(fetch(url()).body()).contains("Hot desk \u2013 Window seat");
    }

    /** What the server's timer loop does: catch up with edits made elsewhere, then announce their re-syncs. */
    private void serversTimerTick() {
        hd.core().caches().catchUp();
        hd.core().configChanges().announcePending(200);
    }

    @Test
    void aGatewaysNewLineIsInItsNextFile() throws Exception {
        List<Device> lines = hd.core().gateways().add(acme.id(), new NewDevice(
                MacAddress.parse("00:0b:82:00:00:09"), "Lobby ATA", Vendor.GRANDSTREAM, "HT802", null, null), 1,
                TestHotdesk.ADMIN);
        String ata = url().replace(FILE, "cfg000b82000009.xml");
        assertThat(fetch(ata).body()).contains(lines.get(0).sipUsername());

        Device second = hd.core().gateways().addLine(acme.id(), lines.get(0).gatewayId(), 2, null,
                TestHotdesk.ADMIN);
        assertThat(fetch(ata).body()).contains(lines.get(0).sipUsername(), second.sipUsername());
    }

    @Test
    void everyPortOfAFourPortGatewayIsServed() throws Exception {
        List<Device> lines = hd.core().gateways().add(acme.id(), new NewDevice(
                MacAddress.parse("00:0b:82:00:00:0a"), "Warehouse ATA", Vendor.GRANDSTREAM, "HT814", null, null), 4,
                TestHotdesk.ADMIN);

        HttpResponse<String> file = fetch(url().replace(FILE, "cfg000b8200000a.xml"));

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains(lines.stream().map(Device::sipUsername).toArray(String[]::new))
                .contains("<P4063>" + lines.get(3).sipUsername() + "</P4063>");
    }

    private int storedCount() {
        counter.flush();
        return hd.core().devices().get(acme.id(), desk.id()).provisionCount();
    }

    private String url() {
        return new ProvisioningUrls("http://127.0.0.1:" + server.port()).forTenant(hd.core().tenants().get(acme.id()))
                + FILE;
    }

    private HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("User-Agent", YEALINK_UA).GET().build();
    }

    private HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        return http.send(request(url), HttpResponse.BodyHandlers.ofString());
    }
}
