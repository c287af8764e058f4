package org.hotdesk.web.console.settings;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.SettingsVersion;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * A tenant's policies on one page, saved all at once: either every field is valid and the whole set is
 * stored, or the first wrong field is named and nothing changes.
 */
public final class SettingsPage implements WebFeature {
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;

    public SettingsPage(HotdeskCore core, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/settings", this::show);
        routes.post("/console/tenants/{t}/settings", this::save);
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        String invalid = ctx.queryParam("invalid");
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Settings", "settings", core, sessions));
        params.put("form", SettingsForm.of(page.tenant().settings()));
        params.put("version", SettingsVersion.of(page.tenant().settings()));
        params.put("invalid", invalid != null && SettingsForm.LABELS.containsKey(invalid) ? invalid : "");
        params.put("zones", ZONES);
        params.put("withoutPinDigest", page.tenant().settings().phoneKeyLogin()
                ? core.users().withoutPinDigest(page.tenantId()) : 0);
        templates.page(ctx, "console/settings.jte", params);
    }

    private void save(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Map<String, String> values = new HashMap<>();
        SettingsForm.LABELS.keySet().forEach(f -> values.put(f, ctx.formParam(f)));
        values.values().removeIf(v -> v == null);
        try {
            TenantSettings settings = new SettingsForm(values).parse();
            String version = ctx.formParam("version");
            core.tenants().updateSettings(page.tenantId(), version == null || version.isBlank() ? null : version,
                    settings, page.principal().actor());
            page.flash(sessions, "Settings saved");
            page.redirect("settings");
        } catch (ConflictException e) {
            // the whole form is sent, so saving it would undo the other admin's change without anyone knowing
            page.flashError(sessions, "Not saved: someone else saved these settings after you opened this page."
                    + " They are shown below as they are now; make your change again.");
            page.redirect("settings");
        } catch (InvalidInputException e) {
            page.flashError(sessions, "Not saved. " + SettingsForm.explain(e));
            page.redirect("settings?invalid=" + java.net.URLEncoder.encode(e.field(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (HotdeskException e) {
            page.flashError(sessions, "Not saved. " + org.hotdesk.web.pages.PlainMessages.of(e));
            page.redirect("settings");
        }
    }
}
