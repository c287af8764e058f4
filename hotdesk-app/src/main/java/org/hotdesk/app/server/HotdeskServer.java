package org.hotdesk.app.server;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotdesk.app.Wiring;
import org.hotdesk.app.config.TlsConfig;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.provisioning.counter.CountWriter;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.provisioning.fetch.ProvisioningService;
import org.hotdesk.provisioning.fetch.ProvisioningUrls;
import org.hotdesk.provisioning.profile.ProfileBuilder;
import org.hotdesk.provisioning.profile.ServerAddress;
import org.hotdesk.provisioning.vendors.StandardRenderers;
import org.hotdesk.sip.SipServer;
import org.hotdesk.store.SharedSourceLimits;
import org.hotdesk.sip.SipTls;
import org.hotdesk.sip.metrics.SipMetrics;
import org.hotdesk.web.HttpServer;
import org.hotdesk.web.Https;
import org.hotdesk.web.WebApp;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.alerts.WebhookDelivery;
import org.hotdesk.web.metrics.MetricsAccess;
import org.hotdesk.web.metrics.MetricsEndpoint;
import org.hotdesk.web.provisioning.HttpDigest;
import org.hotdesk.web.provisioning.ProvisioningApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: SIP (and SIP over TLS), HTTP (and HTTPS: health, phone provisioning) and the session timers, on one wiring. */
public final class HotdeskServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotdeskServer.class);
    private final Wiring wiring;
    private final HttpServer http;
    private final TimerLoop timers;
    private final SipServer sip;
    private final WebhookDelivery alerts;
    private final CountWriter counts;
    /** How often due emergency alerts are looked for: an alert goes out within this of the call. */
    private static final java.time.Duration ALERT_INTERVAL = java.time.Duration.ofSeconds(1);
    /** How often provision counts are written behind: a crash loses at most this much of counted fetches. */
    private static final java.time.Duration COUNT_WRITE_INTERVAL = java.time.Duration.ofSeconds(1);
    /** Shown in the OpenAPI document. */
    private static final String API_VERSION = "0.1.0";

    private final SharedSourceLimits sharedLimits;
    private final ClusterHeartbeat heartbeat;

    private HotdeskServer(Wiring wiring, HttpServer http, TimerLoop timers, SipServer sip, WebhookDelivery alerts,
                          CountWriter counts, SharedSourceLimits sharedLimits, ClusterHeartbeat heartbeat) {
        this.sharedLimits = sharedLimits;
        this.heartbeat = heartbeat;
        this.alerts = alerts;
        this.counts = counts;
        this.wiring = wiring;
        this.http = http;
        this.timers = timers;
        this.sip = sip;
    }

    public static HotdeskServer start(Wiring wiring) {
        return start(wiring, wiring.config().tls());
    }

    /** @param tls the certificate to use (the configured one, or the demo's); without one, no TLS */
    public static HotdeskServer start(Wiring wiring, TlsConfig tls) {
        var config = wiring.config();
        Https https = tls.enabled() ? new Https(tls.httpsPort(), Path.of(tls.keyStore()), tls.keyStorePassword()) : null;
        SipTls sipTls = tls.enabled() ? new SipTls(tls.sipPort(), Path.of(tls.keyStore()), tls.keyStorePassword()) : null;
        // one limiter for every login path, so an address guessing anywhere is slowed and blocked everywhere
        SourceGuard guard = new SourceGuard(wiring.clock(), config.sourceLimits().toServerConfig());
        // ... on every node of a cluster: what one node counts and blocks, the others do too
        SharedSourceLimits sharedLimits = SharedSourceLimits.start(wiring.database(), guard, wiring.clock());
        wiring.core().tenants().ensureProvisioningTokens(Actor.system("startup"));
        // since the start, in memory: the SIP side records each desk's last re-sync NOTIFY, the console shows it
        ResyncOutcomes resyncs = new ResyncOutcomes();
        ServerMetrics metrics = new ServerMetrics(wiring.core(), guard, resyncs);
        SipServer sip = SipServer.start(config.sip().toServerConfig().withTrustedEdges(config.cluster().trustedEdges()),
                config.media().toServerConfig(), guard, sipTls,
                wiring.core(), wiring.clock(), ResyncPolicy.DEFAULT, resyncs, new SipMetrics(metrics.registry()));
        HttpServer http;
        // one counter for the phones' fetches and the admins' resets: the counts live in its memory
        // ... counted in the database while other nodes of a cluster count too (the limit holds across them)
        java.util.concurrent.atomic.AtomicBoolean othersLive = new java.util.concurrent.atomic.AtomicBoolean();
        ProvisionCounter counter = wiring.provisionCounter(othersLive::get);
        try {
            // phones are given the edge in front of a cluster, else the SIP side's advertised address and actual
            // ports, known once SIP is up
            var cluster = config.cluster();
            ServerAddress address = cluster.edgeHost() != null
                    ? new ServerAddress(cluster.edgeHost(), cluster.edgePort(), cluster.edgePort(), 0)
                    : new ServerAddress(sip.host(), sip.port(), sip.port(), sip.tlsPort());
            ProvisioningService provisioning = new ProvisioningService(wiring.core(), StandardRenderers.all(),
                    new ProfileBuilder(address), counter, wiring.clock());
            byte[] nonceKey = new byte[32];
            new SecureRandom().nextBytes(nonceKey);
            // the API answers provisioning URLs with the HTTP port, known only once HTTP is up
            java.util.concurrent.atomic.AtomicInteger httpPort = new java.util.concurrent.atomic.AtomicInteger();
            String adminToken = config.security().adminToken().isEmpty() ? null : config.security().adminToken();
            WebApp web = new WebApp(wiring.core(), wiring.clock(), adminToken, guard, counter,
                    t -> new ProvisioningUrls(config.http().publicUrl(sip.host(), httpPort.get())).forTenant(t),
                    new ProvisioningApi(provisioning, new HttpDigest(nonceKey, wiring.clock()), metrics.registry()),
                    API_VERSION, resyncs);
            List<WebFeature> features = new ArrayList<>(web.features());
            features.add(new MetricsEndpoint(metrics::scrape,
                    new MetricsAccess(config.metrics().token(), config.metrics().networks())));
            http = new HttpServer(config.http().host(), config.http().port(), https,
                    () -> Map.of("database", wiring.database().isHealthy()), features);
            http.start();
            httpPort.set(http.port());
        } catch (RuntimeException e) {
            sip.close();
            sharedLimits.close();
            throw e;
        }
        CountWriter counts = new CountWriter(counter, COUNT_WRITE_INTERVAL);
        WebhookDelivery alerts = new WebhookDelivery(wiring.core()).start(ALERT_INTERVAL);
        TimerLoop timers = new TimerLoop(wiring.core().timers(), wiring.core().calls(), wiring.core().access(),
                wiring.core().configChanges(), wiring.core().caches(), java.time.Duration.ofHours(config.timers().maxCallHours()),
                config.timers().checkIntervalSeconds());
        ClusterHeartbeat heartbeat = new ClusterHeartbeat(wiring.clusterMembers(), wiring.clock(), othersLive,
                config.cluster().nodeId(hostName(), sip.port()), sip.host() + ":" + sip.port(),
                sip.host() + ":" + http.port());
        log.info("hotdesk started node={} sip={}:{} (advertised {}) http={}:{} database={}", heartbeat.nodeId(),
                config.sip().host(), sip.port(), sip.host(), config.http().host(), http.port(),
                wiring.database().vendor());
        return new HotdeskServer(wiring, http, timers, sip, alerts, counts, sharedLimits, heartbeat);
    }

    public int sipPort() {
        return sip.port();
    }

    /** The address phones register to. */
    public String sipHost() {
        return sip.host();
    }

    public int httpPort() {
        return http.port();
    }

    /** Where this tenant's phones fetch their configuration. */
    public String provisioningUrl(Tenant tenant) {
        return new ProvisioningUrls(wiring.config().http().publicUrl(sip.host(), http.port())).forTenant(tenant);
    }

    /** The SIP over TLS port, or 0 without TLS. */
    public int sipTlsPort() {
        return sip.tlsPort();
    }

    /** The HTTPS port, or 0 without TLS. */
    public int httpsPort() {
        return http.httpsPort();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "hotdesk";
        }
    }

    @Override
    public void close() {
        heartbeat.close();
        timers.close();
        alerts.close();
        sip.close();
        http.stop();
        counts.close();
        sharedLimits.close();
        wiring.close();
    }
}
