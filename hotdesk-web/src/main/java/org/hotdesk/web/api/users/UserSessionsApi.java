package org.hotdesk.web.api.users;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** Where a person is logged in now, and logging them out of every desk at once. */
public final class UserSessionsApi implements ApiResource {
    private final HotdeskCore core;
    private final UserViews views;

    public UserSessionsApi(HotdeskCore core) {
        this.core = core;
        this.views = new UserViews(core);
    }

    /** @param location the desk's description (from its site when it has none of its own), or null */
    public record UserSessionView(long id, long deviceId, String deviceName, String location, Instant since,
                                  LoginMethod method) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/users/{u}/sessions").tag("users").summary("The desks the user is logged in at now, newest first")
                .access("admins of the tenant, or the employee themselves").list(UserSessionView.class)
                .errors(401, 403, 404).handle(this::list);
        api.delete("/tenants/{t}/users/{u}/sessions").tag("users").summary("Log the user out of every desk")
                .access("admins of the tenant, or the employee themselves").status(204).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = UsersApi.user(ctx);
                    Principal p = Access.self(ctx, t, u);
                    core.users().get(t, u);
                    // the audit tells an admin's forced logout from the person leaving by themselves
                    LogoutReason reason = p.isAdmin() ? LogoutReason.ADMIN : LogoutReason.USER;
                    core.sessions().logoutUserEverywhere(t, u, reason, p.actor());
                    ctx.status(204);
                });
    }

    private void list(Context ctx) {
        long t = PathIds.tenant(ctx);
        long u = UsersApi.user(ctx);
        Access.self(ctx, t, u);
        User user = core.users().get(t, u);
        List<Session> open = views.openSessionsOf(user);
        Map<Long, Device> devices = open.isEmpty() ? Map.of() : core.devices().list(t).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        List<UserSessionView> rows = open.stream().map(s -> {
            Device d = devices.get(s.deviceId());
            String name = d == null ? null : UserViews.deviceName(d);
            String location = d == null ? null : core.devices().addressOf(d).description();
            return new UserSessionView(s.id(), s.deviceId(), name, location, s.startedAt(), s.method());
        }).toList();
        ctx.json(Paging.page(ctx, rows));
    }
}
