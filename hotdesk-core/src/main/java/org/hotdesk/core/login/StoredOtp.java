package org.hotdesk.core.login;

import java.time.Instant;

/** An OTP as the store keeps it: the hash, never the code. */
public record StoredOtp(long id, long tenantId, long userId, Instant createdAt, Instant expiresAt, Instant usedAt) {
}
