package org.hotdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.GatewayStore;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.Vendor;
import org.jdbi.v3.core.mapper.RowMapper;

/** PSTN gateways in the {@code gateways} table; their lines are rows of {@code devices}. */
public final class JdbiGatewayStore implements GatewayStore {
    private static final RowMapper<Gateway> GATEWAY = (rs, ctx) -> new Gateway(
            rs.getLong("id"), rs.getLong("tenant_id"), new MacAddress(rs.getString("mac")), rs.getString("name"),
            Vendor.valueOf(rs.getString("vendor")), rs.getString("model"),
            JdbiDeviceStore.provisioning(rs, ProvisioningMode.DIAL_CODES), Columns.instant(rs, "created_at"));

    // a gateway is in use while any of its lines is: removing the last line removes the gateway
    private static final String GATEWAY_IN_USE =
            " AND EXISTS (SELECT 1 FROM devices d WHERE d.gateway_id = g.id AND d.removed_at IS NULL)";

    private final JdbiTransactions db;

    public JdbiGatewayStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Gateway insertGateway(long tenantId, MacAddress mac, String name, Vendor vendor, String model,
                                 DeviceProvisioning provisioning, Instant createdAt) {
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO gateways (tenant_id, mac, name, vendor, model, sip_transport, sip_port, sip_domain,
                          ntp_server, created_at)
                        VALUES (:tenant, :mac, :name, :vendor, :model, :transport, :sipPort, :sipDomain, :ntp,
                          :createdAt)""")
                .bind("tenant", tenantId).bind("mac", mac.value()).bind("name", name).bind("vendor", vendor.name())
                .bind("model", model).bind("transport", provisioning.transport().name())
                .bind("sipPort", provisioning.sipPort()).bind("sipDomain", provisioning.sipDomain())
                .bind("ntp", provisioning.ntpServer()).bind("createdAt", createdAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return db.withHandle(h -> h.createQuery("SELECT * FROM gateways WHERE id = :id").bind("id", id)
                .map(GATEWAY).one());
    }

    @Override
    public Optional<Gateway> findGateway(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM gateways g WHERE id = :id" + GATEWAY_IN_USE)
                .bind("id", id).map(GATEWAY).findOne());
    }

    @Override
    public Optional<Gateway> findGatewayByMac(MacAddress mac) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM gateways g WHERE mac = :mac" + GATEWAY_IN_USE)
                .bind("mac", mac.value()).map(GATEWAY).findOne());
    }

    @Override
    public List<Gateway> listGateways(long tenantId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM gateways g WHERE tenant_id = :tenant" + GATEWAY_IN_USE + " ORDER BY name, id")
                .bind("tenant", tenantId).map(GATEWAY).list());
    }

    @Override
    public void setGatewayProvisioning(long gatewayId, DeviceProvisioning p) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE gateways SET sip_transport = :transport, sip_port = :sipPort, sip_domain = :sipDomain,
                          ntp_server = :ntp WHERE id = :id""")
                .bind("id", gatewayId).bind("transport", p.transport().name()).bind("sipPort", p.sipPort())
                .bind("sipDomain", p.sipDomain()).bind("ntp", p.ntpServer()).execute());
    }

    @Override
    public void setGatewayName(long gatewayId, String name) {
        db.withHandle(h -> h.createUpdate("UPDATE gateways SET name = :name WHERE id = :id")
                .bind("id", gatewayId).bind("name", name).execute());
    }

    @Override
    public List<Device> linesOf(long gatewayId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM devices WHERE gateway_id = :gw AND removed_at IS NULL ORDER BY line_port")
                .bind("gw", gatewayId).map(JdbiDeviceStore.DEVICE).list());
    }
}
