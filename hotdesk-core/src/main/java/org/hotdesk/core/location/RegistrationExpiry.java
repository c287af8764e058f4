package org.hotdesk.core.location;

import java.util.OptionalInt;
import org.hotdesk.core.tenant.Tenant;

/**
 * How long a registration is granted (RFC 3261 §10.3 step 7: the registrar may choose less than the phone asked for,
 * and a non-zero request shorter than its minimum gets 423 Interval Too Brief with Min-Expires, §21.4.17).
 *
 * <p>A phone is granted at most its tenant's register expiry, the interval its desks are told in their configuration
 * ({@code provisioning.registerExpirySeconds}; 500 s by default, as the Infinity PBX guide asks, so a desk that went
 * away, and a phone-key login on it, are noticed within minutes). A phone set up by hand that asks for an hour gets
 * the tenant's interval, as a provisioned one would. The server's bounds stay around it: the tenant's value is
 * raised to {@code minSeconds} and cut to {@code maxSeconds}.
 *
 * @param minSeconds     shortest registration accepted
 * @param defaultSeconds what a phone that names no expiry asks for
 * @param maxSeconds     longest registration granted to anyone, whatever a tenant's setting
 */
public record RegistrationExpiry(int minSeconds, int defaultSeconds, int maxSeconds) {

    public RegistrationExpiry {
        if (minSeconds < 1 || defaultSeconds < minSeconds || maxSeconds < defaultSeconds) {
            throw new IllegalArgumentException("registration expiry bounds must satisfy 1 <= min <= default <= max, were "
                    + minSeconds + ", " + defaultSeconds + ", " + maxSeconds);
        }
    }

    /** The answer to one contact's request. */
    public sealed interface Grant {
        /** Bound for this long; 0 removes the binding. */
        record Granted(int seconds) implements Grant {
        }

        /** Refused: asked for less than the minimum, which the answer names (423 Interval Too Brief). */
        record TooBrief(int minSeconds) implements Grant {
        }
    }

    /**
     * @param asked  the seconds the phone asked for (the contact's own {@code expires}, else the Expires header), or
     *               empty when it named none
     * @param tenant the tenant of the account that registers
     */
    public Grant grant(OptionalInt asked, Tenant tenant) {
        int seconds = asked.orElse(defaultSeconds);
        if (seconds == 0) return new Grant.Granted(0);
        if (seconds < minSeconds) return new Grant.TooBrief(minSeconds);
        return new Grant.Granted(Math.min(seconds, longestFor(tenant)));
    }

    /** The tenant's register expiry, within the server's bounds. */
    private int longestFor(Tenant tenant) {
        int tenants = tenant.settings().provisioning().registerExpirySeconds();
        return Math.max(minSeconds, Math.min(tenants, maxSeconds));
    }
}
