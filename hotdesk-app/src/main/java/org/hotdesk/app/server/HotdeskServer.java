package org.hotdesk.app.server;

import java.util.Map;
import org.hotdesk.app.Wiring;
import org.hotdesk.sip.SipServer;
import org.hotdesk.web.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: SIP, HTTP (health for now) and the session timers, on one wiring. */
public final class HotdeskServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotdeskServer.class);
    private final Wiring wiring;
    private final HttpServer http;
    private final TimerLoop timers;
    private final SipServer sip;

    private HotdeskServer(Wiring wiring, HttpServer http, TimerLoop timers, SipServer sip) {
        this.wiring = wiring;
        this.http = http;
        this.timers = timers;
        this.sip = sip;
    }

    public static HotdeskServer start(Wiring wiring) {
        var config = wiring.config();
        HttpServer http = new HttpServer(config.http().host(), config.http().port(),
                () -> Map.of("database", wiring.database().isHealthy()));
        SipServer sip = SipServer.start(config.sip().toServerConfig(), config.media().toServerConfig(),
                config.sourceLimits().toServerConfig(), wiring.core(), wiring.clock());
        try {
            http.start();
        } catch (RuntimeException e) {
            sip.close();
            throw e;
        }
        TimerLoop timers = new TimerLoop(wiring.core().timers(), wiring.core().calls(),
                java.time.Duration.ofHours(config.timers().maxCallHours()), config.timers().checkIntervalSeconds());
        log.info("hotdesk started sip={}:{} (advertised {}) http={}:{} database={}", config.sip().host(), sip.port(),
                sip.host(), config.http().host(), http.port(), wiring.database().vendor());
        return new HotdeskServer(wiring, http, timers, sip);
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

    @Override
    public void close() {
        timers.close();
        sip.close();
        http.stop();
        wiring.close();
    }
}
