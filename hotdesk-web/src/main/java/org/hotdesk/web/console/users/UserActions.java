package org.hotdesk.web.console.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.ForwardingForm;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.session.WebSessions;

/**
 * The forms that change one person, from the list or their own page. Each answers with a redirect back
 * to where the form was ({@code from=list} or the user's page) and a message saying what happened.
 */
public final class UserActions implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;

    public UserActions(HotdeskCore core, WebSessions sessions) {
        this.core = core;
        this.sessions = sessions;
    }

    private interface Change {
        String apply(long tenantId, User user, Context ctx, Actor actor);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/console/tenants/{t}/users/{u}/keys", this::saveKeys);
        routes.post("/console/tenants/{t}/users/{u}/delete", this::delete);
        routes.post("/console/tenants/{t}/users/{u}/forwarding", this::saveForwarding);
        on(routes, "hot-desk", (t, u, ctx, actor) -> {
            boolean on = ctx.formParam("hotDesk") != null;
            core.users().setHotDesk(t, u.id(), on, actor);
            return on ? u.name() + " may now hot-desk" : u.name() + " may no longer hot-desk";
        });
        on(routes, "unlock", (t, u, ctx, actor) -> {
            core.attempts().unlock(t, LockKey.user(u.id()), actor);
            return u.name() + " unlocked";
        });
        on(routes, "rename", (t, u, ctx, actor) -> {
            User renamed = core.users().rename(t, u.id(), ctx.formParam("name"), actor);
            return "Renamed to " + renamed.name();
        });
        on(routes, "pin", (t, u, ctx, actor) -> {
            core.users().setPin(t, u.id(), ctx.formParam("pin"), actor);
            return "PIN changed";
        });
        on(routes, "enabled", (t, u, ctx, actor) -> {
            boolean enable = "true".equals(ctx.formParam("enabled"));
            core.users().setEnabled(t, u.id(), enable, actor);
            return enable ? u.name() + " enabled" : u.name() + " disabled and logged out everywhere";
        });
        on(routes, "logout", (t, u, ctx, actor) -> {
            List<Session> ended = core.sessions().logoutUserEverywhere(t, u.id(), LogoutReason.ADMIN, actor);
            return ended.isEmpty() ? u.name() + " was not logged in anywhere"
                    : u.name() + " logged out of " + ended.size() + (ended.size() == 1 ? " desk" : " desks");
        });
    }

    /**
     * The function keys editor: every line checked at once; a wrong line is named and the form opens again as typed,
     * with nothing stored. Saved keys reach the desks the person sits at now (the core asks for a re-sync).
     */
    private void saveKeys(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long userId = userId(ctx);
        UserKeysForm form = UserKeysForm.of(ctx);
        try {
            User user = core.users().get(page.tenantId(), userId);
            if (form.ok()) {
                List<FunctionKey> saved = core.users().setKeys(page.tenantId(), user.id(), form.keys(),
                        page.principal().actor());
                page.flash(sessions, saved.isEmpty() ? "Function keys of " + user.name() + " removed"
                        : saved.size() + (saved.size() == 1 ? " function key" : " function keys") + " saved for "
                        + user.name());
            } else {
                sessions.keepForm(page.session(), form.typed());
                page.flashError(sessions, "Function keys not saved. Nothing was changed.\n" + form.problems());
            }
        } catch (HotdeskException e) {
            sessions.keepForm(page.session(), form.typed());
            page.flashError(sessions, "Function keys not saved. " + PlainMessages.nothingChanged(e));
        }
        page.redirect("users/" + userId);
    }

    /** The forwarding panel: every wrong rule marked and named at once; the form opens again as typed, nothing stored. */
    private void saveForwarding(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long userId = userId(ctx);
        try {
            User user = core.users().get(page.tenantId(), userId);
            ForwardingForm form = ForwardingForm.of(ctx).checked(core.forwarding(), page.tenantId(), user.id());
            if (form.ok()) {
                Forwarding saved = core.forwarding().set(page.tenantId(), user.id(), form.request(),
                        page.principal().actor());
                page.flash(sessions, saved.isNone() ? "Calls to " + user.name() + " are no longer forwarded"
                        : "Forwarding saved for " + user.name());
            } else {
                sessions.keepForm(page.session(), form.typed());
                page.flashError(sessions, "Forwarding not saved. Nothing was changed.\n" + form.summary());
            }
        } catch (HotdeskException e) {
            page.flashError(sessions, "Forwarding not saved. " + PlainMessages.nothingChanged(e));
        }
        ctx.redirect("/console/tenants/" + page.tenantId() + "/users/" + userId + "#forwarding",
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Deleting: the person is logged out everywhere first; the answer is the list they are no longer in. */
    private void delete(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long userId = userId(ctx);
        try {
            User user = core.users().get(page.tenantId(), userId);
            core.users().delete(page.tenantId(), user.id(), page.principal().actor());
            page.flash(sessions, user.name() + " (" + user.extension() + ") deleted. Extension " + user.extension()
                    + " is free for someone new; history still names them.");
            page.redirect("users");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.of(e));
            page.redirect("users");
        }
    }

    private void on(RoutesConfig routes, String action, Change change) {
        routes.post("/console/tenants/{t}/users/{u}/" + action, ctx -> {
            ConsolePage page = ConsolePage.of(ctx, core);
            long userId = userId(ctx);
            try {
                User user = core.users().get(page.tenantId(), userId);
                page.flash(sessions, change.apply(page.tenantId(), user, ctx, page.principal().actor()));
            } catch (HotdeskException e) {
                page.flashError(sessions, PlainMessages.of(e));
            }
            page.redirect("list".equals(ctx.formParam("from")) ? "users" : "users/" + userId);
        });
    }

    static long userId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("u"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("user", ctx.pathParam("u"));
        }
    }
}
