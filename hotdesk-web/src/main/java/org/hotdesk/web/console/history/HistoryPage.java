package org.hotdesk.web.console.history;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.usage.UsageReport;
import org.hotdesk.core.user.User;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.csv.CsvApi;
import org.hotdesk.web.csv.CsvWriter;
import org.hotdesk.web.pages.CallWords;
import org.hotdesk.web.pages.LocationText;
import org.hotdesk.web.pages.SessionWords;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.pages.TenantTime;
import org.hotdesk.web.session.WebSessions;

/**
 * Who sat where and why they left, the audit log, calls, emergency calls and charts of desk use:
 * {@code ?tab=sessions|audit|calls|emergency|charts}, filtered by period and person (audit: by text; charts: period
 * only), 50 lines a page, newest first; sessions and calls also as CSV.
 */
public final class HistoryPage implements WebFeature {
    private static final Set<String> TABS = Set.of("sessions", "audit", "calls", "emergency", "charts");

    private final HotdeskCore core;
    private final Clock clock;
    private final WebSessions sessions;
    private final Templates templates;

    public HistoryPage(HotdeskCore core, Clock clock, WebSessions sessions, Templates templates) {
        this.core = core;
        this.clock = clock;
        this.sessions = sessions;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/history", this::show);
        routes.get("/console/tenants/{t}/history.csv", this::export);
    }

    /** What one request asked for, resolved: the tab, its filters, the person and the window. */
    private record Asked(HistoryFilter filter, Map<Long, User> users, Long userId, HistoryWindow window,
                         List<String> problems) {
    }

