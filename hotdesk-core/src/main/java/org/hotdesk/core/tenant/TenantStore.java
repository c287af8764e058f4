package org.hotdesk.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for tenants. */
public interface TenantStore {
    Tenant insert(String name, String domain, TenantSettings settings, String provisioningToken, Instant createdAt);

    Optional<Tenant> findById(long id);

    /** Reads the tenant and holds its row until the transaction ends, so a settings edit sees the latest. */
    Optional<Tenant> lockForUpdate(long id);

    Optional<Tenant> findByDomain(String domain);

    Optional<Tenant> findByProvisioningToken(String token);

    void setProvisioningToken(long id, String token);

    List<Tenant> list();

    void updateSettings(long id, TenantSettings settings);
}
