package org.hotdesk.web.console.users;

/**
 * A one-time code as the user's page shows it, the one time it does.
 *
 * @param validUntil the end of its life on the tenant's clock, to the second ("10:47:12")
 * @param zone       the tenant's time zone, e.g. "Europe/Berlin"
 * @param dialString what to dial at a desk, or null when the tenant has no OTP login pattern
 */
public record OneTimeCode(String code, String validUntil, String zone, String dialString) {
}
