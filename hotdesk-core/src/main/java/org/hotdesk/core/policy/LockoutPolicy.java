package org.hotdesk.core.policy;

import java.time.Duration;
import org.hotdesk.core.error.InvalidInputException;

/**
 * How guessing is held back: after {@code maxFailures} failed PIN/OTP attempts within {@code window}, that device
 * or that user is locked for {@code lockDuration}; and PINs that are guessed first (1111, 1234, the extension) are
 * refused unless {@code weakPinsAllowed}.
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration, boolean weakPinsAllowed) {
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** Weak PINs refused. */
    public LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {
        this(maxFailures, window, lockDuration, false);
    }

    public LockoutPolicy withWeakPinsAllowed(boolean allowed) {
        return new LockoutPolicy(maxFailures, window, lockDuration, allowed);
    }

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
