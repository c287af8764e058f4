package org.hotdesk.core.access;

import java.time.Instant;

/**
 * A bearer token as stored: only a hash of the secret is kept, so a database dump signs nobody in.
 *
 * @param expiresAt null for tokens that live until revoked (tenant admin tokens)
 */
public record AccessToken(long id, Role role, Long tenantId, Long userId, String name, String tokenHash,
                          Instant createdAt, Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Principal principal() {
        return new Principal(role, tenantId, userId, name);
    }
}
