package org.hotdesk.web.self;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The employees' own page on their phone, {@code /me} (B3Networks app: "Settings → Hot Desking IP-Phone"):
 * sign in with extension and PIN, get a login code to dial at a desk, see and end the desks they are logged
 * in at, set where their calls are forwarded, change the PIN. {@code ConsoleSecurity} already demands an employee session and the CSRF token under
 * {@code /me/*}; {@code /me} itself is checked by {@link SelfHome}.
 */
public final class SelfService implements WebFeature {
    private final SelfSignIn signIn;
    private final SelfHome home;

    public SelfService(HotdeskCore core, WebSessions sessions, Templates templates, SourceGuard guard, Clock clock) {
        SelfPages pages = new SelfPages(templates);
        this.signIn = new SelfSignIn(core, sessions, pages, guard, clock);
        this.home = new SelfHome(core, sessions, pages, new DeskSessions(core),
                new RecentCalls(core), new PinChange(core, guard, clock), clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/me/login", signIn::page);
        routes.post("/me/login", signIn::signIn);
        routes.post("/me/logout", signIn::signOut);
        routes.get("/me", home::show);
        routes.post("/me/otp", home::generateOtp);
        // a reload of the code's page, or a bookmark of it: the code itself is never shown twice
        routes.get("/me/otp", ctx -> ctx.redirect("/me", HttpStatus.SEE_OTHER));
        routes.post("/me/sessions/{id}/logout", home::logoutDesk);
        routes.post("/me/sessions/logout-all", home::logoutEverywhere);
        routes.post("/me/pin", home::changePin);
        routes.post("/me/forwarding", home::saveForwarding);
    }
}
