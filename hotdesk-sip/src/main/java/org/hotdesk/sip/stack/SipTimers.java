package org.hotdesk.sip.stack;

import java.time.Duration;

/**
 * The transaction timers of RFC 3261 §17.1.1.1: T1 the round-trip estimate, T2 the longest retransmit interval
 * of a non-INVITE request and of an INVITE's final answer, T4 how long a message may stay in the network.
 */
public record SipTimers(Duration t1, Duration t2, Duration t4) {
    public static final SipTimers RFC_3261 = new SipTimers(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

    /** Timers B, F, H, J, L and M (RFC 6026) all last 64×T1. */
    public long transactionTimeoutMillis() {
        return t1.toMillis() * 64;
    }

    long t1Millis() {
        return t1.toMillis();
    }

    long t2Millis() {
        return t2.toMillis();
    }

    long t4Millis() {
        return t4.toMillis();
    }
}
