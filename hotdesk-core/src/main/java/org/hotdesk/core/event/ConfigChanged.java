package org.hotdesk.core.event;

import org.hotdesk.core.device.Device;

/**
 * An admin changed something the device's configuration file shows, outside any session change: the desk's
 * name, its provisioning (SIP domain, NTP, transport), the tenant's login code or time zone, or the keys and
 * name of the person sitting there. The phone should fetch its configuration again now, not at its next reboot.
 *
 * @param what a few words for the log, e.g. "user keys", "provisioning"
 */
public record ConfigChanged(Device device, String what) implements DeviceEvent {
}
