package org.hotdesk.core.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for tenants. */
public interface TenantStore {
    Tenant insert(String name, String domain, TenantSettings settings, Instant createdAt);

    Optional<Tenant> findById(long id);

    Optional<Tenant> findByDomain(String domain);

    List<Tenant> list();

    void updateSettings(long id, TenantSettings settings);
}
