package org.hotdesk.web.testing;

import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.login.SourceLimits;
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

    public WebTestServer() {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        guard = new SourceGuard(hd.clock(), SourceLimits.DEFAULTS);
        HotdeskCore core = hd.core();
        ProvisionCounter counter = new ProvisionCounter(core.ports().transactions(), core.ports().devices(),
                core.ports().audit(), hd.clock());
        WebApp web = new WebApp(core, hd.clock(), ADMIN_TOKEN, guard, counter,
                t -> "http://127.0.0.1/provisioning/" + t.provisioningToken() + "/", null, "test");
        server = new HttpServer("127.0.0.1", 0, null, Map::of, web.features());
        server.start();
    }

    public TestHotdesk hotdesk() {
        return hd;
    }

    public HotdeskCore core() {
        return hd.core();
    }

    public SourceGuard guard() {
        return guard;
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }
}