    private Asked asked(Context ctx, Tenant tenant, int pageSize) {
        String raw = ctx.queryParam("tab");
        String tab = raw != null && TABS.contains(raw) ? raw : "sessions";
        HistoryFilter filter = HistoryFilter.of(ctx, tab);
        // deleted people too, so their sessions and calls still name them; people who exist first, so an
        // extension given back to someone new finds the new person
        List<User> active = core.users().list(tenant.id());
        Map<Long, User> users = core.users().listWithDeleted(tenant.id()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        List<User> all = new ArrayList<>(active);
        active.forEach(u -> users.remove(u.id()));
        all.addAll(users.values());
        all.forEach(u -> users.put(u.id(), u));
        List<String> problems = new ArrayList<>();
        Long userId = tab.equals("audit") ? null : filter.who(all, problems).map(User::id).orElse(null);
        HistoryWindow window = filter.window(tenant.settings().timeZone(), pageSize, problems);
        return new Asked(filter, users, userId, window, problems);
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Tenant tenant = page.tenant();
        TenantTime time = new TenantTime(tenant.settings().timeZone(), clock.instant());
        Asked a = asked(ctx, tenant, HistoryFilter.PAGE_SIZE);
        HistoryFilter f = a.filter();
        List<SessionLine> sessionLines = List.of();
        List<AuditLine> auditLines = List.of();
        List<CallLine> callLines = List.of();
        List<EmergencyLine> emergencyLines = List.of();
        UsageChart charts = null;
        List<String> shownProblems = a.problems();
        boolean more = false;
        switch (f.tab()) {
            case "charts" -> {
                List<String> problems = new ArrayList<>();
                ZoneId zone = tenant.settings().timeZone();
                LocalDate[] days = f.chartDays(clock.instant().atZone(zone).toLocalDate(), problems);
                UsageReport report = core.usage().report(tenant.id(), days[0].atStartOfDay(zone).toInstant(),
                        days[1].plusDays(1).atStartOfDay(zone).toInstant());
                charts = UsageChart.of(report, days[0].equals(days[1]) ? days[0].toString() : days[0] + " to " + days[1]);
                shownProblems = problems;
            }
            case "audit" -> {
                List<AuditRecord> found = core.auditTrail().find(tenant.id(), f.search(), a.window());
                more = found.size() > HistoryFilter.PAGE_SIZE;
                auditLines = found.stream().limit(HistoryFilter.PAGE_SIZE).map(r -> audit(r, time)).toList();
            }
            case "calls" -> {
                List<CallRecord> found = core.calls().history(tenant.id(), a.userId(), a.window());
                more = found.size() > HistoryFilter.PAGE_SIZE;
                callLines = found.stream().limit(HistoryFilter.PAGE_SIZE).map(c -> call(c, a.users(), time)).toList();
            }
            case "emergency" -> {
                String extension = a.userId() == null ? null : a.users().get(a.userId()).extension();
                List<EmergencyAlert> found = core.emergency().history(tenant.id(), extension, a.window());
                more = found.size() > HistoryFilter.PAGE_SIZE;
                emergencyLines = found.stream().limit(HistoryFilter.PAGE_SIZE).map(e -> emergency(e, time)).toList();
            }
            default -> {
                List<Session> found = core.sessions().history(tenant.id(), a.userId(), a.window());
                more = found.size() > HistoryFilter.PAGE_SIZE;
                // the 50 desks of this page, not the tenant's thousands
                Map<Long, Device> devices = new HashMap<>();
                found.stream().limit(HistoryFilter.PAGE_SIZE).map(Session::deviceId).distinct()
                        .forEach(id -> core.devices().findById(id).ifPresent(d -> devices.put(id, d)));
                sessionLines = found.stream().limit(HistoryFilter.PAGE_SIZE)
                        .map(s -> session(s, a.users().get(s.userId()), devices.get(s.deviceId()), time)).toList();
            }
        }
        HistoryView view = new HistoryView(f.tab(), f.person(), f.from(), f.to(), f.search(),
                shownProblems.isEmpty() ? null : String.join(" ", shownProblems), sessionLines, auditLines, callLines,
                emergencyLines, tenant.settings().routing().emergencyAlertUrl() != null, time.zoneName(), f.page(), more,
                f.query(), charts);
        templates.page(ctx, "console/history.jte", Map.of("frame", page.frame("History", "history", core, sessions),
                "view", view));
    }

    /** The sessions or calls the filters show, every page of them (at most 10,000 rows), as CSV. */
    private void export(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Tenant tenant = page.tenant();
        TenantTime time = new TenantTime(tenant.settings().timeZone(), clock.instant());
        Asked a = asked(ctx, tenant, HistoryWindow.MAX_LIMIT - 1);
        HistoryWindow all = new HistoryWindow(a.window().from(), a.window().to(), 0, HistoryWindow.MAX_LIMIT);
        CsvWriter csv;
        if (a.filter().tab().equals("calls")) {
            csv = new CsvWriter(List.of("started", "from", "dialled", "to", "talk_time", "outcome"));
            for (CallRecord c : core.calls().history(tenant.id(), a.userId(), all)) {
                CallLine l = call(c, a.users(), time);
                csv.row(List.of(l.started(), l.from(), l.dialled(), l.to(), l.duration(), l.outcome()));
            }
        } else {
            csv = new CsvWriter(List.of("person", "extension", "desk", "logged_in", "logged_out", "duration", "method",
                    "ended_because", "ended_by"));
            List<Session> found = core.sessions().history(tenant.id(), a.userId(), all);
            Map<Long, Device> devices = devicesOf(tenant);
            for (Session s : found) {
                SessionLine l = session(s, a.users().get(s.userId()), devices.get(s.deviceId()), time);
                csv.row(List.of(l.person(), l.extension(), l.desk(), l.started(), l.ended(), l.duration(), l.method(),
                        l.reason(), l.endedBy()));
            }
        }
        String tab = a.filter().tab().equals("calls") ? "calls" : "sessions";
        CsvApi.send(ctx, tenant.domain() + "-" + tab + ".csv", csv.toString());
    }

    /** The tenant's desks by id, to name the desk of each session. */
    private Map<Long, Device> devicesOf(Tenant tenant) {
        return core.devices().list(tenant.id()).stream().collect(Collectors.toMap(Device::id, Function.identity()));
    }

    private static SessionLine session(Session s, User u, Device d, TenantTime time) {
        return new SessionLine(u == null ? "user " + s.userId() : u.name(), u == null ? "" : u.extension(),
                d == null ? "removed desk" : d.name(), time.dateTime(s.startedAt()),
                s.isOpen() ? "" : time.dateTime(s.endedAt()),
                TenantTime.duration(s.startedAt(), s.isOpen() ? time.now() : s.endedAt()),
                SessionWords.method(s.method()), s.isOpen() ? "Logged in now" : SessionWords.endReason(s.endReason()),
                s.endedBy() == null ? "" : s.endedBy(), s.isOpen());
    }

    private static AuditLine audit(AuditRecord a, TenantTime time) {
        return new AuditLine(time.dateTime(a.at()), a.actor().toString(), a.action(), a.subject(),
                a.reason() == null ? "" : a.reason(), a.detail() == null ? "" : a.detail());
    }

    private static CallLine call(CallRecord c, Map<Long, User> users, TenantTime time) {
        User caller = c.callerUserId() == null ? null : users.get(c.callerUserId());
        User callee = c.calleeUserId() == null ? null : users.get(c.calleeUserId());
        String outcome = CallWords.outcome(c.outcome());
        String cls = CallWords.outcomeClass(c.outcome());
        String talk = c.answeredAt() == null ? "" : TenantTime.duration(c.answeredAt(),
                c.endedAt() == null ? time.now() : c.endedAt());
        return new CallLine(time.dateTime(c.startedAt()),
                caller == null ? c.caller() : caller.name() + " (" + caller.extension() + ")",
                c.dialled(), callee == null ? "" : callee.name(), talk, outcome, cls);
    }

    private static EmergencyLine emergency(EmergencyAlert e, TenantTime time) {
        String person = e.userExtension() == null ? ""
                : e.userName() == null ? e.userExtension() : e.userName() + " (" + e.userExtension() + ")";
        String state;
        String text;
        String detail = "";
        if (e.isDelivered()) {
            state = "ok";
            text = "Delivered " + time.dateTime(e.deliveredAt());
        } else if (e.attempts() > 0) {
            state = "warn";
            text = "Not delivered yet: " + e.attempts() + (e.attempts() == 1 ? " attempt" : " attempts");
            detail = (e.lastError() == null ? "" : e.lastError() + " · ") + "next try " + time.dateTime(e.nextAttemptAt());
        } else {
            state = "idle";
            text = "Waiting to be sent";
        }
        String location = LocationText.full(e.location());
        return new EmergencyLine(time.dateTime(e.occurredAt()), e.deviceName() == null ? e.deviceMac() : e.deviceName(),
                e.deviceMac(), person, e.dialled(), location == null ? "" : location, e.location().isDispatchable(),
                e.location().callbackNumber() == null ? "" : e.location().callbackNumber(), state, text, detail);
    }
}
