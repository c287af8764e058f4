package org.hotdesk.core.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for PSTN gateways; their lines are devices ({@link DeviceStore}) with a gateway id. */
public interface GatewayStore {
    Gateway insertGateway(long tenantId, MacAddress mac, String name, Vendor vendor, String model,
                          DeviceProvisioning provisioning, Instant createdAt);

    Optional<Gateway> findGateway(long id);

    /** A gateway whose lines have not all been removed, by MAC. Any tenant: the MAC is global. */
    Optional<Gateway> findGatewayByMac(MacAddress mac);

    List<Gateway> listGateways(long tenantId);

    void setGatewayProvisioning(long gatewayId, DeviceProvisioning provisioning);

    void setGatewayName(long gatewayId, String name);

    List<Device> linesOf(long gatewayId);
}
