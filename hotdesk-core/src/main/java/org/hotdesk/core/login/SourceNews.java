package org.hotdesk.core.login;

import java.time.Instant;

/**
 * What one node's limiter tells the others: {@code failures} more failures from {@code address}, or (with
 * {@code blockedUntil}) that the address is blocked until then.
 */
public record SourceNews(String address, int failures, Instant blockedUntil) {
    public SourceNews {
        if (address == null || address.isBlank()) throw new IllegalArgumentException("no address");
        if (failures < 0) throw new IllegalArgumentException("failures < 0");
    }
}
