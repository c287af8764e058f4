package org.hotdesk.core.audit;

import java.util.List;
import org.hotdesk.core.history.HistoryWindow;

/** Persistence port for the audit log: append-only. */
public interface AuditLog {
    void append(AuditRecord record);

    /** Newest first. */
    List<AuditRecord> list(long tenantId, int limit);

    /** Entries within the window, newest first; {@code search} (or null) is looked for in action, subject and who. */
    List<AuditRecord> list(long tenantId, String search, HistoryWindow window);
}
