package org.hotdesk.web.api.users;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserChanges;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.ErrorDetail;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.api.users.UserViews.UserView;
import org.hotdesk.web.auth.Access;

/** A tenant's people: creating them, their hot-desk access, PIN, enabled state and lockout. */
public final class UsersApi implements ApiResource {
    private final HotdeskCore core;
    private final UserViews views;

    public UsersApi(HotdeskCore core) {
        this.core = core;
        this.views = new UserViews(core);
    }

    /**
     * @param hotDesk     may log in at shared desks; left out it is true, as in the console, the CSV import and the CLI
     * @param sipPassword the user's own SIP account's password, optional; never shown again
     */
    public record NewUserBody(String extension, String name, String pin, Boolean hotDesk, String sipPassword) {
        boolean hotDeskOrDefault() {
            return hotDesk == null || hotDesk;
        }
    }

    /** Only the fields present change. */
    public record UserPatchBody(String name, Boolean hotDesk, Boolean enabled) {
    }

    public record PinBody(String pin) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants/{t}/users").tag("users").summary("Create a user (the PIN is never shown back)")
                .access("admins of the tenant").body(NewUserBody.class).returns(UserView.class).status(201)
                .errors(400, 401, 403, 404, 409, 422).handle(this::create);
        api.get("/tenants/{t}/users").tag("users").summary("List users with their lock state and current desk")
                .access("admins of the tenant").list(UserView.class)
                .query("q", "string", "name or extension contains")
                .query("hotDesk", "boolean", "only users with (true) or without (false) hot-desk access")
                .query("locked", "boolean", "only users locked (true) or not locked (false) by wrong PINs")
                .errors(401, 403, 404, 422).handle(this::list);
        api.get("/tenants/{t}/users/{u}").tag("users").summary("One user")
                .access("admins of the tenant, or the employee themselves").returns(UserView.class)
                .errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = user(ctx);
                    Access.self(ctx, t, u);
                    ctx.json(views.of(core.users().get(t, u)));
                });
        api.patch("/tenants/{t}/users/{u}").tag("users").summary("Rename, grant or revoke hot-desk access, enable or disable")
                .access("admins of the tenant").body(UserPatchBody.class).returns(UserView.class)
                .errors(400, 401, 403, 404, 422).handle(this::patch);
        api.put("/tenants/{t}/users/{u}/pin").tag("users").summary("Set the hot-desk PIN")
                .access("admins of the tenant, or the employee themselves").body(PinBody.class).status(204)
                .errors(400, 401, 403, 404, 422).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = user(ctx);
                    Principal p = Access.self(ctx, t, u);
                    PinBody body = ctx.bodyAsClass(PinBody.class);
                    core.users().setPin(t, u, body.pin(), p.actor());
                    ctx.status(204);
                });
        api.delete("/tenants/{t}/users/{u}").tag("users")
                .summary("Delete a user: logged out of every desk, can no longer log in, extension free for someone new;"
                        + " history still names them")
                .access("admins of the tenant").status(204).errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = user(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.users().delete(t, u, p.actor());
                    ctx.status(204);
                });
        api.delete("/tenants/{t}/users/{u}/lock").tag("users").summary("Lift the lock that wrong PINs or codes put on the user")
                .access("admins of the tenant").status(204).errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = user(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.users().get(t, u);
                    core.attempts().unlock(t, LockKey.user(u), p.actor());
                    ctx.status(204);
                });
    }

    static long user(Context ctx) {
        return PathIds.id(ctx, "u", "user");
    }

    private void create(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        NewUserBody body = ctx.bodyAsClass(NewUserBody.class);
        User user = core.users().create(t, new NewUser(body.extension(), body.name(), body.pin(), body.hotDeskOrDefault(),
                body.sipPassword()), p.actor());
        ctx.status(201).json(views.of(user));
    }

    private void list(Context ctx) {
        long t = PathIds.tenant(ctx);
        Access.admin(ctx, t);
        core.tenants().get(t);
        String q = ctx.queryParam("q");
        Boolean hotDesk = flag(ctx, "hotDesk");
        Boolean locked = flag(ctx, "locked");
        Predicate<User> matches = u -> q == null || q.isBlank() || u.extension().contains(q.trim())
                || u.name().toLowerCase(Locale.ROOT).contains(q.trim().toLowerCase(Locale.ROOT));
        List<User> users = core.users().list(t).stream().filter(matches)
                .filter(u -> hotDesk == null || u.hotDesk() == hotDesk).toList();
        List<UserView> rows = views.of(t, users).stream()
                .filter(v -> locked == null || v.locked() == locked).toList();
        ctx.json(Paging.page(ctx, rows));
    }

    private void patch(Context ctx) {
        long t = PathIds.tenant(ctx);
        long u = user(ctx);
        Principal p = Access.admin(ctx, t);
        UserPatchBody body = ctx.bodyAsClass(UserPatchBody.class);
        User user = core.users().update(t, u, new UserChanges(body.name(), body.hotDesk(), body.enabled()), p.actor());
        ctx.json(views.of(user));
    }

    /** A yes/no query filter; absent = no filter. */
    private static Boolean flag(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                String message = "'" + name + "' must be true or false, not '" + raw + "'";
                throw new ApiException(422, "invalid_input", message, List.of(new ErrorDetail(null, name, message)));
            }
        };
    }
}
