package org.hotdesk.web.console.live;

/**
 * One emergency call and how far its on-site alert got.
 *
 * @param state      "ok" delivered, "warn" retrying, "idle" not tried yet (the badge class)
 * @param stateText  e.g. "Alert delivered 10:02", "Retrying (3 attempts)"
 * @param lastError  why the last delivery failed, or null
 */
public record AlertRow(String time, String dialled, String desk, String place, String person, String state,
                       String stateText, String lastError) {
}
