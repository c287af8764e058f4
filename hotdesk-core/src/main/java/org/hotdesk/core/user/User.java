package org.hotdesk.core.user;

import java.time.Instant;

/**
 * A person with an extension.
 *
 * @param hotDesk    may log in on shared devices
 * @param enabled    a disabled user cannot log in anywhere, and is logged out everywhere
 * @param pinHash    slow hash of the hot-desk PIN, never the PIN itself
 * @param sipAccount the user's own SIP account for a personal phone or softphone, or null
 */
public record User(long id, long tenantId, String extension, String name, boolean hotDesk, boolean enabled,
                   String pinHash, SipAccountHashes sipAccount, Instant createdAt) {

    public boolean hasOwnSipAccount() {
        return sipAccount != null;
    }
}
