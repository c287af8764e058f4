package org.hotdesk.core.user;

import java.time.Instant;

/**
 * A person with an extension.
 *
 * @param hotDesk    may log in on shared devices
 * @param enabled    a disabled user cannot log in anywhere, and is logged out everywhere
 * @param pinHash    slow hash of the hot-desk PIN, never the PIN itself
 * @param pinDigest  digest HA1 of extension and PIN in the tenant's realm, so a phone's own hot-desk key can
 *                   register with them (phone-key login); null where the tenant has phone-key login off
 *                   ({@link PinDigests}), and until the PIN is next set or used after it was turned on
 * @param sipAccount the user's own SIP account for a personal phone or softphone, or null
 */
public record User(long id, long tenantId, String extension, String name, boolean hotDesk, boolean enabled,
                   String pinHash, SipAccountHashes pinDigest, SipAccountHashes sipAccount, Instant createdAt) {

    public User withPinDigest(SipAccountHashes digest) {
        return new User(id, tenantId, extension, name, hotDesk, enabled, pinHash, digest, sipAccount, createdAt);
    }

    public boolean hasOwnSipAccount() {
        return sipAccount != null;
    }
}
