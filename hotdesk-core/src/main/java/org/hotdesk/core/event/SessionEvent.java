package org.hotdesk.core.event;

import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.Session;

/**
 * Something happened to a device's session. Published after the change committed; the SIP side sends
 * the phone a re-sync NOTIFY, the provisioning side renders the new config.
 */
public sealed interface SessionEvent extends DeviceEvent {
    Session session();

    record Started(Session session, Device device) implements SessionEvent {
    }

    record Ended(Session session, Device device) implements SessionEvent {
    }
}
