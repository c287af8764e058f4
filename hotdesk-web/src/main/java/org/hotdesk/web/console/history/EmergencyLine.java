package org.hotdesk.web.console.history;

/**
 * One emergency call in words, as it was reported when it was made.
 *
 * @param person       who was logged in at the desk ("Alice Example (1001)"), or "" when nobody was
 * @param location     the address sent with the call in one line, or "" when none was known
 * @param dispatchable false: the address lacked country, city or street
 * @param callback     the callback number sent, or ""
 * @param alertClass   the badge class: ok delivered, warn retrying, idle not tried yet
 * @param alert        what became of the on-site alert ("Delivered 2026-03-02 08:01")
 * @param alertDetail  why the last delivery failed and when the next try is, or ""
 */
public record EmergencyLine(String time, String desk, String deskMac, String person, String dialled, String location,
                            boolean dispatchable, String callback, String alertClass, String alert,
                            String alertDetail) {
}
