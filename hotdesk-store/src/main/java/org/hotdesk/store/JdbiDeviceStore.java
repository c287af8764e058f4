package org.hotdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.site.CivicAddress;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiDeviceStore implements DeviceStore {
    static final RowMapper<Device> DEVICE = (rs, ctx) -> new Device(
            rs.getLong("id"), rs.getLong("tenant_id"), new MacAddress(rs.getString("mac")), rs.getInt("line_port"),
            Columns.nullableLong(rs, "gateway_id"), rs.getString("name"), Vendor.valueOf(rs.getString("vendor")),
            rs.getString("model"),
            CivicAddressColumns.read(rs), Columns.nullableLong(rs, "site_id"),
            rs.getString("sip_username"), rs.getString("sip_password"), rs.getBoolean("enabled"),
            new DevicePolicyOverride(Columns.nullableInt(rs, "idle_logout_minutes"),
                    Columns.nullableInt(rs, "max_session_hours"), Columns.time(rs, "daily_logout_time")),
            provisioning(rs, ProvisioningMode.valueOf(rs.getString("provisioning_mode"))), rs.getInt("provision_count"),
            Columns.instant(rs, "created_at"));

    private final JdbiTransactions db;

    static DeviceProvisioning provisioning(ResultSet rs, ProvisioningMode mode) throws SQLException {
        return new DeviceProvisioning(mode, SipTransport.valueOf(rs.getString("sip_transport")), rs.getInt("sip_port"),
                rs.getString("sip_domain"), rs.getString("ntp_server"));
    }

    public JdbiDeviceStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Device insert(long tenantId, NewDevice d, int linePort, Long gatewayId, String sipUsername,
                         String sipPassword, Instant createdAt) {
        CivicAddress l = d.location();
        long id = db.withHandle(h -> CivicAddressColumns.bind(h.createUpdate("""
                        INSERT INTO devices (tenant_id, mac, line_port, gateway_id, name, vendor, model,
                          loc_description, loc_country, loc_region, loc_city, loc_street, loc_house_number,
                          loc_postal_code, loc_building, loc_floor, loc_room, loc_callback, sip_username, sip_password, enabled,
                          idle_logout_minutes, max_session_hours, daily_logout_time, provisioning_mode, sip_transport,
                          sip_port, sip_domain, ntp_server, created_at, active_mac_port, active_sip_username)
                        VALUES (:tenant, :mac, :port, :gateway, :name, :vendor, :model, :description, :country, :region,
                          :city, :street, :houseNumber, :postalCode, :building, :floor, :room, :callback, :sipUsername,
                          :sipPassword, TRUE, :idle, :maxHours, :daily, :mode, :transport, :sipPort, :sipDomain, :ntp,
                          :createdAt, :macPort, :sipUsername)"""), l)
                .bind("tenant", tenantId).bind("mac", d.mac().value()).bind("port", linePort)
                .bind("gateway", gatewayId).bind("name", d.name()).bind("vendor", d.vendor().name())
                .bind("model", d.model())
                .bind("sipUsername", sipUsername).bind("sipPassword", sipPassword)
                .bind("idle", d.policy().idleLogoutMinutes()).bind("maxHours", d.policy().maxSessionHours())
                .bind("daily", Columns.time(d.policy().dailyLogoutTime()))
                .bind("mode", d.provisioning().mode().name())
                .bind("transport", d.provisioning().transport().name()).bind("sipPort", d.provisioning().sipPort())
                .bind("sipDomain", d.provisioning().sipDomain()).bind("ntp", d.provisioning().ntpServer())
                .bind("createdAt", createdAt).bind("macPort", macPort(d.mac(), linePort))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return findById(id).orElseThrow();
    }

    @Override
    public void setProvisioning(long id, DeviceProvisioning p) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE devices SET provisioning_mode = :mode, sip_transport = :transport, sip_port = :sipPort,
                          sip_domain = :sipDomain, ntp_server = :ntp WHERE id = :id""")
                .bind("id", id).bind("mode", p.mode().name()).bind("transport", p.transport().name())
                .bind("sipPort", p.sipPort()).bind("sipDomain", p.sipDomain()).bind("ntp", p.ntpServer()).execute());
    }

    @Override
    public Optional<Device> findById(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM devices WHERE id = :id AND removed_at IS NULL")
                .bind("id", id).map(DEVICE).findOne());
    }

    @Override
    public Optional<Device> findByMac(MacAddress mac, int linePort) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM devices WHERE active_mac_port = :macPort")
                .bind("macPort", macPort(mac, linePort)).map(DEVICE).findOne());
    }

    @Override
    public Optional<Device> findBySipUsername(String sipUsername) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM devices WHERE active_sip_username = :u")
                .bind("u", sipUsername).map(DEVICE).findOne());
    }

    @Override
    public boolean macInUse(MacAddress mac) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM devices WHERE mac = :mac AND removed_at IS NULL")
                .bind("mac", mac.value()).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public List<Device> list(long tenantId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM devices WHERE tenant_id = :tenant AND removed_at IS NULL ORDER BY name, line_port")
                .bind("tenant", tenantId).map(DEVICE).list());
    }

    @Override
    public Optional<Device> lockForUpdate(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM devices WHERE id = :id AND removed_at IS NULL FOR UPDATE")
                .bind("id", id).map(DEVICE).findOne());
    }

    @Override
    public void setEnabled(long id, boolean enabled) {
        db.withHandle(h -> h.createUpdate("UPDATE devices SET enabled = :enabled WHERE id = :id")
                .bind("id", id).bind("enabled", enabled).execute());
    }

    @Override
    public void setName(long id, String name, String model) {
        db.withHandle(h -> h.createUpdate("UPDATE devices SET name = :name, model = :model WHERE id = :id")
                .bind("id", id).bind("name", name).bind("model", model).execute());
    }

    @Override
    public void setSipPassword(long id, String sipPassword) {
        db.withHandle(h -> h.createUpdate("UPDATE devices SET sip_password = :password WHERE id = :id")
                .bind("id", id).bind("password", sipPassword).execute());
    }

    @Override
    public void setPolicy(long id, DevicePolicyOverride policy) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE devices SET idle_logout_minutes = :idle, max_session_hours = :maxHours,
                          daily_logout_time = :daily WHERE id = :id""")
                .bind("id", id).bind("idle", policy.idleLogoutMinutes()).bind("maxHours", policy.maxSessionHours())
                .bind("daily", Columns.time(policy.dailyLogoutTime())).execute());
    }

    @Override
    public void setLocation(long id, CivicAddress l) {
        db.withHandle(h -> CivicAddressColumns.bind(
                        h.createUpdate("UPDATE devices SET " + CivicAddressColumns.SET + " WHERE id = :id"), l)
                .bind("id", id)
                .execute());
    }

    @Override
    public void setSite(long id, Long siteId) {
        db.withHandle(h -> h.createUpdate("UPDATE devices SET site_id = :site WHERE id = :id")
                .bind("id", id).bind("site", siteId).execute());
    }

    @Override
    public void markRemoved(long id, Instant at) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE devices SET removed_at = :at, active_mac_port = NULL, active_sip_username = NULL
                        WHERE id = :id""")
                .bind("id", id).bind("at", at).execute());
    }

    private static String macPort(MacAddress mac, int linePort) {
        return mac.value() + "/" + linePort;
    }
}
