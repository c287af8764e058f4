package org.hotdesk.web.self;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.web.console.ConsoleSecurity;
import org.hotdesk.web.session.WebSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Employees sign in with company, extension and PIN. A wrong PIN counts towards the user's lockout (in
 * {@code AccessService}) and against the caller's address in the {@link SourceGuard} shared with SIP logins,
 * so this page is no easier a place to guess PINs than a desk phone.
 */
final class SelfSignIn {
    private static final Logger log = LoggerFactory.getLogger(SelfSignIn.class);
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final SelfPages pages;
    private final SourceGuard guard;
    private final Clock clock;

    SelfSignIn(HotdeskCore core, WebSessions sessions, SelfPages pages, SourceGuard guard, Clock clock) {
        this.clock = clock;
        this.core = core;
        this.sessions = sessions;
        this.pages = pages;
        this.guard = guard;
    }

    void page(Context ctx) {
        String next = ctx.queryParam("next");
        if (Employee.of(ctx, core, sessions).isPresent()) {
            ctx.redirect(ConsoleSecurity.SELF_RETURN.after(next), HttpStatus.SEE_OTHER);
            return;
        }
        pages.login(ctx, HttpStatus.OK, companyOf(ctx), null, null, safe(next));
    }

    void signIn(Context ctx) {
        String source = ctx.ip();
        String tenant = ctx.formParam("tenant");
        String extension = ctx.formParam("extension");
        String next = safe(ctx.formParam("next"));
        if (guard.isBlocked(source)) {
            pages.login(ctx, HttpStatus.TOO_MANY_REQUESTS, tenant, extension,
                    SignInWords.blocked(guard.blockedUntil(source), clock.instant()), next);
            return;
        }
        String ext = extension == null ? null : extension.trim();
        SignIn result = core.access().signIn(tenant, ext, ctx.formParam("pin"));
        switch (result) {
            case SignIn.Refused refused -> {
                guard.failed(source, "self-service sign-in");
                pages.login(ctx, HttpStatus.UNAUTHORIZED, tenant, extension, SignInWords.refused(refused.refusal(),
                        core.access().limitOf(tenant, ext), clock.instant()), next);
            }
            case SignIn.SignedIn signedIn -> {
                sessions.start(ctx, signedIn.principal());
                log.info("self-service signed in tenant={} extension={} source={}", signedIn.principal().tenantId(),
                        signedIn.user().extension(), source);
                ctx.redirect(ConsoleSecurity.SELF_RETURN.after(next), HttpStatus.SEE_OTHER);
            }
        }
    }

    /**
     * The company field's value: the one in the link, or on an install with a single tenant, that tenant's domain,
     * so its employees never have to know what a "phone domain" is.
     */
    private String companyOf(Context ctx) {
        String asked = ctx.queryParam("tenant");
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        var tenants = core.tenants().list();
        return tenants.size() == 1 ? tenants.get(0).domain() : null;
    }

    /** The page to return to after signing in, or null when {@code next} is not one of ours. */
    private static String safe(String next) {
        return ConsoleSecurity.SELF_RETURN.accepts(next) ? next : null;
    }

    /** Back to the sign-in page with the company filled in, ready for the next time. */
    void signOut(Context ctx) {
        Optional<Employee> me = Employee.of(ctx, core, sessions);
        sessions.end(ctx);
        ctx.redirect(me.map(e -> "/me/login?tenant=" + URLEncoder.encode(e.tenant().domain(), StandardCharsets.UTF_8))
                .orElse("/me/login"), HttpStatus.SEE_OTHER);
    }
}
