package org.hotdesk.core.event;

import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.session.SessionStore;
import org.hotdesk.core.transaction.Transactions;

/**
 * Announces that an admin's change reaches what some phones show, so they re-sync now rather than at their next
 * reboot or periodic check. Which phones is decided inside the caller's transaction; the announcement goes out
 * only after it committed (a rolled-back change announces nothing).
 */
public final class ConfigChanges {
    private final Transactions tx;
    private final DeviceStore devices;
    private final SessionStore sessions;
    private final DeviceEvents events;

    public ConfigChanges(Transactions tx, DeviceStore devices, SessionStore sessions, DeviceEvents events) {
        this.tx = tx;
        this.devices = devices;
        this.sessions = sessions;
        this.events = events;
    }

    /** The device's own configuration changed (its name, its provisioning). */
    public void ofDevice(Device device, String what) {
        devices.requestResync(device.id());
        tx.afterCommit(() -> events.publish(new ConfigChanged(device, what)));
    }

    /** Something the user's desks show changed (their name, their keys): every desk they are logged in at. */
    public void ofDesksOf(long tenantId, long userId, String what) {
        for (Session s : sessions.findOpenByUser(userId)) {
            if (s.tenantId() == tenantId) {
                devices.findById(s.deviceId()).ifPresent(d -> ofDevice(d, what));
            }
        }
    }

    /** A tenant-wide setting every configuration carries changed (login code, time zone, NTP): all its devices. */
    public void ofTenant(long tenantId, String what) {
        for (Device d : devices.list(tenantId)) {
            ofDevice(d, what);
        }
    }
}
