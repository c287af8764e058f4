package org.hotdesk.core.session;

import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;

/**
 * Keeps each open session's stored deadline in line with its tenant's policy and its device's overrides.
 * The deadline is stored so that a restarted server finds due timers with one query.
 */
public final class SessionDeadlines {
    private final TenantStore tenants;
    private final DeviceStore devices;
    private final SessionStore sessions;

    public SessionDeadlines(TenantStore tenants, DeviceStore devices, SessionStore sessions) {
        this.tenants = tenants;
        this.devices = devices;
        this.sessions = sessions;
    }

    public Optional<Deadline> compute(Session session, Device device, Tenant tenant) {
        SessionPolicy policy = tenant.settings().sessionPolicy().overriddenBy(device.policy());
        return DeadlineRule.next(session.startedAt(), session.lastActivityAt(), session.activeCalls(), policy,
                tenant.settings().timeZone());
    }

    /** After a tenant's policy changed. Runs inside the caller's transaction. */
    public void recomputeForTenant(long tenantId) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow();
        for (Session session : sessions.listOpen(tenantId)) {
            devices.findById(session.deviceId()).ifPresent(device ->
                    sessions.setDeadline(session.id(), compute(session, device, tenant).orElse(null)));
        }
    }

    /** After a device's overrides changed. Runs inside the caller's transaction. */
    public void recomputeForDevice(long deviceId) {
        Device device = devices.findById(deviceId).orElseThrow();
        Tenant tenant = tenants.findById(device.tenantId()).orElseThrow();
        sessions.findOpenByDevice(deviceId).ifPresent(session ->
                sessions.setDeadline(session.id(), compute(session, device, tenant).orElse(null)));
    }
}
