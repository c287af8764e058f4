package org.hotdesk.core.audit;

import java.util.List;

/** Persistence port for the audit log: append-only. */
public interface AuditLog {
    void append(AuditRecord record);

    /** Newest first. */
    List<AuditRecord> list(long tenantId, int limit);
}
