package org.hotdesk.core.login;

import java.time.Instant;

/** A freshly generated one-time login code: shown once to its user, stored only as a hash. */
public record OtpCode(String code, Instant expiresAt) {
    @Override
    public String toString() {
        // never let a code reach a log line by accident
        return "OtpCode[expiresAt=" + expiresAt + "]";
    }
}
