package org.hotdesk.core.user;

import java.time.Instant;

/**
 * A person with an extension.
 *
 * @param hotDesk    may log in on shared devices
 * @param enabled    a disabled user cannot log in anywhere, and is logged out everywhere
 * @param pinHash    slow hash of the hot-desk PIN, never the PIN itself
 * @param pinDigest  digest HA1 of extension and PIN in the tenant's realm, so a phone's own hot-desk key can
 *                   register with them (phone-key login); null for a user whose PIN predates it until it is set again
 * @param sipAccount the user's own SIP account for a personal phone or softphone, or null
 */
public record User(long id, long tenantId, String extension, String name, boolean hotDesk, boolean enabled,
                   String pinHash, SipAccountHashes pinDigest, SipAccountHashes sipAccount, Instant createdAt) {

    public boolean hasOwnSipAccount() {
        return sipAccount != null;
    }
}
