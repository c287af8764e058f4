package org.hotdesk.app.cli;

import java.util.concurrent.CountDownLatch;
import org.hotdesk.app.Wiring;
import org.hotdesk.app.config.TlsConfig;
import org.hotdesk.app.demo.DemoCertificate;
import org.hotdesk.app.demo.DemoData;
import org.hotdesk.app.server.HotdeskServer;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server until stopped (Ctrl-C).")
final class ServeCommand extends AdminCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--demo", description = "Create (once) and print a demo tenant with users, PINs and devices; without tls.keyStore, "
            + "also a self-signed certificate for SIP over TLS and HTTPS (tls/demo.p12 next to the database).")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        Wiring wiring = open();
        HotdeskServer server;
        try {
            Tenant tenant = demo ? DemoData.ensure(wiring.core()) : null;
            TlsConfig tls = wiring.config().tls();
            if (demo && !tls.enabled()) {
                tls = DemoCertificate.ensure(tls, wiring.config().database().dataDirectory(),
                        wiring.config().sip().advertisedHost());
            }
            server = HotdeskServer.start(wiring, tls);
            if (tenant != null) {
                DemoData.print(wiring.core(), tenant, "sip:" + server.sipHost() + ":" + server.sipPort(), out());
                String url = server.provisioningUrl(wiring.core().tenants().get(tenant.id()));
                out().printf("  Phones fetch their configuration from %s (e.g. %s001565de0001.cfg)%n", url, url);
            }
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
        out().printf("hotdesk is running: SIP at %s:%d (udp/tcp), health at http://%s:%d/health (Ctrl-C to stop)%n",
                server.sipHost(), server.sipPort(),
                "0.0.0.0".equals(wiring.config().http().host()) ? "localhost" : wiring.config().http().host(),
                server.httpPort());
        if (server.sipTlsPort() > 0) {
            out().printf("  and SIP over TLS on port %d, HTTPS at https://%s:%d/health%n", server.sipTlsPort(),
                    "0.0.0.0".equals(wiring.config().http().host()) ? "localhost" : wiring.config().http().host(),
                    server.httpsPort());
        }
        String web = "http://" + ("0.0.0.0".equals(wiring.config().http().host()) ? "localhost"
                : wiring.config().http().host()) + ":" + server.httpPort();
        if (wiring.config().security().adminToken().isEmpty()) {
            wiring.core().access().ensureSystemAdminToken().ifPresent(issued -> out().printf(
                    "  System admin token (shown only now; keep it safe, or set security.adminToken): %s%n",
                    issued.secret()));
        }
        out().printf("  Admin console at %s/console, employees' page at %s/me, REST API at %s/api/v1 (OpenAPI: %s/api/v1/openapi.json)%n",
                web, web, web, web);
        out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
