package org.hotdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.core.call.CallStore;
import org.hotdesk.core.history.HistoryWindow;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiCallStore implements CallStore {
    private static final RowMapper<CallRecord> CALL = (rs, ctx) -> {
        String outcome = rs.getString("outcome");
        return new CallRecord(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("call_id"),
                Columns.nullableLong(rs, "caller_device_id"), Columns.nullableLong(rs, "caller_user_id"),
                rs.getString("caller"), rs.getString("dialled"), Columns.nullableLong(rs, "callee_user_id"),
                Columns.nullableLong(rs, "answered_device_id"), Columns.instant(rs, "started_at"),
                Columns.instant(rs, "answered_at"), Columns.instant(rs, "ended_at"),
                outcome == null ? null : CallOutcome.valueOf(outcome));
    };

    private final JdbiTransactions db;

    public JdbiCallStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public CallRecord insert(long tenantId, String callId, Long callerDeviceId, Long callerUserId, String caller,
                             String dialled, Long calleeUserId, Instant startedAt) {
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO calls (tenant_id, call_id, caller_device_id, caller_user_id, caller, dialled,
                          callee_user_id, started_at)
                        VALUES (:tenant, :callId, :callerDevice, :callerUser, :caller, :dialled, :callee, :startedAt)""")
                .bind("tenant", tenantId).bind("callId", callId).bind("callerDevice", callerDeviceId)
                .bind("callerUser", callerUserId).bind("caller", caller).bind("dialled", dialled)
                .bind("callee", calleeUserId).bind("startedAt", startedAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return db.withHandle(h -> h.createQuery("SELECT * FROM calls WHERE id = :id").bind("id", id).map(CALL).one());
    }

    @Override
    public Optional<CallRecord> find(long tenantId, String callId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM calls WHERE tenant_id = :tenant AND call_id = :callId")
                .bind("tenant", tenantId).bind("callId", callId).map(CALL).findOne());
    }

    @Override
    public void markAnswered(long id, Long answeredDeviceId, Instant at) {
        db.withHandle(h -> h.createUpdate("UPDATE calls SET answered_at = :at, answered_device_id = :device WHERE id = :id")
                .bind("at", at).bind("device", answeredDeviceId).bind("id", id).execute());
    }

    @Override
    public void markEnded(long id, CallOutcome outcome, Instant at) {
        db.withHandle(h -> h.createUpdate("UPDATE calls SET ended_at = :at, outcome = :outcome WHERE id = :id")
                .bind("at", at).bind("outcome", outcome.name()).bind("id", id).execute());
    }

    @Override
    public List<CallRecord> openStartedBefore(Instant before, int limit) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM calls WHERE outcome IS NULL AND started_at < :before ORDER BY started_at LIMIT :limit")
                .bind("before", before).bind("limit", limit).map(CALL).list());
    }

    @Override
    public List<CallRecord> history(long tenantId, Long userId, HistoryWindow window) {
        String who = userId == null ? "" : " AND (caller_user_id = :user OR callee_user_id = :user)";
        return db.withHandle(h -> h.createQuery("SELECT * FROM calls WHERE tenant_id = :tenant" + who
                        + " AND started_at >= :from AND started_at < :to"
                        + " ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("tenant", tenantId).bind("user", userId).bind("from", window.from()).bind("to", window.to())
                .bind("limit", window.limit()).bind("offset", window.offset()).map(CALL).list());
    }

    @Override
    public List<CallRecord> history(long tenantId, Long userId, int limit) {
        String who = userId == null ? "" : " AND (caller_user_id = :user OR callee_user_id = :user)";
        return db.withHandle(h -> h.createQuery("SELECT * FROM calls WHERE tenant_id = :tenant" + who
                        + " ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("tenant", tenantId).bind("user", userId).bind("limit", limit).map(CALL).list());
    }
}
