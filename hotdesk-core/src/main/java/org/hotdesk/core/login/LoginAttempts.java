package org.hotdesk.core.login;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.webhook.Webhooks;

/**
 * Counts failed PIN / OTP attempts per device and per user, and locks a key after too many within the
 * window. Shared by every login path (dial codes, IVR, phone key, API), so switching path gains nothing.
 */
public final class LoginAttempts {
    private final AttemptStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final LoginCounts counts;
    private final Webhooks webhooks;

    public LoginAttempts(AttemptStore store, AuditLog audit, Clock clock, LoginCounts counts,
                         Webhooks webhooks) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.counts = counts;
        this.webhooks = webhooks;
    }

    /** Whether any of the keys is locked now (a login checks its device and its user together). */
    public boolean isLocked(long tenantId, LockKey... keys) {
        return lockedUntil(tenantId, keys).isPresent();
    }

    /** The end of the latest lock on any of the keys, if one is locked now. */
    public Optional<Instant> lockedUntil(long tenantId, LockKey... keys) {
        Instant now = clock.instant();
        return store.lockedUntil(tenantId, List.of(keys)).filter(until -> until.isAfter(now));
    }

    /** Counts a failure; returns true when this failure locked the key. */
    public boolean recordFailure(long tenantId, LockKey key, LockoutPolicy policy) {
        Instant now = clock.instant();
        store.addFailure(tenantId, key, now);
        int failures = store.countFailuresSince(tenantId, key, now.minus(policy.window()));
        if (failures < policy.maxFailures()) {
            return false;
        }
        Instant until = now.plus(policy.lockDuration());
        store.lock(tenantId, key, until);
        // a fresh count starts when the lock is over
        store.clearFailures(tenantId, key);
        counts.lockout();
        webhooks.lockout(tenantId, key.kind() == LockKey.Kind.DEVICE, key.id(), until, failures);
        audit.append(AuditRecord.of(tenantId, now, Actor.system("lockout"), "lockout.locked", key.toString(),
                failures + " failed attempts", "until " + until));
        return true;
    }

    /** How many more failures {@code key} may have before it is locked (0 when the next one locks it, or it is locked). */
    public int failuresLeft(long tenantId, LockKey key, LockoutPolicy policy) {
        if (isLocked(tenantId, key)) {
            return 0;
        }
        Instant now = clock.instant();
        return Math.max(0, policy.maxFailures() - store.countFailuresSince(tenantId, key, now.minus(policy.window())));
    }

    /** A successful login forgives earlier failures of its keys. */
    public void recordSuccess(long tenantId, LockKey... keys) {
        for (LockKey key : keys) {
            store.clearFailures(tenantId, key);
        }
    }

    public void unlock(long tenantId, LockKey key, Actor actor) {
        store.unlock(tenantId, key);
        store.clearFailures(tenantId, key);
        audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "lockout.unlocked", key.toString(), null, null));
    }
}
