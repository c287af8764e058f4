package org.hotdesk.web.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.session.ReturnTarget;
import org.hotdesk.web.session.WebSession;
import org.hotdesk.web.session.WebSessions;

/**
 * Guards the browser pages. {@code /console/*} needs an admin's session, {@code /me/*} an employee's, each
 * from its own cookie ({@link WebSessions}); without one a page asked for is sent to the sign-in page, which
 * brings the browser back to it afterwards. Every POST must carry the session's CSRF token in {@code _csrf}: a
 * form on another site cannot act with the admin's cookie.
 */
public final class ConsoleSecurity implements WebFeature {
    /** Where the console's sign-in returns to: only console pages. */
    public static final ReturnTarget CONSOLE_RETURN = new ReturnTarget("/console", "/console");
    /** Where the self-service sign-in returns to: only /me pages. */
    public static final ReturnTarget SELF_RETURN = new ReturnTarget("/me", "/me");

    private final WebSessions console;
    private final WebSessions self;
    private final LongPredicate tokenLive;

    /** @param tokenLive whether the stored token with this id still lets its holder in (not revoked) */
    public ConsoleSecurity(WebSessions console, WebSessions self, LongPredicate tokenLive) {
        this.console = console;
        this.self = self;
        this.tokenLive = tokenLive;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/console/*", ctx -> guard(ctx, console, "/console/login", CONSOLE_RETURN, true));
        routes.before("/me/*", ctx -> guard(ctx, self, "/me/login", SELF_RETURN, false));
    }

    private void guard(Context ctx, WebSessions sessions, String loginPath, ReturnTarget target,
                       boolean adminsOnly) {
        if (ctx.path().equals(loginPath)) {
            return;
        }
        Optional<WebSession> session = sessions.current(ctx);
        if (session.isPresent() && session.get().tokenId() != null && !tokenLive.test(session.get().tokenId())) {
            // the token this browser signed in with was revoked: signed out now, not when the session times out
            sessions.end(ctx);
            session = Optional.empty();
        }
        if (session.isEmpty() || (adminsOnly && !session.get().principal().isAdmin())
                || (!adminsOnly && session.get().principal().isAdmin())) {
            // a script polling a .json address cannot follow a sign-in page: it is told "signed out" instead
            if (ctx.method() == HandlerType.GET && !ctx.path().endsWith(".json")) {
                ctx.redirect(target.signInFor(ctx, loginPath), HttpStatus.SEE_OTHER);
            } else {
                ctx.status(HttpStatus.UNAUTHORIZED).html(message("Signed out", "Your session has ended. <a href=\""
                        + loginPath + "\">Sign in again</a>."));
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method() == HandlerType.POST && !WebSessions.csrfMatches(session.get(), csrf(ctx))) {
            ctx.status(HttpStatus.FORBIDDEN).html(message("Form expired",
                    "This form is from an old or foreign page. Go back, reload it and try again."));
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(ConsolePage.SESSION, session.get());
    }

    private static String csrf(Context ctx) {
        String header = ctx.header("X-CSRF-Token");
        return header != null ? header : ctx.formParam("_csrf");
    }

    private static String message(String title, String html) {
        return "<!doctype html><html><head><title>" + title + "</title><link rel=\"stylesheet\" href=\"/static/hotdesk.css\">"
                + "</head><body class=\"plain\"><a class=\"skip-link\" href=\"#content\">Skip to content</a>"
                + "<main class=\"card narrow\" id=\"content\" tabindex=\"-1\"><h1>" + title + "</h1><p>" + html
                + "</p></main></body></html>";
    }
}
