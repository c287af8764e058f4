package org.hotdesk.web.api.sessions;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** Who is logged in where (the live view), forced logouts, and the sessions that have ended. */
public final class SessionsApi implements ApiResource {
    // the history the core keeps answering in one read; older sessions stay in the database
    private static final int HISTORY_READ = 10_000;
    private final HotdeskCore core;

    public SessionsApi(HotdeskCore core) {
        this.core = core;
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/sessions").tag("sessions").summary("Open sessions: who is logged in where")
                .access("tenant admin").list(DeskSessionView.class)
                .query("userId", "integer", "only this user's").query("deviceId", "integer", "only at this device")
                .errors(401, 403, 404, 422).handle(this::open);
        api.get("/tenants/{t}/sessions/history").tag("sessions").summary("Ended sessions, newest first")
                .access("tenant admin").list(DeskSessionView.class)
                .query("userId", "integer", "only this user's").query("deviceId", "integer", "only at this device")
                .errors(401, 403, 404, 422).handle(this::history);
        api.delete("/tenants/{t}/sessions/{s}").tag("sessions").summary("Force a logout (reason admin)")
                .access("tenant admin").status(204).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.sessions().logoutSession(t, PathIds.id(ctx, "s", "session"), LogoutReason.ADMIN, p.actor());
                    ctx.status(204);
                });
    }

    private void open(Context ctx) {
        long t = PathIds.tenant(ctx);
        Access.admin(ctx, t);
        core.tenants().get(t);
        Long userId = idParam(ctx, "userId");
        Long deviceId = idParam(ctx, "deviceId");
        Predicate<Session> wanted = s -> (userId == null || s.userId() == userId)
                && (deviceId == null || s.deviceId() == deviceId);
        ctx.json(Paging.page(ctx, views(t, core.sessions().listOpen(t).stream().filter(wanted).toList())));
    }

    private void history(Context ctx) {
        long t = PathIds.tenant(ctx);
        Access.admin(ctx, t);
        core.tenants().get(t);
        List<Session> ended = core.sessions().history(t, idParam(ctx, "userId"), idParam(ctx, "deviceId"), HISTORY_READ)
                .stream().filter(s -> !s.isOpen()).toList();
        ctx.json(Paging.page(ctx, views(t, ended)));
    }

    /** With device and user names; a device removed since has none. */
    private List<DeskSessionView> views(long tenantId, List<Session> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<Long, Device> devices = core.devices().list(tenantId).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        Map<Long, User> users = core.users().list(tenantId).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        return sessions.stream().map(s -> DeskSessionView.of(s, devices.get(s.deviceId()), users.get(s.userId())))
                .toList();
    }

    private static Long idParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be an id (a number), was '" + raw + "'");
        }
    }
}
