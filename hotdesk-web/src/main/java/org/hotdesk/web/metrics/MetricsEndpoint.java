package org.hotdesk.web.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Supplier;
import org.hotdesk.web.WebFeature;

/**
 * {@code GET /metrics}: the server's counters, gauges and histograms in the Prometheus text format, for a
 * Prometheus server to scrape (every 15 s is usual). What is measured is wired in the app; this only serves it.
 */
public final class MetricsEndpoint implements WebFeature {
    /** The text exposition format's media type (Prometheus "text-based format", version 0.0.4). */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;
    private final MetricsAccess access;

    public MetricsEndpoint(Supplier<String> scrape, MetricsAccess access) {
        this.scrape = scrape;
        this.access = access;
    }

    @Override
    public void register(RoutesConfig routes) {
        if (!access.enabled()) return;
        routes.get("/metrics", this::serve);
    }

    private void serve(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!access.allows(ctx.ip(), ctx.header("Authorization"))) {
            // a scraper's log shows this line: it says what to configure, not which check failed
            ctx.status(access.token().isEmpty() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED)
                    .contentType("text/plain")
                    .result("metrics are served to metrics.allowFrom networks, or with the metrics.token as a Bearer token\n");
            return;
        }
        ctx.contentType(CONTENT_TYPE).result(scrape.get());
    }
}
