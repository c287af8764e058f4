package org.hotdesk.web.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 when every component is up, 503 otherwise, so a load balancer can act on the status alone. */
public final class HealthApi {
    private static final Logger log = LoggerFactory.getLogger(HealthApi.class);
    private final HealthCheck healthCheck;

    public HealthApi(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        HealthReport report = HealthReport.of(components());
        ctx.status(HealthReport.UP.equals(report.status()) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
    }

    private Map<String, Boolean> components() {
        try {
            return healthCheck.check();
        } catch (RuntimeException e) {
            // a check that fails to answer means something is broken: report DOWN, not a 500
            log.warn("health check failed", e);
            return Map.of("healthCheck", false);
        }
    }
}
