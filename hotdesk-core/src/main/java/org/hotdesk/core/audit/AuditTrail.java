package org.hotdesk.core.audit;

import java.util.List;
import org.hotdesk.core.history.HistoryWindow;

/** What admins read of the audit log (console history, API, command line): a tenant's newest entries first. */
public final class AuditTrail {
    /** More than a screen or an export needs; keeps one request from reading a whole year. */
    public static final int MAX_ENTRIES = 10_000;

    private final AuditLog log;

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    /** The tenant's newest entries, at most {@code limit} (1 to {@link #MAX_ENTRIES}). */
    public List<AuditRecord> newest(long tenantId, int limit) {
        return log.list(tenantId, Math.max(1, Math.min(limit, MAX_ENTRIES)));
    }

    /** Entries within the window whose action, subject or actor contains {@code search} (blank: all). */
    public List<AuditRecord> find(long tenantId, String search, HistoryWindow window) {
        return log.list(tenantId, search == null || search.isBlank() ? null : search.strip(), window);
    }
}
