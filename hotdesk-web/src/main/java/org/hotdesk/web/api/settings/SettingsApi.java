package org.hotdesk.web.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.tenant.SettingsVersion;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** A tenant's hot-desk policies, call routing, feature codes and provisioning defaults. */
public final class SettingsApi implements ApiResource {
    private final HotdeskCore core;

    public SettingsApi(HotdeskCore core) {
        this.core = core;
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/settings").tag("settings").summary("The tenant's settings")
                .access("admins of the tenant").returns(SettingsView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    answer(ctx, t, core.tenants().get(t).settings());
                });
        api.patch("/tenants/{t}/settings").tag("settings")
                .summary("Change some settings: only the fields sent change; one invalid field changes nothing. "
                        + "Send the ETag of your GET as If-Match and a change saved by someone else meanwhile "
                        + "answers 412 instead of being overwritten")
                .access("admins of the tenant").body(SettingsView.class).returns(SettingsView.class)
                .errors(400, 401, 403, 404, 409, 412, 422).handle(this::patch);
    }

    private void patch(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        Tenant tenant = core.tenants().get(t);
        String version = SettingsVersion.of(tenant.settings());
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, version)) {
            throw new ApiException(412, "precondition_failed", "the settings changed since ETag " + ifMatch.trim()
                    + " (now \"" + version + "\"); read them again and resend your change; nothing was saved");
        }
        TenantSettings changed = SettingsPatch.apply(tenant.settings(), body);
        if (!changed.equals(tenant.settings())) {
            // the merge was made on this version: a save that slipped in since is refused (409), not undone
            tenant = core.tenants().updateSettings(t, version, changed, p.actor());
        }
        answer(ctx, t, tenant.settings());
    }

    private void answer(Context ctx, long tenantId, TenantSettings settings) {
        ctx.header("ETag", "\"" + SettingsVersion.of(settings) + "\"");
        ctx.json(SettingsView.of(settings, settings.phoneKeyLogin() ? core.users().withoutPinDigest(tenantId) : null));
    }

    /** If-Match holds one or more entity tags, quoted, maybe weak (W/); "*" matches any. */
    private static boolean matches(String ifMatch, String version) {
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals("*") || t.equals("\"" + version + "\"")) return true;
        }
        return false;
    }
}
