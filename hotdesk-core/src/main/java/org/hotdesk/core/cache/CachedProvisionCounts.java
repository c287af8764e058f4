package org.hotdesk.core.cache;

import java.util.Map;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.ProvisionCountStore;

/**
 * Provision counts written through to the store; a cached {@link Device} carries its count, so each write forgets
 * that device here (not in other processes: a count is not an edit they must see at once).
 */
final class CachedProvisionCounts implements ProvisionCountStore {
    private final ProvisionCountStore store;
    private final ReadCache<Device> devices;
    private final Caches.Edits edits;

    CachedProvisionCounts(ProvisionCountStore store, ReadCache<Device> devices, Caches.Edits edits) {
        this.store = store;
        this.devices = devices;
        this.edits = edits;
    }

    @Override
    public int countProvisioning(long id) {
        int count = store.countProvisioning(id);
        edits.local(devices, id);
        return count;
    }

    @Override
    public Map<Long, Integer> addProvisionCounts(Map<Long, Integer> fetches) {
        Map<Long, Integer> stored = store.addProvisionCounts(fetches);
        for (Long id : fetches.keySet()) edits.local(devices, id);
        return stored;
    }

    @Override
    public int countIfBelow(long key, java.util.List<Long> lines, int limit) {
        int result = store.countIfBelow(key, lines, limit);
        for (Long id : lines) edits.local(devices, id);
        edits.local(devices, key);
        return result;
    }

    @Override
    public void resetProvisionCount(long id) {
        store.resetProvisionCount(id);
        edits.local(devices, id);
    }
}
