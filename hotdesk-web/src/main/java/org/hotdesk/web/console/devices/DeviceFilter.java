package org.hotdesk.web.console.devices;

import io.javalin.http.Context;
import java.util.List;

/**
 * The devices page's filter bar (a GET form, so a filtered view can be bookmarked).
 *
 * @param search text to look for in name, MAC, model, location and user; empty for all
 * @param status {@code all}, {@code in-use}, {@code idle} or {@code unregistered}
 */
public record DeviceFilter(String search, String status) {
    public static final List<String> STATUSES = List.of("all", "in-use", "idle", "unregistered");

    public static DeviceFilter of(Context ctx) {
        String search = ctx.queryParam("q");
        String status = ctx.queryParam("status");
        return new DeviceFilter(search == null ? "" : search.trim(),
                status != null && STATUSES.contains(status) ? status : "all");
    }

    public boolean active() {
        return !search.isEmpty() || !status.equals("all");
    }

    public boolean keeps(DeviceRow row) {
        boolean statusOk = switch (status) {
            case "in-use" -> row.inUse();
            case "idle" -> !row.inUse();
            case "unregistered" -> !row.registered();
            default -> true;
        };
        return statusOk && row.matches(search);
    }

    public static String label(String status) {
        return switch (status) {
            case "in-use" -> "In use";
            case "idle" -> "Idle";
            case "unregistered" -> "Not registered";
            default -> "All statuses";
        };
    }
}
