package org.hotdesk.web.console.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.console.ListPage;
import org.hotdesk.web.pages.PlainMessages;
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
    /** Sortable columns, the default first; ties fall back to the extension, which is unique. */
    private static final Map<String, Comparator<UserRow>> COLUMNS = columns();

    private static Map<String, Comparator<UserRow>> columns() {
        Comparator<UserRow> byExtension = Comparator.comparing(UserRow::extension);
        Map<String, Comparator<UserRow>> c = new LinkedHashMap<>();
        c.put("name", Comparator.comparing((UserRow u) -> u.name().toLowerCase(Locale.ROOT)).thenComparing(byExtension));
        c.put("extension", byExtension);
        c.put("status", Comparator.comparing(UserRow::loggedIn).reversed().thenComparing(byExtension));
        return c;
    }

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
        List<UserRow> all = directory.all(page.tenant());
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
        List<UserRow> matching = search.isEmpty() ? all : all.stream().filter(u -> u.matches(search)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Users", "users", core, sessions));
        params.put("list", ListPage.of(ctx, matching, COLUMNS));
        params.put("search", search);
        params.put("typed", sessions.takeForm(page.session()));
        params.put("people", all.size());
        params.put("hotDesk", all.stream().filter(UserRow::hotDesk).count());
        params.put("loggedIn", all.stream().filter(UserRow::loggedIn).count());
        templates.page(ctx, "console/users.jte", params);
    }

    private void add(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        String extension = ctx.formParam("extension");
        String name = ctx.formParam("name");
        String pin = ctx.formParam("pin");
        boolean hotDesk = ctx.formParam("hotDesk") != null;
        List<HotdeskException> problems = core.users().problemsOfNew(page.tenantId(), extension, name, pin);
        try {
            if (problems.isEmpty()) {
                User u = core.users().create(page.tenantId(), new NewUser(extension, name, pin, hotDesk, null),
                        page.principal().actor());
                page.flash(sessions, u.name() + " (" + u.extension() + ") added");
                page.redirect("users");
                return;
            }
        } catch (HotdeskException e) {
            problems = List.of(e);   // taken by someone in the meantime
        }
        // the form opens again as typed, except the PIN: a PIN is never sent back to a browser
        Map<String, String> typed = new HashMap<>();
        typed.put("extension", extension == null ? "" : extension);
        typed.put("name", name == null ? "" : name);
        typed.put("hotDesk", String.valueOf(hotDesk));
        sessions.keepForm(page.session(), typed);
        page.flashError(sessions, "User not added. " + problems.stream().map(PlainMessages::of)
                .collect(Collectors.joining(" ")));
        page.redirect("users");
    }
}
