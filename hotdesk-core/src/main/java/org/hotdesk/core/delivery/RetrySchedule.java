package org.hotdesk.core.delivery;

import java.time.Duration;

/**
 * When an outgoing HTTP delivery the receiver did not acknowledge is tried again: 5 s after the first failure,
 * doubling each time, at most 5 minutes apart, never given up. Emergency alerts and event webhooks share it, so an
 * admin learns one rule for both.
 */
public final class RetrySchedule {
    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private RetrySchedule() {
    }

    /** The pause after the {@code attempts}-th failed attempt (1 for the first). */
    public static Duration after(int attempts) {
        Duration pause = FIRST.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 10));
        return pause.compareTo(LONGEST) > 0 ? LONGEST : pause;
    }

    /** An error text short enough to keep with the delivery. */
    public static String shortened(String error) {
        String reason = error == null ? "unknown" : error;
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
}
