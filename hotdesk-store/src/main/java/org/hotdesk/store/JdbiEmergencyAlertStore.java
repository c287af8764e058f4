package org.hotdesk.store;

import java.time.Instant;
import java.util.List;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.emergency.EmergencyAlertStore;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.site.CivicAddress;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiEmergencyAlertStore implements EmergencyAlertStore {
    private static final RowMapper<EmergencyAlert> ALERT = (rs, ctx) -> new EmergencyAlert(
            rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("call_id"), rs.getString("dialled"),
            Columns.instant(rs, "occurred_at"), rs.getLong("device_id"), rs.getString("device_mac"),
            rs.getString("device_name"),
            CivicAddressColumns.read(rs),
            rs.getString("user_extension"), rs.getString("user_name"), Columns.instant(rs, "delivered_at"),
            rs.getInt("attempts"), Columns.instant(rs, "next_attempt_at"), rs.getString("last_error"));

    private final JdbiTransactions db;

    public JdbiEmergencyAlertStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public EmergencyAlert insert(EmergencyAlert a) {
        CivicAddress l = a.location();
        long id = db.withHandle(h -> CivicAddressColumns.bind(h.createUpdate("""
                        INSERT INTO emergency_alerts (tenant_id, call_id, dialled, occurred_at, device_id, device_mac,
                          device_name, loc_description, loc_country, loc_region, loc_city, loc_street, loc_house_number,
                          loc_postal_code, loc_building, loc_floor, loc_room, loc_callback, user_extension, user_name,
                          attempts, next_attempt_at)
                        VALUES (:tenant, :callId, :dialled, :at, :device, :mac, :name, :description, :country, :region,
                          :city, :street, :houseNumber, :postalCode, :building, :floor, :room, :callback, :extension,
                          :userName, 0, :at)"""), l)
                .bind("tenant", a.tenantId()).bind("callId", a.callId().length() > 200 ? a.callId().substring(0, 200) : a.callId())
                .bind("dialled", a.dialled()).bind("at", a.occurredAt()).bind("device", a.deviceId())
                .bind("mac", a.deviceMac()).bind("name", a.deviceName())
                .bind("extension", a.userExtension()).bind("userName", a.userName())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return db.withHandle(h -> h.createQuery("SELECT * FROM emergency_alerts WHERE id = :id").bind("id", id)
                .map(ALERT).one());
    }

    @Override
    public List<EmergencyAlert> due(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM emergency_alerts WHERE delivered_at IS NULL AND next_attempt_at <= :now
                        ORDER BY occurred_at, id LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map(ALERT).list());
    }

    @Override
    public void delivered(long id, Instant at) {
        db.withHandle(h -> h.createUpdate("UPDATE emergency_alerts SET delivered_at = :at, attempts = attempts + 1, "
                        + "last_error = NULL WHERE id = :id AND delivered_at IS NULL")
                .bind("id", id).bind("at", at).execute());
    }

    @Override
    public void failed(long id, int attempts, Instant nextAttemptAt, String error) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE emergency_alerts SET attempts = :attempts, next_attempt_at = :next, last_error = :error
                        WHERE id = :id AND delivered_at IS NULL""")
                .bind("id", id).bind("attempts", attempts).bind("next", nextAttemptAt).bind("error", error).execute());
    }

    @Override
    public List<EmergencyAlert> list(long tenantId, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM emergency_alerts WHERE tenant_id = :tenant ORDER BY occurred_at DESC, id DESC
                        LIMIT :limit""")
                .bind("tenant", tenantId).bind("limit", limit).map(ALERT).list());
    }

    @Override
    public List<EmergencyAlert> history(long tenantId, String userExtension, HistoryWindow window) {
        String who = userExtension == null ? "" : " AND user_extension = :extension";
        return db.withHandle(h -> h.createQuery("SELECT * FROM emergency_alerts WHERE tenant_id = :tenant" + who
                        + " AND occurred_at >= :from AND occurred_at < :to"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("tenant", tenantId).bind("extension", userExtension).bind("from", window.from())
                .bind("to", window.to()).bind("limit", window.limit()).bind("offset", window.offset()).map(ALERT)
                .list());
    }
}
