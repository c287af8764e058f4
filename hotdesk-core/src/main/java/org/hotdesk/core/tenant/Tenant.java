package org.hotdesk.core.tenant;

import java.time.Instant;

/**
 * One organisation: its SIP domain, its users, devices and policies.
 *
 * @param provisioningToken the unguessable part of the URL its phones fetch their configuration from
 *                          ({@link ProvisioningAccess#URL_TOKEN}); a secret like a password
 */
public record Tenant(long id, String name, String domain, TenantSettings settings, String provisioningToken,
                     Instant createdAt) {

    public Tenant withSettings(TenantSettings newSettings) {
        return new Tenant(id, name, domain, newSettings, provisioningToken, createdAt);
    }
}
