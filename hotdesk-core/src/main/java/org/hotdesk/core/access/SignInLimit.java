package org.hotdesk.core.access;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an employee stands with the lockout after a refused sign-in, so a page can warn before the last try and
 * say how long a lock lasts, instead of a bare "locked".
 *
 * @param triesLeft    wrong PINs still allowed before the lock (0 when locked)
 * @param lockDuration how long a lock lasts (the tenant's policy)
 * @param lockedUntil  when the current lock ends, or null when not locked
 */
public record SignInLimit(int triesLeft, Duration lockDuration, Instant lockedUntil) {
    public boolean locked() {
        return lockedUntil != null;
    }
}
