package org.hotdesk.core.user;

import java.util.Optional;
import org.hotdesk.core.tenant.Tenant;

/**
 * Which users' PINs are kept as a SIP digest (HA1 of extension:domain:PIN) beside their slow hash. Phone-key login
 * needs that digest: the phone never sends the PIN, it answers a digest challenge with it. But the digest is fast to
 * compute, so anyone with a copy of the database finds a 4-digit PIN in 10^4 tries. It is therefore kept only in
 * tenants that have phone-key login on ({@code TenantSettings.phoneKeyLogin}); everywhere else the bcrypt hash alone.
 * Stores only persist what this rule hands them.
 */
public final class PinDigests {
    private PinDigests() {
    }

    /** Whether the tenant's users may have their PIN digest kept. */
    public static boolean kept(Tenant tenant) {
        return tenant.settings().phoneKeyLogin();
    }

    /** The digest to store with a PIN being set, or null where it is not kept. */
    public static SipAccountHashes forPin(Tenant tenant, String extension, String pin) {
        return kept(tenant) ? SipAccountHashes.of(extension, tenant.domain(), pin) : null;
    }

    /**
     * The user with the digest they lack, made from a PIN that has just matched their slow hash; empty when they
     * have one or may not. Turning phone-key login on cannot compute digests (only the slow hash is kept), so each
     * user's is filled in here, the next time they log in with the PIN itself, or when it is next set.
     */
    public static Optional<User> filledIn(Tenant tenant, User user, String verifiedPin) {
        if (user.tenantId() != tenant.id() || user.pinDigest() != null || !kept(tenant) || verifiedPin == null) {
            return Optional.empty();
        }
        return Optional.of(user.withPinDigest(forPin(tenant, user.extension(), verifiedPin)));
    }
}
