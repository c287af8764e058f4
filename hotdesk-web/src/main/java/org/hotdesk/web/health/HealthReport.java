package org.hotdesk.web.health;

import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /health}: {@code {"status":"UP","checks":{"database":"UP"}}}.
 * Load balancers and monitors read {@code status}; people read {@code checks} to see what is down.
 */
public record HealthReport(String status, Map<String, String> checks) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public HealthReport {
        checks = Map.copyOf(checks);
    }

    /** UP only when every component is up; a null answer counts as down, a component that cannot say is not healthy. */
    public static HealthReport of(Map<String, Boolean> components) {
        // sorted so the answer reads the same on every call
        Map<String, String> checks = new TreeMap<>();
        components.forEach((name, up) -> checks.put(name, Boolean.TRUE.equals(up) ? UP : DOWN));
        return new HealthReport(checks.containsValue(DOWN) ? DOWN : UP, checks);
    }
}
