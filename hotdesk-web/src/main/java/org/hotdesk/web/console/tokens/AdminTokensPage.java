package org.hotdesk.web.console.tokens;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.AccessToken;
import org.hotdesk.core.access.IssuedToken;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.console.ShownOnce;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.pages.TenantTime;
import org.hotdesk.web.session.WebSessions;

/**
 * The tenant's admin tokens, as {@code /api/v1/tenants/{t}/admin-tokens} has them: the list (names, never
 * secrets), issuing one (its secret shown on this page once), revoking one. A browser signed in with a revoked token
 * is signed out on its next request (ConsoleSecurity asks the core each time).
 */
public final class AdminTokensPage implements WebFeature {
    /** How long an issued secret waits in memory for its page, should the browser never come back for it. */
    private static final Duration SHOW_WITHIN = Duration.ofMinutes(5);

    private final HotdeskCore core;
    private final Clock clock;
    private final WebSessions sessions;
    private final Templates templates;
    private final ShownOnce<Issued> issued;

    /** A token just issued, for the page that shows its secret once. */
    public record Issued(String name, String secret) {
    }

    /**
     * One token in the list.
     *
     * @param yours this browser signed in with it: revoking it signs this browser out
     */
    public record Row(long id, String name, String created, boolean yours) {
    }

    public AdminTokensPage(HotdeskCore core, Clock clock, WebSessions sessions, Templates templates) {
        this.core = core;
        this.clock = clock;
        this.sessions = sessions;
        this.templates = templates;
        this.issued = new ShownOnce<>(clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/settings/tokens", this::show);
        routes.post("/console/tenants/{t}/settings/tokens", this::issue);
        routes.post("/console/tenants/{t}/settings/tokens/{id}/revoke", this::revoke);
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        TenantTime time = new TenantTime(page.tenant().settings().timeZone(), clock.instant());
        Long mine = page.session().tokenId();
        List<Row> rows = core.access().adminTokens(page.tenantId()).stream()
                .map(t -> new Row(t.id(), t.name(), time.dateTime(t.createdAt()), mine != null && mine == t.id()))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Admin tokens", "settings", core, sessions));
        params.put("rows", rows);
        params.put("issued", issued.take(page.session(), place(page)).orElse(null));
        params.put("typed", sessions.takeForm(page.session()));
        params.put("zone", time.zoneName());
        // the secret must not come back from the browser's cache either (Back, a restored tab)
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, "console/admin_tokens.jte", params);
    }

    private void issue(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        String name = ctx.formParam("name");
        try {
            IssuedToken token = core.access().issueTenantAdminToken(page.tenantId(), name, page.principal().actor());
            issued.keep(page.session(), place(page), new Issued(token.token().name(), token.secret()),
                    clock.instant().plus(SHOW_WITHIN));
            page.flash(sessions, "Token " + token.token().name() + " issued.");
        } catch (HotdeskException e) {
            sessions.keepForm(page.session(), Map.of("name", name == null ? "" : name));
            page.flashError(sessions, "No token issued. " + PlainMessages.of(e));
        }
        page.redirect("settings/tokens");
    }

    private void revoke(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        try {
            long id = tokenId(ctx);
            AccessToken token = core.access().adminTokens(page.tenantId()).stream().filter(t -> t.id() == id)
                    .findFirst().orElseThrow(() -> new NotFoundException("token", id));
            core.access().revoke(page.tenantId(), id, page.principal().actor());
            page.flash(sessions, "Token " + token.name() + " revoked: it no longer signs anyone in, here or in the API.");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.of(e));
        }
        page.redirect("settings/tokens");
    }

    private static long tokenId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("token", ctx.pathParam("id"));
        }
    }

    private static String place(ConsolePage page) {
        return "tokens of tenant " + page.tenantId();
    }
}
