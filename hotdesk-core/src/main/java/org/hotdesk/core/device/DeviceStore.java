package org.hotdesk.core.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.site.CivicAddress;

/**
 * Persistence port for desks (phones and gateway lines). Removed devices stay in the table for history. Gateways,
 * provision counts and re-sync requests have their own ports.
 */
public interface DeviceStore {
    Device insert(long tenantId, NewDevice device, int linePort, Long gatewayId, String sipUsername,
                  String sipPassword, Instant createdAt);

    /** A device that has not been removed. */
    Optional<Device> findById(long id);

    /** A device that has not been removed, by MAC and line port (0 for phones). Any tenant: the MAC is global. */
    Optional<Device> findByMac(MacAddress mac, int linePort);

    Optional<Device> findBySipUsername(String sipUsername);

    /** Is this MAC in use by any phone or gateway, in any tenant? */
    boolean macInUse(MacAddress mac);

    List<Device> list(long tenantId);

    /** Reads the device and holds a row lock until the transaction ends: serialises logins per device. */
    Optional<Device> lockForUpdate(long id);

    void setEnabled(long id, boolean enabled);

    void setName(long id, String name, String model);

    void setPolicy(long id, DevicePolicyOverride policy);

    /** A new device-account password (the old one stops working at once). */
    void setSipPassword(long id, String sipPassword);

    void setLocation(long id, CivicAddress location);

    void setSite(long id, Long siteId);

    void setProvisioning(long id, DeviceProvisioning provisioning);

    void markRemoved(long id, Instant at);
}
