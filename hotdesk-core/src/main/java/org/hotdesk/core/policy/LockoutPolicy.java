package org.hotdesk.core.policy;

import java.time.Duration;
import org.hotdesk.core.error.InvalidInputException;

/**
 * After {@code maxFailures} failed PIN/OTP attempts within {@code window}, that device or that user is
 * locked for {@code lockDuration}.
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public LockoutPolicy {
        if (maxFailures < 1 || maxFailures > 100) {
            throw new InvalidInputException("lockoutMaxFailures", "must be between 1 and 100, was " + maxFailures);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new InvalidInputException("lockoutWindowMinutes", "must be positive");
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new InvalidInputException("lockoutMinutes", "must be positive");
        }
    }
}
