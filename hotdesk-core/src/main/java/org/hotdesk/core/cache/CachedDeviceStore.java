package org.hotdesk.core.cache;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.transaction.Transactions;

/**
 * Devices by id, MAC and SIP username from memory (the registrar's, the router's and the provisioning server's
 * look-ups); every write goes through and forgets the device, so an edited, disabled or removed desk counts from
 * the very next request. Gateways and lists are read from the store as before.
 */
final class CachedDeviceStore implements DeviceStore {
    private final DeviceStore store;
    private final ReadCache<Device> cache;
    private final Caches.Edits edits;

    CachedDeviceStore(DeviceStore store, Transactions tx, Caches.Edits edits) {
        this.store = store;
        this.edits = edits;
        this.cache = new ReadCache<>(tx, Device::id);
    }

    ReadCache<Device> cache() {
        return cache;
    }

    @Override
    public Device insert(long tenantId, NewDevice device, int linePort, Long gatewayId, String sipUsername,
                         String sipPassword, Instant createdAt) {
        Device d = store.insert(tenantId, device, linePort, gatewayId, sipUsername, sipPassword, createdAt);
        edits.shared(cache, d.id());
        return d;
    }

    @Override
    public Optional<Device> findById(long id) {
        return cache.byId(id, () -> store.findById(id));
    }

    @Override
    public Optional<Device> findByMac(MacAddress mac, int linePort) {
        return cache.byKey(new Port(mac, linePort), d -> d.mac().equals(mac) && d.linePort() == linePort,
                () -> store.findByMac(mac, linePort));
    }

    @Override
    public Optional<Device> findBySipUsername(String sipUsername) {
        return cache.byKey(sipUsername, d -> d.sipUsername().equals(sipUsername),
                () -> store.findBySipUsername(sipUsername));
    }

    @Override
    public boolean macInUse(MacAddress mac) {
        return store.macInUse(mac);
    }

    @Override
    public List<Device> list(long tenantId) {
        return store.list(tenantId);
    }

    @Override
    public Optional<Device> lockForUpdate(long id) {
        return store.lockForUpdate(id);
    }

    @Override
    public void setEnabled(long id, boolean enabled) {
        store.setEnabled(id, enabled);
        edits.shared(cache, id);
    }

    @Override
    public void setName(long id, String name, String model) {
        store.setName(id, name, model);
        edits.shared(cache, id);
    }

    @Override
    public void setPolicy(long id, DevicePolicyOverride policy) {
        store.setPolicy(id, policy);
        edits.shared(cache, id);
    }

    @Override
    public void setSipPassword(long id, String sipPassword) {
        store.setSipPassword(id, sipPassword);
        edits.shared(cache, id);
    }

    @Override
    public void setLocation(long id, CivicAddress location) {
        store.setLocation(id, location);
        edits.shared(cache, id);
    }

    @Override
    public void setSite(long id, Long siteId) {
        store.setSite(id, siteId);
        edits.shared(cache, id);
    }

    @Override
    public void setProvisioning(long id, DeviceProvisioning provisioning) {
        store.setProvisioning(id, provisioning);
        edits.shared(cache, id);
    }

    @Override
    public void markRemoved(long id, Instant at) {
        store.markRemoved(id, at);
        edits.shared(cache, id);
    }

    private record Port(MacAddress mac, int linePort) {
    }
}
