package org.hotdesk.core.login;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for failed login attempts and the locks they cause. */
public interface AttemptStore {
    void addFailure(long tenantId, LockKey key, Instant at);

    int countFailuresSince(long tenantId, LockKey key, Instant since);

    void clearFailures(long tenantId, LockKey key);

    /** The latest end of a lock on any of the keys (one look-up for a login's device and user together). */
    Optional<Instant> lockedUntil(long tenantId, List<LockKey> keys);

    void lock(long tenantId, LockKey key, Instant until);

    void unlock(long tenantId, LockKey key);
}
