package org.hotdesk.web.console.devices;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;

/**
 * Builds {@link DeviceRow}s for a tenant with a fixed number of reads (sessions, users, registrations once
 * each), whatever the number of desks.
 */
public final class DeviceRows {
    private final HotdeskCore core;
    private final Tenant tenant;
    private final Map<Long, Session> sessions;
    private final Map<Long, User> users;
    private final Map<Long, Registration> registrations;

    public DeviceRows(HotdeskCore core, Tenant tenant) {
        this.core = core;
        this.tenant = tenant;
        this.sessions = core.sessions().listOpen(tenant.id()).stream()
                .collect(Collectors.toMap(Session::deviceId, Function.identity(), (a, b) -> a));
        this.users = core.users().list(tenant.id()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        // the newest binding of each device counts: that is where the phone is now
        this.registrations = core.registrations().inTenant(tenant.id()).stream()
                .filter(r -> r.deviceId() != null)
                .collect(Collectors.toMap(Registration::deviceId, Function.identity(),
                        (a, b) -> a.registeredAt().isAfter(b.registeredAt()) ? a : b));
    }

    public DeviceRow row(Device d) {
        Session s = sessions.get(d.id());
        return new DeviceRow(d, core.devices().addressOf(d), s, s == null ? null : users.get(s.userId()),
                registrations.get(d.id()), tenant.settings().provisioning().fetchLimit(),
                tenant.settings().timeZone());
    }

    /** The tenant's phones (gateway lines are on the gateways page), by name. */
    public List<DeviceRow> desks() {
        return core.devices().list(tenant.id()).stream().filter(d -> !d.isGatewayLine())
                .sorted(Comparator.comparing(Device::name, String.CASE_INSENSITIVE_ORDER))
                .map(this::row).toList();
    }

    public List<User> users() {
        return users.values().stream().filter(u -> u.enabled() && u.hotDesk())
                .sorted(Comparator.comparing(User::extension)).toList();
    }
}
