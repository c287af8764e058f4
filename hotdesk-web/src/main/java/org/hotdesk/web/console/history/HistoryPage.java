package org.hotdesk.web.console.history;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.SessionWords;
import org.hotdesk.web.pages.TenantTime;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/** Who sat where and why they left, the audit log, and the calls of a person: {@code ?tab=sessions|audit|calls}. */
public final class HistoryPage implements WebFeature {
    static final int LIMIT = 200;
    private static final Set<String> TABS = Set.of("sessions", "audit", "calls");

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
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Tenant tenant = page.tenant();
        String asked = ctx.queryParam("tab");
        String tab = asked != null && TABS.contains(asked) ? asked : "sessions";
        TenantTime time = new TenantTime(tenant.settings().timeZone(), clock.instant());
        Map<Long, User> users = core.users().list(tenant.id()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        Long userId = selectedUser(ctx.queryParam("user"), users);
        List<HistoryView.UserChoice> choices = users.values().stream()
                .sorted(java.util.Comparator.comparing(User::name))
                .map(u -> new HistoryView.UserChoice(u.id(), u.name() + " (" + u.extension() + ")")).toList();
        List<SessionLine> sessionLines = List.of();
        List<AuditLine> auditLines = List.of();
        List<CallLine> callLines = List.of();
        switch (tab) {
            case "audit" -> auditLines = core.auditTrail().newest(tenant.id(), LIMIT).stream()
                    .map(a -> audit(a, time)).toList();
            case "calls" -> callLines = core.calls().history(tenant.id(), userId, LIMIT).stream()
                    .map(c -> call(c, users, time)).toList();
            default -> {
                Map<Long, Device> devices = core.devices().list(tenant.id()).stream()
                        .collect(Collectors.toMap(Device::id, Function.identity()));
                sessionLines = core.sessions().history(tenant.id(), userId, null, LIMIT).stream()
                        .map(s -> session(s, users.get(s.userId()), devices.get(s.deviceId()), time)).toList();
            }
        }
        HistoryView view = new HistoryView(tab, userId, choices, sessionLines, auditLines, callLines, time.zoneName());
        templates.page(ctx, "console/history.jte", Map.of("frame", page.frame("History", "history", core, sessions),
                "view", view));
    }

    /** Only a user of this tenant filters; anything else shows everyone rather than an error page. */
    private static Long selectedUser(String raw, Map<Long, User> users) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) return null;
        long id = Long.parseLong(raw);
        return users.containsKey(id) ? id : null;
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
        String outcome;
        String cls;
        if (c.outcome() == null) {
            outcome = "In progress";
            cls = "ok";
        } else {
            outcome = switch (c.outcome()) {
                case ANSWERED -> "Answered";
                case NO_ANSWER -> "No answer";
                case BUSY -> "Busy";
                case REJECTED -> "Rejected";
                case CANCELLED -> "Cancelled";
                case FAILED -> "Failed";
            };
            cls = switch (c.outcome()) {
                case ANSWERED -> "plain ok";
                case FAILED -> "bad";
                default -> "warn";
            };
        }
        String talk = c.answeredAt() == null ? "" : TenantTime.duration(c.answeredAt(),
                c.endedAt() == null ? time.now() : c.endedAt());
        return new CallLine(time.dateTime(c.startedAt()),
                caller == null ? c.caller() : caller.name() + " (" + caller.extension() + ")",
                c.dialled(), callee == null ? "" : callee.name(), talk, outcome, cls);
    }
}
