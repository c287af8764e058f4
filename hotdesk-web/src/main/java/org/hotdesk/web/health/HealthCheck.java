package org.hotdesk.web.health;

import java.util.Map;

/**
 * Asks each component the server depends on whether it works right now: component name → up.
 * Called on every {@code GET /health}, so it must answer quickly and never block on a dead backend.
 */
@FunctionalInterface
public interface HealthCheck {
    Map<String, Boolean> check();
}
