package org.hotdesk.web.console.live;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.web.pages.LocationText;
import org.hotdesk.web.pages.SessionWords;
import org.hotdesk.web.pages.TenantTime;

/** Reads what the live view shows from the core and puts it into words. */
final class LiveBoard {
    /** Enough alerts to count today's in a busy building, of which the panel shows the newest few. */
    private static final int ALERTS_SCANNED = 500;
    static final int ALERTS_SHOWN = 5;

    private final HotdeskCore core;
    private final Clock clock;

    LiveBoard(HotdeskCore core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    LiveSnapshot read(Tenant tenant) {
        long t = tenant.id();
        TenantTime time = new TenantTime(tenant.settings().timeZone(), clock.instant());
        List<Device> devices = core.devices().list(t);
        Map<Long, Device> byId = devices.stream().collect(Collectors.toMap(Device::id, d -> d));
        Map<Long, User> users = core.users().list(t).stream().collect(Collectors.toMap(User::id, u -> u));
        List<Session> open = core.sessions().listOpen(t);

        Set<Long> busy = open.stream().map(Session::deviceId).collect(Collectors.toSet());
        Set<Long> registered = core.registrations().inTenant(t).stream()
                .map(Registration::deviceId).filter(id -> id != null).collect(Collectors.toSet());
        Map<Long, CivicAddress> locations = new HashMap<>();
        for (Device d : devices) {
            locations.put(d.id(), core.devices().addressOf(d));
        }
        int idle = (int) devices.stream().filter(d -> d.enabled() && !busy.contains(d.id())).count();
        int unregistered = (int) devices.stream().filter(d -> d.enabled() && !registered.contains(d.id())).count();
        int withoutLocation = (int) devices.stream().filter(d -> !locations.get(d.id()).isDispatchable()).count();

        List<EmergencyAlert> alerts = core.emergency().list(t, ALERTS_SCANNED);
        int today = (int) alerts.stream().filter(a -> time.isToday(a.occurredAt())).count();

        List<LiveRow> rows = open.stream().map(s -> row(s, byId.get(s.deviceId()), users.get(s.userId()),
                locations.get(s.deviceId()), time)).toList();
        List<AlertRow> alertRows = alerts.stream().limit(ALERTS_SHOWN).map(a -> alert(a, time)).toList();
        return new LiveSnapshot(new LiveStats(open.size(), devices.size(), idle, unregistered, today, withoutLocation),
                rows, alertRows, tenant.settings().routing().emergencyAlertUrl() != null, time.zoneName());
    }

    private static LiveRow row(Session s, Device device, User user, CivicAddress location, TenantTime time) {
        String ends;
        if (s.activeCalls() > 0) {
            ends = "on a call: timers wait";
        } else if (s.deadline() == null) {
            ends = "stays logged in";
        } else {
            ends = SessionWords.deadline(s.deadline().reason()) + " " + time.time(s.deadline().at());
        }
        return new LiveRow(s.id(), user == null ? "user " + s.userId() : user.name(),
                user == null ? "" : user.extension(), device == null ? "device " + s.deviceId() : device.name(),
                LocationText.where(location), time.time(s.startedAt()), time.since(s.startedAt()), SessionWords.method(s.method()),
                ends, s.activeCalls() > 0);
    }

    private static AlertRow alert(EmergencyAlert a, TenantTime time) {
        String person = a.userName() != null ? a.userName() + " (" + a.userExtension() + ")"
                : a.userExtension() != null ? a.userExtension() : "nobody logged in";
        String state;
        String text;
        if (a.isDelivered()) {
            state = "ok";
            text = "Alert delivered " + time.time(a.deliveredAt());
        } else if (a.attempts() > 0) {
            state = "warn";
            text = "Retrying (" + a.attempts() + (a.attempts() == 1 ? " attempt)" : " attempts)");
        } else {
            state = "idle";
            text = "Alert waiting";
        }
        return new AlertRow(time.time(a.occurredAt()), a.dialled(), a.deviceName(), LocationText.where(a.location()), person,
                state, text, a.isDelivered() ? null : a.lastError());
    }
}
