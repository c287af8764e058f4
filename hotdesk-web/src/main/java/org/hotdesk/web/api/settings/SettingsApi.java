package org.hotdesk.web.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
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
                    ctx.json(SettingsView.of(core.tenants().get(t).settings()));
                });
        api.patch("/tenants/{t}/settings").tag("settings")
                .summary("Change some settings: only the fields sent change; one invalid field changes nothing")
                .access("admins of the tenant").body(SettingsView.class).returns(SettingsView.class)
                .errors(400, 401, 403, 404, 422).handle(this::patch);
    }

    private void patch(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        Tenant tenant = core.tenants().get(t);
        TenantSettings changed = SettingsPatch.apply(tenant.settings(), body);
        if (!changed.equals(tenant.settings())) {
            tenant = core.tenants().updateSettings(t, changed, p.actor());
        }
        ctx.json(SettingsView.of(tenant.settings()));
    }
}
