package org.hotdesk.sip.subscribe;

/**
 * How long a subscription may last (RFC 6665 §4.2.1.1): a shorter request than {@code min} (other than 0, which
 * ends it) gets 423 Interval Too Brief naming the minimum; a longer one is cut to {@code max}. The server uses its
 * registration bounds for both, so a phone's refreshes and re-registrations keep the same pace.
 */
public record ExpiryBounds(int min, int max) {
    public ExpiryBounds {
        if (min < 1 || max < min) throw new IllegalArgumentException("subscription expiry bounds: 1 <= min <= max");
    }
}
