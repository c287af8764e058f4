package org.hotdesk.web.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.HttpServer;
import org.hotdesk.web.WebApp;

/**
 * The whole HTTP side (API, console, self-service) on a real port over a fresh H2 database, as the server
 * runs it. The system admin token is {@link #ADMIN_TOKEN}.
 */
public final class WebTestServer implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-system-admin-token-0123456789";

    private final TestDatabase db;
    private final TestHotdesk hd;
    private final HttpServer server;
    private final SourceGuard guard;
    private final ResyncOutcomes resyncs = new ResyncOutcomes();

    public WebTestServer() {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        guard = new SourceGuard(hd.clock(), SourceLimits.DEFAULTS);
        HotdeskCore core = hd.core();
        ProvisionCounter counter = new ProvisionCounter(core.ports().transactions(), core.ports().devices(),
                core.ports().gateways(), core.ports().provisionCounts(), core.ports().resyncRequests(),
                core.ports().audit(), hd.clock());
        WebApp web = new WebApp(core, hd.clock(), ADMIN_TOKEN, guard, counter,
                t -> "http://127.0.0.1/provisioning/" + t.provisioningToken() + "/", null, "test", resyncs);
        server = new HttpServer("127.0.0.1", 0, null, Map::of, web.features());
        server.start();
    }

    public TestHotdesk hotdesk() {
        return hd;
    }

    public HotdeskCore core() {
        return hd.core();
    }

    /** Where the SIP side would record each desk's re-sync NOTIFYs (no SIP here: tests record them). */
    public ResyncOutcomes resyncs() {
        return resyncs;
    }

    public SourceGuard guard() {
        return guard;
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A caller with the system admin's token. */
    public ApiClient systemClient() {
        return new ApiClient(baseUrl(), ADMIN_TOKEN);
    }

    /** A caller with a fresh admin token of this tenant, issued to {@code name}. */
    public ApiClient adminClient(long tenantId, String name) {
        return systemClient().as(core().access().issueTenantAdminToken(tenantId, name, TestHotdesk.ADMIN).secret());
    }

    /** A caller with the token an employee gets by signing in through {@code POST /api/v1/auth/token}. */
    /**
     * A plain HTTP client signed in to the console with the system admin token: its cookie jar holds the session,
     * and it does not follow redirects (tests look at them).
     */
    public HttpClient signedInConsoleClient() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + ADMIN_TOKEN)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303) {
            throw new IllegalStateException("console sign-in answered " + login.statusCode() + ": " + login.body());
        }
        return browser;
    }

    public ApiClient employeeClient(String tenant, String extension, String pin) {
        ApiClient.Answer signedIn = systemClient().as(null).post("/api/v1/auth/token",
                java.util.Map.of("tenant", tenant, "extension", extension, "pin", pin));
        if (signedIn.status() != 201) {
            throw new AssertionError("sign-in of " + extension + " failed: " + signedIn);
        }
        return systemClient().as(signedIn.json().get("token").asText());
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }
}
