package org.hotdesk.core.device;

import java.time.Instant;

/** A PSTN gateway (ATA): one MAC, several analog ports, each a hot-desk {@link Device} of its own. */
public record Gateway(long id, long tenantId, MacAddress mac, String name, Vendor vendor, String model,
                      Instant createdAt) {
}
