package org.hotdesk.web.self;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.ForwardingRequest;
import org.hotdesk.core.login.OtpCode;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.pages.ForwardingForm;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.session.WebSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page at {@code /me} and what its buttons do. Forms follow Post/Redirect/Get with a one-time message,
 * except the login code: that answer shows the code directly, so it is kept nowhere (not in the session,
 * not in a URL) and a reload cannot show it again.
 */
final class SelfHome {
    private static final Logger log = LoggerFactory.getLogger(SelfHome.class);
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final SelfPages pages;
    private final DeskSessions desks;
    private final RecentCalls calls;
    private final PinChange pins;
    private final Clock clock;

    SelfHome(HotdeskCore core, WebSessions sessions, SelfPages pages, DeskSessions desks, RecentCalls calls,
             PinChange pins, Clock clock) {
        this.core = core;
        this.sessions = sessions;
        this.pages = pages;
        this.desks = desks;
        this.calls = calls;
        this.pins = pins;
        this.clock = clock;
    }

    void show(Context ctx) {
        // ConsoleSecurity guards /me/* but not /me itself, so this page checks for itself
        signedIn(ctx).ifPresent(me -> {
            String flash = sessions.takeFlash(me.session());
            boolean error = flash != null && flash.startsWith("!");
            pages.home(ctx, view(me, null, error ? flash.substring(1) : flash, error));
        });
    }

    void generateOtp(Context ctx) {
        signedIn(ctx).ifPresent(me -> {
            if (!me.user().hotDesk()) {
                // the page explains why there is no code instead of the button
                pages.home(ctx, view(me, null, null, false));
                return;
            }
            OtpCode code;
            try {
                code = core.otps().generate(me.tenantId(), me.userId(), me.principal().actor());
            } catch (HotdeskException e) {
                pages.home(ctx, view(me, null, "No code. " + PlainMessages.of(e), true));
                return;
            }
            log.info("self-service login code generated tenant={} extension={} expiresAt={}", me.tenantId(),
                    me.user().extension(), code.expiresAt());
            // Templates.page sends no-store for every page; for this one it matters most
            ctx.header("Cache-Control", "no-store");
            pages.home(ctx, view(me, otpView(me.tenant(), code), null, false));
        });
    }

    void logoutDesk(Context ctx) {
        signedIn(ctx).ifPresent(me -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                notYours(ctx);
                return;
            }
            String desk = desks.deskOf(me, id);
            switch (desks.logout(me, id)) {
                case LOGGED_OUT -> sessions.flash(me.session(), "Logged out of " + desk + ".");
                case ALREADY_ENDED -> sessions.flash(me.session(), "You were already logged out of that desk.");
                case NOT_YOURS -> {
                    log.warn("self-service logout of a foreign session refused tenant={} extension={} session={}",
                            me.tenantId(), me.user().extension(), id);
                    notYours(ctx);
                    return;
                }
            }
            ctx.redirect("/me", HttpStatus.SEE_OTHER);
        });
    }

    void logoutEverywhere(Context ctx) {
        signedIn(ctx).ifPresent(me -> {
            int ended = desks.logoutEverywhere(me);
            sessions.flash(me.session(), ended == 0 ? "You were not logged in at any desk."
                    : "Logged out of " + ended + (ended == 1 ? " desk." : " desks."));
            ctx.redirect("/me", HttpStatus.SEE_OTHER);
        });
    }

    void changePin(Context ctx) {
        signedIn(ctx).ifPresent(me -> {
            Optional<String> problem = pins.change(me, ctx.formParam("current"), ctx.formParam("pin"),
                    ctx.formParam("repeat"), ctx.ip());
            sessions.flash(me.session(), problem.map(p -> "!" + p).orElse("Your PIN was changed. Use the new PIN"
                    + " at the desk phones from now on."));
            ctx.redirect("/me", HttpStatus.SEE_OTHER);
        });
    }

    /**
     * The person's own forwarding, by the same rules as an admin's: every wrong rule marked and named at once, the
     * form kept as typed, nothing stored until all is right.
     */
    void saveForwarding(Context ctx) {
        signedIn(ctx).ifPresent(me -> {
            ForwardingForm form = ForwardingForm.of(ctx).checked(core.forwarding(), me.tenantId(), me.userId());
            if (form.ok()) {
                Forwarding saved = core.forwarding().set(me.tenantId(), me.userId(), form.request(),
                        me.principal().actor());
                log.info("self-service forwarding changed tenant={} extension={}", me.tenantId(), me.user().extension());
                sessions.flash(me.session(), saved.isNone() ? "Your calls are no longer forwarded."
                        : "Your forwarding was saved.");
            } else {
                sessions.keepForm(me.session(), form.typed());
                sessions.flash(me.session(), "!Your forwarding was not saved. Nothing was changed. "
                        + String.join(" ", form.problems().values()));
            }
            ctx.redirect("/me#forwarding", HttpStatus.SEE_OTHER);
        });
    }

    /** The employee, or empty after sending the browser to sign in. */
    private Optional<Employee> signedIn(Context ctx) {
        Optional<Employee> me = Employee.of(ctx, core, sessions);
        if (me.isEmpty()) {
            ctx.redirect("/me/login", HttpStatus.SEE_OTHER);
        }
        return me;
    }

    private MeView view(Employee me, MeView.OtpView otp, String notice, boolean error) {
        Instant now = clock.instant();
        ForwardingForm stored = ForwardingForm.of(ForwardingRequest.of(core.forwarding().get(me.tenantId(), me.userId())));
        return new MeView(me.user().name(), me.user().extension(), me.tenant().name(), me.session().csrfToken(),
                me.user().hotDesk(), otp, desks.of(me, now), calls.of(me, now), notice, error,
                ForwardingForm.kept(sessions.takeForm(me.session()), stored));
    }

    private MeView.OtpView otpView(Tenant tenant, OtpCode code) {
        Instant now = clock.instant();
        long left = Math.max(0, Duration.between(now, code.expiresAt()).toSeconds());
        long lifetime = tenant.settings().otp().lifetime().toSeconds();
        List<String> patterns = tenant.settings().featureCodes().otpLogin();
        String dial = patterns.isEmpty() ? null : patterns.get(0).replace("{otp}", code.code());
        return new MeView.OtpView(code.code(), left, lifetime, dial);
    }

    private void notYours(Context ctx) {
        pages.message(ctx, HttpStatus.FORBIDDEN, "Not your desk",
                "That session belongs to someone else, so it was left alone.");
    }
}
