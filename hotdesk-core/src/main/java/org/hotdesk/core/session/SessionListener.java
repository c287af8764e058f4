package org.hotdesk.core.session;

import org.hotdesk.core.device.Device;

/**
 * Told of every session that starts or ends, inside the transaction that does it (phones re-sync on it). Called in
 * the order the changes happen: a displacing login ends one session and then starts another.
 */
public interface SessionListener {
    void started(Session session, Device device);

    void ended(Session session, Device device);
}
