package org.hotdesk.app.server;

import java.util.Map;
import org.hotdesk.app.Wiring;
import org.hotdesk.web.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: HTTP (health for now) and the session timers, on one wiring. */
public final class HotdeskServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotdeskServer.class);
    private final Wiring wiring;
    private final HttpServer http;
    private final TimerLoop timers;

    private HotdeskServer(Wiring wiring, HttpServer http, TimerLoop timers) {
        this.wiring = wiring;
        this.http = http;
        this.timers = timers;
    }

    public static HotdeskServer start(Wiring wiring) {
        var config = wiring.config();
        HttpServer http = new HttpServer(config.http().host(), config.http().port(),
                () -> Map.of("database", wiring.database().isHealthy()));
        http.start();
        TimerLoop timers = new TimerLoop(wiring.core().timers(), config.timers().checkIntervalSeconds());
        log.info("hotdesk started http={}:{} database={}", config.http().host(), http.port(), wiring.database().vendor());
        return new HotdeskServer(wiring, http, timers);
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        timers.close();
        http.stop();
        wiring.close();
    }
}
