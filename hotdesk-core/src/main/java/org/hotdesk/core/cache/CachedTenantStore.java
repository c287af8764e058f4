package org.hotdesk.core.cache;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;

/** Tenants by id, domain and provisioning token from memory; every write goes through and forgets the tenant. */
final class CachedTenantStore implements TenantStore {
    private final TenantStore store;
    private final ReadCache<Tenant> cache;
    private final Caches.Edits edits;

    CachedTenantStore(TenantStore store, Transactions tx, Caches.Edits edits) {
        this.store = store;
        this.edits = edits;
        this.cache = new ReadCache<>(tx, Tenant::id);
    }

    ReadCache<Tenant> cache() {
        return cache;
    }

    @Override
    public Tenant insert(String name, String domain, TenantSettings settings, String provisioningToken, Instant createdAt) {
        Tenant t = store.insert(name, domain, settings, provisioningToken, createdAt);
        edits.shared(cache, t.id());
        return t;
    }

    @Override
    public Optional<Tenant> findById(long id) {
        return cache.byId(id, () -> store.findById(id));
    }

    @Override
    public Optional<Tenant> lockForUpdate(long id) {
        return store.lockForUpdate(id);
    }

    @Override
    public Optional<Tenant> findByDomain(String domain) {
        return cache.byKey("domain:" + domain.toLowerCase(Locale.ROOT), t -> t.domain().equalsIgnoreCase(domain),
                () -> store.findByDomain(domain));
    }

    @Override
    public Optional<Tenant> findByProvisioningToken(String token) {
        return cache.byKey("token:" + token, t -> token.equals(t.provisioningToken()),
                () -> store.findByProvisioningToken(token));
    }

    @Override
    public void setProvisioningToken(long id, String token) {
        store.setProvisioningToken(id, token);
        edits.shared(cache, id);
    }

    @Override
    public List<Tenant> list() {
        return store.list();
    }

    @Override
    public void updateSettings(long id, TenantSettings settings) {
        store.updateSettings(id, settings);
        edits.shared(cache, id);
    }
}
