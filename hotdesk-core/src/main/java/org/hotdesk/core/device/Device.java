package org.hotdesk.core.device;

import java.time.Instant;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.site.CivicAddress;

/**
 * A shared phone, or one line (port) of a PSTN gateway.
 *
 * @param linePort    0 for a phone; 1..n for a gateway line
 * @param gatewayId   the gateway this line belongs to, or null for a phone
 * @param location    the desk's own location fields; {@link DeviceService#addressOf} adds its site's
 * @param siteId      the site (building, office) the desk is at, or null
 * @param sipUsername the device account: SIP credentials that only allow idle use (login codes, emergency)
 * @param sipPassword the device account's password, which the provisioning server writes into the phone's config
 * @param provisioning how its configuration is rendered (mode, SIP profile, domain and NTP overrides)
 * @param provisionCount successful config fetches since the last reset (B3Networks "provision counter")
 */
public record Device(long id, long tenantId, MacAddress mac, int linePort, Long gatewayId, String name,
                     Vendor vendor, String model, CivicAddress location, Long siteId, String sipUsername, String sipPassword,
                     boolean enabled, DevicePolicyOverride policy, DeviceProvisioning provisioning,
                     int provisionCount, Instant createdAt) {

    public boolean isGatewayLine() {
        return gatewayId != null;
    }

    /** How admins and logs name it: the MAC, plus the port for a gateway line. */
    public String label() {
        return linePort == 0 ? mac.value() : mac.value() + "/" + linePort;
    }
}
