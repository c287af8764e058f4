package org.hotdesk.core.login;

import java.time.Instant;
import java.util.Optional;

/** Persistence port for failed login attempts and the locks they cause. */
public interface AttemptStore {
    void addFailure(long tenantId, LockKey key, Instant at);

    int countFailuresSince(long tenantId, LockKey key, Instant since);

    void clearFailures(long tenantId, LockKey key);

    Optional<Instant> lockedUntil(long tenantId, LockKey key);

    void lock(long tenantId, LockKey key, Instant until);

    void unlock(long tenantId, LockKey key);
}
