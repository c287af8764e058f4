package org.hotdesk.web.auth;

import java.util.Optional;
import org.hotdesk.core.access.AccessService;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.access.TokenSecrets;

/**
 * Turns a bearer secret into who is calling: the bootstrap system-admin token from the config, or a token
 * the core issued (tenant admin, employee).
 */
public final class Authenticator {
    private final String systemAdminToken;
    private final AccessService access;

    /** @param systemAdminToken the bootstrap token (config {@code security.adminToken}), or null for none */
    public Authenticator(String systemAdminToken, AccessService access) {
        this.systemAdminToken = systemAdminToken == null || systemAdminToken.isBlank() ? null : systemAdminToken;
        this.access = access;
    }

    /**
     * Who a secret signs in, and with which stored token.
     *
     * @param tokenId the stored token's id, to ask later whether it was revoked; null for the bootstrap token
     *                from the config, which lives as long as the config says
     */
    public record Bearer(Principal principal, Long tokenId) {
    }

    public Optional<Principal> authenticate(String secret) {
        return bearerOf(secret).map(Bearer::principal);
    }

    public Optional<Bearer> bearerOf(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        if (systemAdminToken != null && TokenSecrets.sameSecret(secret, systemAdminToken)) {
            return Optional.of(new Bearer(Principal.systemAdmin("system-admin"), null));
        }
        return access.token(secret).map(t -> new Bearer(t.principal(), t.id()));
    }

    /** The secret of an {@code Authorization: Bearer <secret>} header, or null. */
    public static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
