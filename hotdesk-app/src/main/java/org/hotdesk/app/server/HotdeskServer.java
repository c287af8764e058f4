package org.hotdesk.app.server;

import java.nio.file.Path;
import java.util.Map;
import org.hotdesk.app.Wiring;
import org.hotdesk.app.config.TlsConfig;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.sip.SipServer;
import org.hotdesk.sip.SipTls;
import org.hotdesk.web.HttpServer;
import org.hotdesk.web.Https;
import org.hotdesk.web.alerts.WebhookDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: SIP (and SIP over TLS), HTTP (and HTTPS; health for now) and the session timers, on one wiring. */
public final class HotdeskServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotdeskServer.class);
    private final Wiring wiring;
    private final HttpServer http;
    private final TimerLoop timers;
    private final SipServer sip;
    private final WebhookDelivery alerts;
    /** How often due emergency alerts are looked for: an alert goes out within this of the call. */
    private static final java.time.Duration ALERT_INTERVAL = java.time.Duration.ofSeconds(1);

    private HotdeskServer(Wiring wiring, HttpServer http, TimerLoop timers, SipServer sip, WebhookDelivery alerts) {
        this.alerts = alerts;
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
        HttpServer http = new HttpServer(config.http().host(), config.http().port(), https,
                () -> Map.of("database", wiring.database().isHealthy()));
        // one limiter for every login path, so an address guessing anywhere is slowed and blocked everywhere
        SourceGuard guard = new SourceGuard(wiring.clock(), config.sourceLimits().toServerConfig());
        SipServer sip = SipServer.start(config.sip().toServerConfig(), config.media().toServerConfig(), guard, sipTls,
                wiring.core(), wiring.clock());
        try {
            http.start();
        } catch (RuntimeException e) {
            sip.close();
            throw e;
        }
        WebhookDelivery alerts = new WebhookDelivery(wiring.core()).start(ALERT_INTERVAL);
        TimerLoop timers = new TimerLoop(wiring.core().timers(), wiring.core().calls(),
                java.time.Duration.ofHours(config.timers().maxCallHours()), config.timers().checkIntervalSeconds());
        log.info("hotdesk started sip={}:{} (advertised {}) http={}:{} database={}", config.sip().host(), sip.port(),
                sip.host(), config.http().host(), http.port(), wiring.database().vendor());
        return new HotdeskServer(wiring, http, timers, sip, alerts);
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

    /** The SIP over TLS port, or 0 without TLS. */
    public int sipTlsPort() {
        return sip.tlsPort();
    }

    /** The HTTPS port, or 0 without TLS. */
    public int httpsPort() {
        return http.httpsPort();
    }

    @Override
    public void close() {
        timers.close();
        alerts.close();
        sip.close();
        http.stop();
        wiring.close();
    }
}
