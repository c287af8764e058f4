package org.hotdesk.core.device;

import java.time.Instant;

/**
 * A PSTN gateway (ATA): one MAC, several analog ports, each a hot-desk {@link Device} of its own.
 *
 * @param provisioning protocol (transport, port), SIP domain and NTP server of all its lines; an analog phone has
 *                     no hot-desk key, so the mode is always dial codes
 */
public record Gateway(long id, long tenantId, MacAddress mac, String name, Vendor vendor, String model,
                      DeviceProvisioning provisioning, Instant createdAt) {
}
