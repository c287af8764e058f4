package org.hotdesk.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.history.SessionSpan;
import org.hotdesk.core.session.Deadline;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.session.SessionStore;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiSessionStore implements SessionStore {
    private static final RowMapper<Session> SESSION = (rs, ctx) -> {
        Instant dueAt = Columns.instant(rs, "due_at");
        String endReason = rs.getString("end_reason");
        return new Session(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("device_id"), rs.getLong("user_id"),
                LoginMethod.valueOf(rs.getString("method")), Columns.instant(rs, "started_at"),
                Columns.instant(rs, "last_activity_at"), rs.getInt("active_calls"),
                dueAt == null ? null : new Deadline(dueAt, LogoutReason.valueOf(rs.getString("due_reason"))),
                Columns.instant(rs, "ended_at"), endReason == null ? null : LogoutReason.valueOf(endReason),
                rs.getString("ended_by"));
    };

    private final JdbiTransactions db;

    public JdbiSessionStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Session insert(long tenantId, long deviceId, long userId, LoginMethod method, Instant startedAt,
                          boolean exclusive, Deadline deadline) {
        // the columns keep microseconds: the row is returned as built here, so bind what a read would give back
        Instant at = startedAt.truncatedTo(ChronoUnit.MICROS);
        Deadline due = deadline == null ? null
                : new Deadline(deadline.at().truncatedTo(ChronoUnit.MICROS), deadline.reason());
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (tenant_id, device_id, user_id, method, started_at, last_activity_at,
                          active_calls, due_at, due_reason, open_device_id, open_exclusive_user_id)
                        VALUES (:tenant, :device, :user, :method, :startedAt, :startedAt, 0, :dueAt, :dueReason,
                          :device, :exclusiveUser)""")
                .bind("tenant", tenantId).bind("device", deviceId).bind("user", userId).bind("method", method.name())
                .bind("startedAt", at)
                .bind("dueAt", due == null ? null : due.at())
                .bind("dueReason", due == null ? null : due.reason().name())
                .bind("exclusiveUser", exclusive ? userId : null)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        // every column is known here; reading the row back was one statement per login
        return new Session(id, tenantId, deviceId, userId, method, at, at, 0, due, null, null, null);
    }

    @Override
    public Optional<Session> findById(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM sessions WHERE id = :id").bind("id", id)
                .map(SESSION).findOne());
    }

    @Override
    public Optional<Session> findOpenByDevice(long deviceId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM sessions WHERE open_device_id = :device")
                .bind("device", deviceId).map(SESSION).findOne());
    }

    @Override
    public List<Session> findOpenByUser(long userId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM sessions WHERE user_id = :user AND ended_at IS NULL ORDER BY started_at")
                .bind("user", userId).map(SESSION).list());
    }

    @Override
    public long countOpen() {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL")
                .mapTo(Long.class).one());
    }

    @Override
    public List<Session> listOpen(long tenantId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM sessions WHERE tenant_id = :tenant AND ended_at IS NULL ORDER BY started_at, id")
                .bind("tenant", tenantId).map(SESSION).list());
    }

    @Override
    public List<Session> history(long tenantId, Long userId, Long deviceId, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM sessions WHERE tenant_id = :tenant
                          AND (CAST(:user AS BIGINT) IS NULL OR user_id = :user)
                          AND (CAST(:device AS BIGINT) IS NULL OR device_id = :device)
                        ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .bind("tenant", tenantId).bind("user", userId).bind("device", deviceId).bind("limit", limit)
                .map(SESSION).list());
    }

    @Override
    public List<Session> history(long tenantId, Long userId, HistoryWindow window) {
        String who = userId == null ? "" : " AND user_id = :user";
        return db.withHandle(h -> h.createQuery("SELECT * FROM sessions WHERE tenant_id = :tenant" + who
                        + " AND started_at >= :from AND started_at < :to"
                        + " ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("tenant", tenantId).bind("user", userId).bind("from", window.from()).bind("to", window.to())
                .bind("limit", window.limit()).bind("offset", window.offset()).map(SESSION).list());
    }

    @Override
    public List<SessionSpan> spans(long tenantId, Instant from, Instant to) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT device_id, started_at, ended_at FROM sessions
                        WHERE tenant_id = :tenant AND started_at >= :lookback AND started_at < :to
                          AND (ended_at IS NULL OR ended_at > :from)
                        UNION ALL
                        SELECT device_id, started_at, ended_at FROM sessions
                        WHERE open_device_id IS NOT NULL AND tenant_id = :tenant AND started_at < :lookback""")
                .bind("tenant", tenantId).bind("from", from).bind("to", to)
                .bind("lookback", from.minus(Duration.ofDays(31)))
                .map((rs, ctx) -> new SessionSpan(rs.getLong("device_id"), Columns.instant(rs, "started_at"),
                        Columns.instant(rs, "ended_at"))).list());
    }

    @Override
    public boolean end(long sessionId, Instant endedAt, LogoutReason reason, String endedBy) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE sessions SET ended_at = :endedAt, end_reason = :reason, ended_by = :endedBy,
                          open_device_id = NULL, open_exclusive_user_id = NULL, due_at = NULL, due_reason = NULL
                        WHERE id = :id AND ended_at IS NULL""")
                .bind("id", sessionId).bind("endedAt", endedAt).bind("reason", reason.name())
                .bind("endedBy", endedBy).execute()) == 1;
    }

    @Override
    public void updateActivity(long sessionId, int activeCalls, Instant lastActivityAt, Deadline deadline) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE sessions SET active_calls = :calls, last_activity_at = :last, due_at = :dueAt,
                          due_reason = :dueReason
                        WHERE id = :id AND ended_at IS NULL""")
                .bind("id", sessionId).bind("calls", activeCalls).bind("last", lastActivityAt)
                .bind("dueAt", deadline == null ? null : deadline.at())
                .bind("dueReason", deadline == null ? null : deadline.reason().name()).execute());
    }

    @Override
    public void setDeadline(long sessionId, Deadline deadline) {
        db.withHandle(h -> h.createUpdate(
                        "UPDATE sessions SET due_at = :dueAt, due_reason = :dueReason WHERE id = :id AND ended_at IS NULL")
                .bind("id", sessionId)
                .bind("dueAt", deadline == null ? null : deadline.at())
                .bind("dueReason", deadline == null ? null : deadline.reason().name()).execute());
    }

    @Override
    public List<Session> findDue(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT * FROM sessions WHERE due_at <= :now AND ended_at IS NULL
                        ORDER BY due_at, id LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map(SESSION).list());
    }
}
