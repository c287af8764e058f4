package org.hotdesk.core.session;

import org.hotdesk.core.device.Device;

/**
 * Told of every session that starts or ends, inside the transaction that does it (phones re-sync on it). Called in
 * the order the changes happen: a displacing login ends one session and then starts another.
 */
public interface SessionListener {
    void started(Session session, Device device);

    void ended(Session session, Device device);

    /** Both told, {@code first} first. */
    static SessionListener both(SessionListener first, SessionListener second) {
        return new SessionListener() {
            @Override
            public void started(Session session, Device device) {
                first.started(session, device);
                second.started(session, device);
            }

            @Override
            public void ended(Session session, Device device) {
                first.ended(session, device);
                second.ended(session, device);
            }
        };
    }
}
