package org.hotdesk.store;

import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.event.ResyncRequestStore;

/** Re-sync requests in the {@code devices} table's {@code resync_requested} and {@code resync_announced}. */
public final class JdbiResyncRequestStore implements ResyncRequestStore {
    private final JdbiTransactions db;

    public JdbiResyncRequestStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void requestResync(long id, boolean announced) {
        db.withHandle(h -> h.createUpdate(
                        "UPDATE devices SET resync_requested = TRUE, resync_announced = :announced WHERE id = :id")
                .bind("id", id).bind("announced", announced).execute());
    }

    @Override
    public boolean markResyncAnnounced(long id) {
        return db.withHandle(h -> h.createUpdate(
                        "UPDATE devices SET resync_announced = TRUE WHERE id = :id AND NOT resync_announced")
                .bind("id", id).execute()) == 1;
    }

    @Override
    public List<Device> findUnannouncedResyncs(int limit) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM devices WHERE resync_announced = FALSE"
                        + " ORDER BY id LIMIT :limit")
                .bind("limit", limit).map(JdbiDeviceStore.DEVICE).list());
    }

    @Override
    public boolean takeResyncRequest(long id) {
        return db.withHandle(h -> h.createUpdate(
                        "UPDATE devices SET resync_requested = FALSE WHERE id = :id AND resync_requested")
                .bind("id", id).execute()) == 1;
    }
}
