package org.hotdesk.web.console.live;

/**
 * The live view's counters.
 *
 * @param withoutLocation desks without a dispatchable emergency address (country, city, street)
 */
public record LiveStats(int loggedIn, int desks, int idle, int unregistered, int emergencyToday, int withoutLocation) {
}
