package org.hotdesk.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for bearer tokens. */
public interface AccessTokenStore {
    AccessToken insert(Role role, Long tenantId, Long userId, String name, String tokenHash, Instant createdAt,
                       Instant expiresAt);

    Optional<AccessToken> findByHash(String tokenHash);

    Optional<AccessToken> findById(long id);

    /** Tenant admin tokens of a tenant (employee tokens are short-lived and not listed). */
    List<AccessToken> listAdminTokens(long tenantId);

    /** Is there any token of this role (used for the system admin's bootstrap token)? */
    boolean anyOfRole(Role role);

    void delete(long id);

    void deleteRole(Role role);

    /** Removes tokens whose expiry is at or before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
