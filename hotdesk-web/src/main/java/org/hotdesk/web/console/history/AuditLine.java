package org.hotdesk.web.console.history;

/** One audit record with its time in the tenant's zone. */
public record AuditLine(String time, String actor, String action, String subject, String reason, String detail) {
}
