package org.hotdesk.web.api.sites;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.api.devices.DeviceLocation;
import org.hotdesk.web.auth.Access;

/**
 * A tenant's sites (buildings, offices): their address is the default for every desk there. A site desks still
 * use cannot be removed (409, saying how many).
 */
public final class SitesApi implements ApiResource {
    private final HotdeskCore core;

    public SitesApi(HotdeskCore core) {
        this.core = core;
    }

    /** @param location the site's address; left out: none yet */
    public record NewSiteBody(String name, DeviceLocation location) {
    }

    /**
     * A field left out keeps its value.
     *
     * @param location the whole new address: fields it leaves out are cleared
     */
    public record SitePatchBody(String name, DeviceLocation location) {
    }

    /**
     * @param dispatchable false: the address lacks country, city or street, so desks there need their own
     * @param desks        how many desks are at the site
     */
    public record SiteView(long id, String name, DeviceLocation location, boolean dispatchable, int desks,
                           Instant createdAt) {
        static SiteView of(Site s, int desks) {
            return new SiteView(s.id(), s.name(), DeviceLocation.of(s.location()), s.location().isDispatchable(), desks,
                    s.createdAt());
        }
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants/{t}/sites").tag("sites").summary("Add a site with its address")
                .access("tenant admin").body(NewSiteBody.class).returns(SiteView.class).status(201)
                .errors(400, 401, 403, 404, 409, 422).handle(this::create);
        api.get("/tenants/{t}/sites").tag("sites").summary("List the tenant's sites with how many desks each has, by name")
                .access("tenant admin").list(SiteView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    core.tenants().get(t);
                    Map<Long, Integer> desks = core.sites().deskCounts(t);
                    ctx.json(Paging.page(ctx, core.sites().list(t).stream()
                            .map(s -> SiteView.of(s, desks.getOrDefault(s.id(), 0))).toList()));
                });
        api.get("/tenants/{t}/sites/{site}").tag("sites").summary("One site")
                .access("tenant admin").returns(SiteView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    ctx.json(view(t, site(ctx)));
                });
        api.patch("/tenants/{t}/sites/{site}").tag("sites")
                .summary("Rename a site or replace its address (desks there take the new address at once)")
                .access("tenant admin").body(SitePatchBody.class).returns(SiteView.class)
                .errors(400, 401, 403, 404, 409, 422).handle(this::patch);
        api.delete("/tenants/{t}/sites/{site}").tag("sites")
                .summary("Remove a site no desk is at any more (409 while desks are there)")
                .access("tenant admin").status(204).errors(401, 403, 404, 409)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.sites().remove(t, site(ctx), p.actor());
                    ctx.status(204);
                });
    }

    private static long site(Context ctx) {
        return PathIds.id(ctx, "site", "site");
    }

    private SiteView view(long tenantId, long siteId) {
        Site s = core.sites().get(tenantId, siteId);
        return SiteView.of(s, core.sites().deskCount(tenantId, s.id()));
    }

    private void create(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        core.tenants().get(t);
        NewSiteBody body = ctx.bodyAsClass(NewSiteBody.class);
        CivicAddress location = body.location() == null ? CivicAddress.NONE : body.location().toLocation();
        Site site = core.sites().create(t, body.name(), location, p.actor());
        ctx.status(201).json(SiteView.of(site, 0));
    }

    private void patch(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        long id = site(ctx);
        core.sites().get(t, id);
        SitePatchBody body = ctx.bodyAsClass(SitePatchBody.class);
        if (body.name() == null && body.location() == null) {
            throw ApiException.badRequest("name a field to change: name or location");
        }
        core.sites().update(t, id, body.name(), body.location() == null ? null : body.location().toLocation(),
                p.actor());
        ctx.json(view(t, id));
    }
}
