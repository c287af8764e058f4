package org.hotdesk.web.console.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The users list (Infinity's "Hot Desk Access" and "Hot Desk PIN"): who may hot-desk, where they sit now,
 * who is locked out, and adding a person. CSV import and export are linked from here, served elsewhere.
 */
public final class UsersPage implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;
    private final UserDirectory directory;

    public UsersPage(HotdeskCore core, Clock clock, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
        this.directory = new UserDirectory(core, clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/users", this::show);
        routes.post("/console/tenants/{t}/users", this::add);
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        templates.page(ctx, "console/users.jte", Map.of("frame", page.frame("Users", "users", core, sessions),
                "users", directory.all(page.tenant())));
    }

    private void add(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        try {
            User u = core.users().create(page.tenantId(), new NewUser(ctx.formParam("extension"), ctx.formParam("name"),
                    ctx.formParam("pin"), ctx.formParam("hotDesk") != null, null), page.principal().actor());
            page.flash(sessions, u.name() + " (" + u.extension() + ") added");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.of(e));
        }
        page.redirect("users");
    }
}
