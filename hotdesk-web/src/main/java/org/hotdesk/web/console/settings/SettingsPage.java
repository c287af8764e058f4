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
import org.hotdesk.core.tenant.SettingsVersion;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * A tenant's policies on one page, saved all at once: either every field is valid and the whole set is
 * stored, or every wrong field is named, nothing changes, and the page opens again as it was typed.
 */
public final class SettingsPage implements WebFeature {
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();
    private static final String VERSION = "version";

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
        TenantSettings current = page.tenant().settings();
        Map<String, String> typed = sessions.takeForm(page.session());
        SettingsForm form = typed.isEmpty() ? SettingsForm.of(current) : new SettingsForm(typed);
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Settings", "settings", core, sessions));
        params.put("form", form);
        // a refused form goes back with the version it was opened at, so a colleague's save still shows up
        params.put("version", typed.containsKey(VERSION) ? typed.get(VERSION) : SettingsVersion.of(current));
        params.put("problems", typed.isEmpty() ? Map.of() : form.problems(current));
        params.put("zones", ZONES);
        params.put("withoutPinDigest", current.phoneKeyLogin() ? core.users().withoutPinDigest(page.tenantId()) : 0);
        templates.page(ctx, "console/settings.jte", params);
    }

    private void save(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Map<String, String> values = new HashMap<>();
        SettingsForm.LABELS.keySet().forEach(f -> values.put(f, ctx.formParam(f)));
        values.values().removeIf(v -> v == null);
        SettingsForm form = new SettingsForm(values);
        Map<String, String> problems = form.problems(page.tenant().settings());
        if (!problems.isEmpty()) {
            Map<String, String> typed = new HashMap<>(values);
            String version = ctx.formParam(VERSION);
            if (version != null) {
                typed.put(VERSION, version);
            }
            sessions.keepForm(page.session(), typed);
            page.flashError(sessions, refusal(problems));
            page.redirect("settings");
            return;
        }
        try {
            TenantSettings settings = form.parse();
            String version = ctx.formParam(VERSION);
            core.tenants().updateSettings(page.tenantId(), version == null || version.isBlank() ? null : version,
                    settings, page.principal().actor());
            page.flash(sessions, "Settings saved");
            page.redirect("settings");
        } catch (ConflictException e) {
            // the whole form is sent, so saving it would undo the other admin's change without anyone knowing
            page.flashError(sessions, "Not saved: someone else saved these settings after you opened this page."
                    + " They are shown below as they are now; make your change again.");
            page.redirect("settings");
        } catch (HotdeskException e) {
            page.flashError(sessions, "Not saved. " + org.hotdesk.web.pages.PlainMessages.of(e));
            page.redirect("settings");
        }
    }

    /** One wrong field is named in full; several are counted and named, each explained next to its field. */
    static String refusal(Map<String, String> problems) {
        if (problems.size() == 1) {
            Map.Entry<String, String> only = problems.entrySet().iterator().next();
            return "Not saved. " + SettingsForm.LABELS.getOrDefault(only.getKey(), only.getKey()) + ": " + only.getValue();
        }
        return "Not saved: " + problems.size() + " fields need fixing (" + String.join(", ", problems.keySet().stream()
                .map(f -> SettingsForm.LABELS.getOrDefault(f, f)).toList()) + "). Each is marked below.";
    }
}
