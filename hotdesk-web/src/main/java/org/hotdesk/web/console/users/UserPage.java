package org.hotdesk.web.console.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.forwarding.ForwardingRequest;
import org.hotdesk.core.login.OtpCode;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.console.ShownOnce;
import org.hotdesk.web.pages.ForwardingForm;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * One person: name, PIN, access, where they sit, the function keys that follow them to any desk, their call
 * forwarding, and a one-time
 * login code made for them here (shown on this page once, never again).
 */
public final class UserPage implements WebFeature {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final String PLACEHOLDER = "{otp}";

    private final HotdeskCore core;
    private final Clock clock;
    private final WebSessions sessions;
    private final Templates templates;
    private final UserDirectory directory;
    private final ShownOnce<OneTimeCode> codes;

    public UserPage(HotdeskCore core, Clock clock, WebSessions sessions, Templates templates) {
        this.core = core;
        this.clock = clock;
        this.sessions = sessions;
        this.templates = templates;
        this.directory = new UserDirectory(core, clock);
        this.codes = new ShownOnce<>(clock);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/users/{u}", this::show);
        routes.post("/console/tenants/{t}/users/{u}/otp", this::createCode);
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        User user = core.users().get(page.tenantId(), UserActions.userId(ctx));
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame(user.name(), "users", core, sessions));
        params.put("user", directory.one(page.tenant(), user));
        Map<String, String> typed = sessions.takeForm(page.session());
        params.put("keys", UserKeysForm.shown(typed, core.users().keys(page.tenantId(), user.id())));
        params.put("forwarding", ForwardingForm.kept(typed, ForwardingForm.of(ForwardingRequest.of(
                core.forwarding().get(page.tenantId(), user.id())))));
        params.put("code", codes.take(page.session(), place(user)).orElse(null));
        // the code must not come back from the browser's cache either (Back, a restored tab)
        ctx.header("Cache-Control", "no-store");
        templates.page(ctx, "console/user.jte", params);
    }

    /** The same code as POST /api/v1/.../otp: earlier codes stop working; this page shows it once. */
    private void createCode(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long userId = UserActions.userId(ctx);
        try {
            User user = core.users().get(page.tenantId(), userId);
            OtpCode otp = core.otps().generate(page.tenantId(), user.id(), page.principal().actor());
            Tenant tenant = page.tenant();
            List<String> patterns = tenant.settings().featureCodes().otpLogin();
            codes.keep(page.session(), place(user), new OneTimeCode(otp.code(),
                    SECONDS.format(otp.expiresAt().atZone(tenant.settings().timeZone())),
                    tenant.settings().timeZone().getId(),
                    patterns.isEmpty() ? null : patterns.getFirst().replace(PLACEHOLDER, otp.code())), otp.expiresAt());
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.of(e));
        }
        page.redirect("users/" + userId);
    }

    private static String place(User user) {
        return "user " + user.id();
    }
}
