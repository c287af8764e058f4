package org.hotdesk.store;

import java.util.List;
import java.util.Locale;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.history.HistoryWindow;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiAuditLog implements AuditLog {
    private static final RowMapper<AuditRecord> RECORD = (rs, ctx) -> new AuditRecord(rs.getLong("id"),
            Columns.nullableLong(rs, "tenant_id"), Columns.instant(rs, "at"), actor(rs.getString("actor")),
            rs.getString("action"), rs.getString("subject"), rs.getString("reason"), rs.getString("detail"));

    private final JdbiTransactions db;

    public JdbiAuditLog(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void append(AuditRecord r) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO audit_log (tenant_id, at, actor, action, subject, reason, detail)
                        VALUES (:tenant, :at, :actor, :action, :subject, :reason, :detail)""")
                .bind("tenant", r.tenantId()).bind("at", r.at()).bind("actor", truncate(r.actor().toString(), 140))
                .bind("action", r.action()).bind("subject", truncate(r.subject(), 200))
                .bind("reason", truncate(r.reason(), 60)).bind("detail", truncate(r.detail(), 1000)).execute());
    }

    @Override
    public List<AuditRecord> list(long tenantId, int limit) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM audit_log WHERE tenant_id = :tenant ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("tenant", tenantId).bind("limit", limit).map(RECORD).list());
    }

    @Override
    public List<AuditRecord> list(long tenantId, String search, HistoryWindow window) {
        // LIKE with the user's text as a bound value; its own % and _ are escaped so they match themselves
        String matching = search == null ? "" : " AND (LOWER(action) LIKE :q ESCAPE '!' OR LOWER(subject) LIKE :q ESCAPE '!'"
                + " OR LOWER(actor) LIKE :q ESCAPE '!')";
        String q = search == null ? null : "%" + search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        return db.withHandle(h -> h.createQuery("SELECT * FROM audit_log WHERE tenant_id = :tenant" + matching
                        + " AND at >= :from AND at < :to ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("tenant", tenantId).bind("q", q).bind("from", window.from()).bind("to", window.to())
                .bind("limit", window.limit()).bind("offset", window.offset()).map(RECORD).list());
    }

    private static Actor actor(String stored) {
        int colon = stored.indexOf(':');
        return new Actor(Actor.Kind.valueOf(stored.substring(0, colon).toUpperCase(Locale.ROOT)), stored.substring(colon + 1));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
