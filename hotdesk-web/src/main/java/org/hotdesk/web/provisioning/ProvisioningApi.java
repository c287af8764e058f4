package org.hotdesk.web.provisioning;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.hotdesk.provisioning.fetch.FetchOutcome;
import org.hotdesk.provisioning.fetch.FetchRequest;
import org.hotdesk.provisioning.fetch.ProvisioningService;

/**
 * Where phones fetch their configuration: {@code GET /provisioning/{token}/{file}} for tenants whose URL carries a
 * token, {@code GET /provisioning/{file}} with HTTP digest for tenants that use per-device credentials. Error
 * answers are short plain text a phone's log can show; none names an account or says which check failed.
 */
public final class ProvisioningApi {
    private final ProvisioningService service;
    private final HttpDigest digest;

    public ProvisioningApi(ProvisioningService service, HttpDigest digest) {
        this.service = service;
        this.digest = digest;
    }

    public void register(RoutesConfig routes) {
        routes.get("/provisioning/{token}/{file}", ctx -> fetch(ctx, ctx.pathParam("token"), ctx.pathParam("file")));
        routes.get("/provisioning/{file}", ctx -> fetch(ctx, null, ctx.pathParam("file")));
    }

    private void fetch(Context ctx, String token, String file) {
        FetchRequest request = new FetchRequest(token, file, ctx.header("User-Agent"), ctx.ip(),
                token != null ? null : digest.answer(ctx.header("Authorization"), "GET", ctx.path()).orElse(null));
        FetchOutcome outcome = service.fetch(request);
        ctx.header("Cache-Control", "no-store");
        switch (outcome) {
            case FetchOutcome.Served served -> ctx.status(HttpStatus.OK).contentType(served.contentType())
                    .result(served.body());
            case FetchOutcome.NotFound ignored -> ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain")
                    .result("not found\n");
            case FetchOutcome.Unauthorized ignored -> ctx.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", digest.challenge()).contentType("text/plain")
                    .result("authentication required\n");
            case FetchOutcome.LimitReached ignored -> ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain")
                    .result("provisioning limit reached: an administrator must reset this phone's provision counter\n");
        }
    }
}
