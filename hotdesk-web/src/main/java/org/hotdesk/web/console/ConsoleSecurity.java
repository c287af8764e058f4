package org.hotdesk.web.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.session.WebSession;
import org.hotdesk.web.session.WebSessions;

/**
 * Guards the browser pages. {@code /console/*} needs an admin's session, {@code /me/*} an employee's (or an
 * admin's); without one the browser is sent to the sign-in page. Every POST must carry the session's CSRF
 * token in {@code _csrf}: a form on another site cannot act with the admin's cookie.
 */
public final class ConsoleSecurity implements WebFeature {
    private final WebSessions sessions;

    public ConsoleSecurity(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/console/*", ctx -> guard(ctx, "/console/login", true));
        routes.before("/me/*", ctx -> guard(ctx, "/me/login", false));
    }

    private void guard(Context ctx, String loginPath, boolean adminsOnly) {
        if (ctx.path().equals(loginPath)) {
            return;
        }
        Optional<WebSession> session = sessions.current(ctx);
        if (session.isEmpty() || (adminsOnly && !session.get().principal().isAdmin())
                || (!adminsOnly && session.get().principal().isAdmin())) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect(loginPath, HttpStatus.SEE_OTHER);
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
                + "</head><body class=\"plain\"><main class=\"card narrow\"><h1>" + title + "</h1><p>" + html
                + "</p></main></body></html>";
    }
}
