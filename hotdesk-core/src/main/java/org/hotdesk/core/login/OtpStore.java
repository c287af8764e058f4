package org.hotdesk.core.login;

import java.time.Instant;
import java.util.Optional;

/** Persistence port for one-time codes, looked up by the hash of the code within a tenant. */
public interface OtpStore {
    void insert(long tenantId, long userId, String codeHash, Instant createdAt, Instant expiresAt);

    Optional<StoredOtp> findByCode(long tenantId, String codeHash);

    /** Removes the user's earlier codes: a new code replaces the old one. */
    void deleteForUser(long userId);

    /** Housekeeping: drops codes that expired before {@code before}. */
    void deleteExpired(long tenantId, Instant before);

    /** Marks the code used if it is not yet; false if it was (single use, even under a race). */
    boolean markUsed(long id, Instant at);
}
