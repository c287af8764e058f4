package org.hotdesk.web.console.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.user.User;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/** One person: name, PIN, access, where they sit, and the function keys that follow them to any desk. */
public final class UserPage implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;
    private final UserDirectory directory;

    public UserPage(HotdeskCore core, Clock clock, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
        this.directory = new UserDirectory(core, clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/users/{u}", this::show);
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        User user = core.users().get(page.tenantId(), UserActions.userId(ctx));
        templates.page(ctx, "console/user.jte", Map.of(
                "frame", page.frame(user.name(), "users", core, sessions),
                "user", directory.one(page.tenant(), user),
                "keys", core.users().keys(page.tenantId(), user.id())));
    }
}
