package org.hotdesk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.hotdesk.web.health.HealthApi;
import org.hotdesk.web.health.HealthCheck;

/**
 * The HTTP side of hotdesk on Javalin 7 (Jetty 12). Javalin 7 takes every route and handler up front, in
 * the config block, so this class is where the route classes are assembled; nothing is added after start.
 */
public final class HttpServer {
    private final String host;
    private final int port;
    private final Javalin javalin;

    /** @param port 0 picks a free port; {@link #port()} then tells which */
    public HttpServer(String host, int port, HealthCheck healthCheck) {
        this.host = host;
        this.port = port;
        HealthApi health = new HealthApi(healthCheck);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // the check looks the release date up against today: noise in a server log, not advice
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            health.register(config.routes);
            JsonErrors.register(config.routes);
        });
    }

    public void start() {
        javalin.start(host, port);
    }

    public void stop() {
        javalin.stop();
    }

    /** The port actually bound, which differs from the one asked for when that was 0. */
    public int port() {
        return javalin.port();
    }
}
