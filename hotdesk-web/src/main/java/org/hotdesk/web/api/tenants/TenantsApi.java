package org.hotdesk.web.api.tenants;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.AccessToken;
import org.hotdesk.core.access.IssuedToken;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** Tenants (the system admin creates them) and their admin tokens. */
public final class TenantsApi implements ApiResource {
    private final HotdeskCore core;
    private final Function<Tenant, String> provisioningUrl;

    /** @param provisioningUrl the base URL this tenant's phones fetch their files from */
    public TenantsApi(HotdeskCore core, Function<Tenant, String> provisioningUrl) {
        this.core = core;
        this.provisioningUrl = provisioningUrl;
    }

    public record NewTenantBody(String name, String domain) {
    }

    public record TenantView(long id, String name, String domain, String provisioningUrl, Instant createdAt) {
    }

    public record NewTokenBody(String name) {
    }

    public record TokenView(long id, String name, Instant createdAt) {
        static TokenView of(AccessToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt());
        }
    }

    /** The only answer that carries the secret. */
    public record IssuedTokenView(long id, String name, String token, Instant createdAt) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants").tag("tenants").summary("Create a tenant").access("system admin")
                .body(NewTenantBody.class).returns(TenantView.class).status(201).errors(400, 401, 403, 409, 422)
                .handle(this::create);
        api.get("/tenants").tag("tenants").summary("List tenants (a tenant admin sees only their own)")
                .access("any admin").list(TenantView.class).query("q", "string", "name or domain contains")
                .errors(401, 403).handle(this::list);
        api.get("/tenants/{t}").tag("tenants").summary("One tenant, with its provisioning URL")
                .access("admins of the tenant").returns(TenantView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    ctx.json(view(core.tenants().get(t)));
                });
        api.post("/tenants/{t}/admin-tokens").tag("tenants").summary("Issue a tenant admin token (shown once)")
                .access("admins of the tenant").body(NewTokenBody.class).returns(IssuedTokenView.class).status(201)
                .errors(400, 401, 403, 404, 422).handle(this::issueToken);
        api.get("/tenants/{t}/admin-tokens").tag("tenants").summary("The tenant's admin tokens (no secrets)")
                .access("admins of the tenant").list(TokenView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    core.tenants().get(t);
                    ctx.json(Paging.page(ctx, core.access().adminTokens(t).stream().map(TokenView::of).toList()));
                });
        api.delete("/tenants/{t}/admin-tokens/{id}").tag("tenants").summary("Revoke an admin token")
                .access("admins of the tenant").status(204).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.access().revoke(t, PathIds.id(ctx, "id", "token"), p.actor());
                    ctx.status(204);
                });
    }

    private void create(Context ctx) {
        Principal p = Access.systemAdmin(ctx);
        NewTenantBody body = ctx.bodyAsClass(NewTenantBody.class);
        Tenant tenant = core.tenants().create(body.name(), body.domain(), p.actor());
        ctx.status(201).json(view(tenant));
    }

    private void list(Context ctx) {
        Principal p = Access.principal(ctx);
        if (!p.isAdmin()) {
            throw org.hotdesk.web.ApiException.forbidden("list tenants");
        }
        String q = ctx.queryParam("q");
        List<TenantView> tenants = core.tenants().list().stream()
                .filter(t -> p.administers(t.id()))
                .filter(t -> q == null || q.isBlank() || t.name().toLowerCase().contains(q.toLowerCase())
                        || t.domain().contains(q.toLowerCase()))
                .map(this::view).toList();
        ctx.json(Paging.page(ctx, tenants));
    }

    private void issueToken(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        NewTokenBody body = ctx.bodyAsClass(NewTokenBody.class);
        IssuedToken issued = core.access().issueTenantAdminToken(t, body.name(), p.actor());
        ctx.status(201).json(new IssuedTokenView(issued.token().id(), issued.token().name(), issued.secret(),
                issued.token().createdAt()));
    }

    private TenantView view(Tenant t) {
        return new TenantView(t.id(), t.name(), t.domain(), provisioningUrl.apply(t), t.createdAt());
    }
}
