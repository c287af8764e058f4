package org.hotdesk.web.api.trunks;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.trunk.Trunk;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.api.Problems;
import org.hotdesk.web.auth.Access;

/**
 * A tenant's inbound trunks: calls from their source networks to one of their DIDs ring the extension the DID is
 * mapped to. A DID rings one place only, across every tenant (409 when it is taken).
 */
public final class TrunksApi implements ApiResource {
    private final HotdeskCore core;

    public TrunksApi(HotdeskCore core) {
        this.core = core;
    }

    /**
     * @param sourceCidrs the networks the trunk's calls come from, e.g. {@code 192.0.2.10/32} (at least one)
     * @param dids        each DID ({@code +14155550100}; with or without '+' is the same number) → the extension it rings
     */
    public record NewTrunkBody(String name, List<String> sourceCidrs, Map<String, String> dids) {
    }

    /** A field left out keeps its value; {@code dids} given replace all of them. */
    public record TrunkPatchBody(String name, List<String> sourceCidrs, Map<String, String> dids) {
    }

    /** @param sourceCidrs normalised, e.g. {@code 192.0.2.10/32} */
    public record TrunkView(long id, String name, List<String> sourceCidrs, Map<String, String> dids,
                            Instant createdAt) {
        static TrunkView of(Trunk t) {
            return new TrunkView(t.id(), t.name(), t.sourceCidrs(), t.dids(), t.createdAt());
        }
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants/{t}/trunks").tag("trunks")
                .summary("Add an inbound trunk: its source networks and its DIDs, each mapped to an extension")
                .access("tenant admin").body(NewTrunkBody.class).returns(TrunkView.class).status(201)
                .errors(400, 401, 403, 404, 409, 422).handle(this::create);
        api.get("/tenants/{t}/trunks").tag("trunks").summary("List the tenant's trunks, by name")
                .access("tenant admin").list(TrunkView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    core.tenants().get(t);
                    ctx.json(Paging.page(ctx, core.trunks().list(t).stream().map(TrunkView::of).toList()));
                });
        api.get("/tenants/{t}/trunks/{trunk}").tag("trunks").summary("One trunk")
                .access("tenant admin").returns(TrunkView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    ctx.json(TrunkView.of(core.trunks().get(t, trunk(ctx))));
                });
        api.patch("/tenants/{t}/trunks/{trunk}").tag("trunks")
                .summary("Rename a trunk, replace its networks or its DIDs (calls follow the change at once)")
                .access("tenant admin").body(TrunkPatchBody.class).returns(TrunkView.class)
                .errors(400, 401, 403, 404, 409, 422).handle(this::patch);
        api.delete("/tenants/{t}/trunks/{trunk}").tag("trunks")
                .summary("Remove a trunk: its DIDs ring nowhere here any more and are free for another trunk")
                .access("tenant admin").status(204).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.trunks().remove(t, trunk(ctx), p.actor());
                    ctx.status(204);
                });
    }

    private static long trunk(Context ctx) {
        return PathIds.id(ctx, "trunk", "trunk");
    }

    private void create(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        core.tenants().get(t);
        NewTrunkBody body = ctx.bodyAsClass(NewTrunkBody.class);
        Problems.refuseIfAny(core.trunks().problemsOf(t, null, body.name(), body.sourceCidrs(), body.dids()));
        Trunk trunk = core.trunks().create(t, body.name(), body.sourceCidrs(),
                body.dids() == null ? Map.of() : body.dids(), p.actor());
        ctx.status(201).json(TrunkView.of(trunk));
    }

    private void patch(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        long id = trunk(ctx);
        Trunk current = core.trunks().get(t, id);
        TrunkPatchBody body = ctx.bodyAsClass(TrunkPatchBody.class);
        if (body.name() == null && body.sourceCidrs() == null && body.dids() == null) {
            throw ApiException.badRequest("name a field to change: name, sourceCidrs or dids");
        }
        Problems.refuseIfAny(core.trunks().problemsOf(t, id, body.name() == null ? current.name() : body.name(),
                body.sourceCidrs() == null ? current.sourceCidrs() : body.sourceCidrs(),
                body.dids() == null ? current.dids() : body.dids()));
        ctx.json(TrunkView.of(core.trunks().update(t, id, body.name(), body.sourceCidrs(), body.dids(), p.actor())));
    }
}
