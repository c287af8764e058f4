package org.hotdesk.web.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.access.Role;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.auth.Authenticator;
import org.hotdesk.web.pages.Frame;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSession;
import org.hotdesk.web.session.WebSessions;

/**
 * Signing in to the console with an admin token, signing out, and the system admin's list of tenants.
 * A wrong token counts against the caller's address in the same {@link SourceGuard} as SIP logins.
 */
public final class ConsoleLogin implements WebFeature {
    private static final Pattern TENANT_PAGE = Pattern.compile("/console/tenants/([0-9]{1,18})(/.*)?");
    private final HotdeskCore core;
    private final Authenticator authenticator;
    private final WebSessions sessions;
    private final SourceGuard guard;
    private final Templates templates;
    private final Clock clock;

    public ConsoleLogin(HotdeskCore core, Authenticator authenticator, WebSessions sessions, SourceGuard guard,
                        Templates templates, Clock clock) {
        this.clock = clock;
        this.core = core;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.guard = guard;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/console", HttpStatus.SEE_OTHER));
        routes.get("/console", this::home);
        routes.get("/console/login", ctx -> loginPage(ctx, null, HttpStatus.OK));
        routes.post("/console/login", this::login);
        routes.post("/console/logout", ctx -> {
            sessions.end(ctx);
            ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
        });
        routes.get("/console/switch", ctx -> {
            String tenant = ctx.queryParam("tenant");
            boolean valid = tenant != null && tenant.matches("[0-9]{1,18}");
            ctx.redirect(valid ? "/console/tenants/" + tenant + "/live" : "/console", HttpStatus.SEE_OTHER);
        });
        routes.get("/console/tenants", this::tenants);
        routes.post("/console/tenants", this::createTenant);
    }

    private void home(Context ctx) {
        Optional<WebSession> session = sessions.current(ctx).filter(s -> s.principal().isAdmin());
        if (session.isEmpty()) {
            ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(startPage(session.get().principal()), HttpStatus.SEE_OTHER);
    }

    /** The system admin starts at the tenant list, a tenant admin at their tenant's live view. */
    private static String startPage(Principal p) {
        return p.role() == Role.SYSTEM_ADMIN ? "/console/tenants" : "/console/tenants/" + p.tenantId() + "/live";
    }

    private void login(Context ctx) {
        String source = ctx.ip();
        if (guard.isBlocked(source)) {
            loginPage(ctx, "Too many failed sign-ins from your address. Try again in " + PlainMessages.minutes(
                    guard.blockedUntil(source).map(u -> Duration.between(clock.instant(), u)).orElse(Duration.ZERO))
                    + ", or ask the system administrator.", HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        Optional<Authenticator.Bearer> bearer = authenticator.bearerOf(ctx.formParam("token"))
                .filter(b -> b.principal().isAdmin());
        if (bearer.isEmpty()) {
            guard.failed(source, "console sign-in");
            loginPage(ctx, "That token is not a valid admin token.", HttpStatus.UNAUTHORIZED);
            return;
        }
        Principal principal = bearer.get().principal();
        // the token's id goes with the session: revoking the token signs this browser out (ConsoleSecurity)
        sessions.start(ctx, principal, bearer.get().tokenId());
        // back to the page asked for before signing in; a tenant admin's page of another tenant would only
        // answer 403, so such a target is as good as none
        String next = ctx.formParam("next");
        ctx.redirect(ConsoleSecurity.CONSOLE_RETURN.accepts(next) && !next.equals("/console")
                && mayOpen(principal, next) ? next : startPage(principal), HttpStatus.SEE_OTHER);
    }

    private static boolean mayOpen(Principal p, String next) {
        Matcher m = TENANT_PAGE.matcher(next.contains("?") ? next.substring(0, next.indexOf('?')) : next);
        return !m.matches() || p.administers(Long.parseLong(m.group(1)));
    }

    private void loginPage(Context ctx, String error, HttpStatus status) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        String next = ctx.method() == HandlerType.POST ? ctx.formParam("next") : ctx.queryParam("next");
        params.put("next", ConsoleSecurity.CONSOLE_RETURN.accepts(next) ? next : null);
        ctx.status(status);
        templates.page(ctx, "console/login.jte", params);
    }

    private void tenants(Context ctx) {
        WebSession session = ctx.attribute(ConsolePage.SESSION);
        if (session.principal().role() != Role.SYSTEM_ADMIN) {
            ctx.redirect("/console", HttpStatus.SEE_OTHER);
            return;
        }
        String flash = sessions.takeFlash(session);
        boolean error = flash != null && flash.startsWith("!");
        List<Tenant> tenants = core.tenants().list();
        Frame frame = new Frame("Tenants", "tenants", session.principal().name(), 0, "all tenants", List.of(),
                session.csrfToken(), error ? flash.substring(1) : flash, error);
        templates.page(ctx, "console/tenants.jte", Map.of("frame", frame, "tenants", tenants));
    }

    private void createTenant(Context ctx) {
        WebSession session = ctx.attribute(ConsolePage.SESSION);
        if (session.principal().role() != Role.SYSTEM_ADMIN) {
            sessions.flash(session, "!Only the system administrator can add tenants.");
            ctx.redirect("/console", HttpStatus.SEE_OTHER);
            return;
        }
        try {
            Tenant t = core.tenants().create(ctx.formParam("name"), ctx.formParam("domain"),
                    session.principal().actor());
            sessions.flash(session, "Tenant " + t.name() + " created.");
        } catch (HotdeskException e) {
            sessions.flash(session, "!" + PlainMessages.of(e));
        }
        ctx.redirect("/console/tenants", HttpStatus.SEE_OTHER);
    }
}
