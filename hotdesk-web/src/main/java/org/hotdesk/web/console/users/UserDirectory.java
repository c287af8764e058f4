package org.hotdesk.web.console.users;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.web.pages.TenantTime;

/** Reads users with where they sit and whether they are locked out, for the users pages. */
final class UserDirectory {
    private final HotdeskCore core;
    private final Clock clock;

    UserDirectory(HotdeskCore core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    List<UserRow> all(Tenant tenant) {
        Context c = context(tenant);
        return core.users().list(tenant.id()).stream().map(u -> row(u, c)).toList();
    }

    UserRow one(Tenant tenant, User user) {
        return row(user, context(tenant));
    }

    TenantTime time(Tenant tenant) {
        return new TenantTime(tenant.settings().timeZone(), clock.instant());
    }

    private record Context(Tenant tenant, TenantTime time, Map<Long, List<Session>> open, Map<Long, Device> devices) {
    }

    private Context context(Tenant tenant) {
        Map<Long, List<Session>> open = core.sessions().listOpen(tenant.id()).stream()
                .collect(Collectors.groupingBy(Session::userId));
        Map<Long, Device> devices = core.devices().list(tenant.id()).stream()
                .collect(Collectors.toMap(Device::id, d -> d));
        return new Context(tenant, time(tenant), open, devices);
    }

    private UserRow row(User u, Context c) {
        List<String> desks = new ArrayList<>();
        for (Session s : c.open().getOrDefault(u.id(), List.of())) {
            Device d = c.devices().get(s.deviceId());
            desks.add(d == null ? "device " + s.deviceId() : d.name());
        }
        String locked = core.attempts().lockedUntil(c.tenant().id(), LockKey.user(u.id()))
                .map(c.time()::time).orElse(null);
        return new UserRow(u.id(), u.name(), u.extension(), u.hotDesk(), u.enabled(), desks, locked);
    }
}
