package org.hotdesk.core.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.site.CivicAddress;

/** Persistence port for devices and gateways. Removed devices stay in the table for history. */
public interface DeviceStore {
    Device insert(long tenantId, NewDevice device, int linePort, Long gatewayId, String sipUsername,
                  String sipPassword, Instant createdAt);

    Gateway insertGateway(long tenantId, MacAddress mac, String name, Vendor vendor, String model,
                          DeviceProvisioning provisioning, Instant createdAt);

    Optional<Gateway> findGateway(long id);

    /** A gateway whose lines have not all been removed, by MAC. Any tenant: the MAC is global. */
    Optional<Gateway> findGatewayByMac(MacAddress mac);

    List<Gateway> listGateways(long tenantId);

    void setGatewayProvisioning(long gatewayId, DeviceProvisioning provisioning);

    void setGatewayName(long gatewayId, String name);

    /** A device that has not been removed. */
    Optional<Device> findById(long id);

    /** A device that has not been removed, by MAC and line port (0 for phones). Any tenant: the MAC is global. */
    Optional<Device> findByMac(MacAddress mac, int linePort);

    Optional<Device> findBySipUsername(String sipUsername);

    /** Is this MAC in use by any phone or gateway, in any tenant? */
    boolean macInUse(MacAddress mac);

    List<Device> list(long tenantId);

    List<Device> linesOf(long gatewayId);

    /** Reads the device and holds a row lock until the transaction ends: serialises logins per device. */
    Optional<Device> lockForUpdate(long id);

    void setEnabled(long id, boolean enabled);

    void setName(long id, String name, String model);

    void setPolicy(long id, DevicePolicyOverride policy);

    void setLocation(long id, CivicAddress location);

    void setSite(long id, Long siteId);

    void setProvisioning(long id, DeviceProvisioning provisioning);

    /** Counts one successful config fetch; answers the new count. */
    int countProvisioning(long id);

    void resetProvisionCount(long id);

    /**
     * Adds counted fetches in one go (the provision counter writes behind) and answers the stored count of each id
     * afterwards, including ids added 0 times: a reset made by another process shows there.
     */
    java.util.Map<Long, Integer> addProvisionCounts(java.util.Map<Long, Integer> fetches);

    /**
     * The server asks the phone to fetch its configuration again (a session began or ended, an admin edit); the
     * request is unannounced until {@link #markResyncAnnounced}.
     *
     * @param announced the caller announces it itself once its transaction commits (the server does; a command
     *                  line process, which has no SIP side, leaves it for the server to find)
     */
    void requestResync(long id, boolean announced);

    /**
     * Claims the announcement of an unannounced re-sync request: true for the one caller that marks it (it then
     * tells the SIP side, which sends the NOTIFY), false when it was announced already, so two threads that both
     * saw the request never send two NOTIFYs.
     */
    boolean markResyncAnnounced(long id);

    /**
     * Devices with a re-sync request nobody announced yet, e.g. one made from the command line; removed ones too,
     * so the server stops serving a configuration removed from the command line.
     */
    List<Device> findUnannouncedResyncs(int limit);

    /** True, once, when the server had asked this device to fetch its configuration since its last such fetch. */
    boolean takeResyncRequest(long id);

    void markRemoved(long id, Instant at);
}
