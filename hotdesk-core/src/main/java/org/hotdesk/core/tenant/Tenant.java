package org.hotdesk.core.tenant;

import java.time.Instant;

/** One organisation: its SIP domain, its users, devices and policies. */
public record Tenant(long id, String name, String domain, TenantSettings settings, Instant createdAt) {
}
