package org.hotdesk.core.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param tenantId null for server-wide events
 * @param action   dotted verb, e.g. {@code session.started}, {@code login.refused}
 * @param subject  what it happened to, e.g. {@code device:12}
 * @param reason   why (a logout reason, a refusal), may be null
 * @param detail   free text for humans; never a PIN, OTP or password
 */
public record AuditRecord(long id, Long tenantId, Instant at, Actor actor, String action, String subject,
                          String reason, String detail) {

    public static AuditRecord of(Long tenantId, Instant at, Actor actor, String action, String subject,
                                 String reason, String detail) {
        return new AuditRecord(0, tenantId, at, actor, action, subject, reason, detail);
    }
}
