package org.hotdesk.core.event;

import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.session.SessionListener;
import org.hotdesk.core.session.SessionStore;
import org.hotdesk.core.transaction.Transactions;

/**
 * The one place that tells phones their configuration changed: a session began or ended there, or an admin's edit
 * reaches what they show. Which phones is decided inside the caller's transaction, where each gets a re-sync
 * request (its next fetch is then not counted); the announcement goes out only after the commit (a rolled-back
 * change announces nothing).
 *
 * <p>A change made by another process (the {@code hotdesk} command line) has nobody there to send the NOTIFY:
 * its requests stay unannounced in the database until the server's {@link #announcePending} finds them.
 */
public final class ConfigChanges implements SessionListener {
    private final Transactions tx;
    private final DeviceStore devices;
    private final ResyncRequestStore resyncs;
    private final SessionStore sessions;
    private final DeviceEvents events;

    public ConfigChanges(Transactions tx, DeviceStore devices, ResyncRequestStore resyncs, SessionStore sessions, DeviceEvents events) {
        this.tx = tx;
        this.devices = devices;
        this.resyncs = resyncs;
        this.sessions = sessions;
        this.events = events;
    }

    /** Requests a re-sync of the event's device, announced once the current transaction commits. */
    public void announce(DeviceEvent event) {
        // marked announced in the same transaction when this process announces it: the periodic look for pending
        // requests then never sends a second NOTIFY for it. A crash between commit and announcement loses that
        // one NOTIFY; the phone shows the change at its next fetch
        boolean here = events.hasListeners();
        resyncs.requestResync(event.device().id(), here);
        if (here) tx.afterCommit(() -> events.publish(event));
    }

    @Override
    public void started(Session session, Device device) {
        announce(new SessionEvent.Started(session, device));
    }

    @Override
    public void ended(Session session, Device device) {
        announce(new SessionEvent.Ended(session, device));
    }

    /** The device's own configuration changed (its name, its provisioning). */
    public void ofDevice(Device device, String what) {
        announce(new ConfigChanged(device, what));
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

    /**
     * Announces the re-sync requests that no one here has announced (made by another process); the server calls
     * this every few seconds.
     *
     * @return how many devices were announced
     */
    public int announcePending(int limit) {
        int announced = 0;
        for (Device d : resyncs.findUnannouncedResyncs(limit)) {
            if (publish(new ConfigChanged(d, "changed from the command line"))) {
                announced++;
            }
        }
        return announced;
    }

    /**
     * Only a process with listeners (the server, whose SIP side sends the NOTIFY) announces a pending request, and
     * only the one caller that marks it: two servers on one database (or two passes) never both send it.
     */
    private boolean publish(DeviceEvent event) {
        if (!events.hasListeners() || !resyncs.markResyncAnnounced(event.device().id())) {
            return false;
        }
        events.publish(event);
        return true;
    }
}
