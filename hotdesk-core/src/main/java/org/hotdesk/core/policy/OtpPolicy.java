package org.hotdesk.core.policy;

import java.time.Duration;
import org.hotdesk.core.error.InvalidInputException;

/** One-time login codes: how many digits, how long they live (B3Networks: 6 digits, 2 minutes). */
public record OtpPolicy(int length, Duration lifetime) {
    public static final OtpPolicy DEFAULT = new OtpPolicy(6, Duration.ofSeconds(120));

    public OtpPolicy {
        if (length < 4 || length > 10) {
            throw new InvalidInputException("otpLength", "must be between 4 and 10 digits, was " + length);
        }
        if (lifetime == null || lifetime.getSeconds() < 10 || lifetime.getSeconds() > 3600) {
            throw new InvalidInputException("otpLifetimeSeconds", "must be between 10 and 3600 seconds");
        }
    }
}
