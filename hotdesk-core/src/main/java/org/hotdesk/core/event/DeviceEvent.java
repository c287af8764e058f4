package org.hotdesk.core.event;

import org.hotdesk.core.device.Device;

/**
 * Something changed what a device should show: a session began or ended there, or an admin changed its
 * configuration. Published after the change committed; the SIP side sends the phone a re-sync NOTIFY.
 */
public sealed interface DeviceEvent permits SessionEvent, ConfigChanged {
    Device device();
}
