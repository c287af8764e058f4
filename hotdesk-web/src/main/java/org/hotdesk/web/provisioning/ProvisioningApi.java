package org.hotdesk.web.provisioning;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    private final Counter served;
    private final Counter notFound;
    private final Counter unauthorized;
    private final Counter limitReached;

    public ProvisioningApi(ProvisioningService service, HttpDigest digest) {
        // an empty composite registry hands out meters that count nothing (tests, tools without metrics)
        this(service, digest, new CompositeMeterRegistry());
    }

    /** @param metrics where fetches are counted by result ({@code hotdesk_provisioning_fetches_total}) */
    public ProvisioningApi(ProvisioningService service, HttpDigest digest, MeterRegistry metrics) {
        this.service = service;
        this.digest = digest;
        this.served = fetches(metrics, "served");
        this.notFound = fetches(metrics, "not_found");
        this.unauthorized = fetches(metrics, "unauthorized");
        this.limitReached = fetches(metrics, "limit_reached");
    }

    private static Counter fetches(MeterRegistry metrics, String result) {
        return Counter.builder("hotdesk.provisioning.fetches").description("Configuration files asked for by phones, by answer")
                .tag("result", result).register(metrics);
    }

    public void register(RoutesConfig routes) {
        routes.get("/provisioning/{token}/{file}", ctx -> fetch(ctx, ctx.pathParam("token"), ctx.pathParam("file")));
        routes.get("/provisioning/{file}", ctx -> fetch(ctx, null, ctx.pathParam("file")));
    }

    private void fetch(Context ctx, String token, String file) throws IOException {
        FetchRequest request = new FetchRequest(token, file, ctx.header("User-Agent"), ctx.ip(),
                token != null ? null : digest.answer(ctx.header("Authorization"), "GET", ctx.path()).orElse(null));
        FetchOutcome outcome = service.fetch(request);
        ctx.header("Cache-Control", "no-store");
        switch (outcome) {
            case FetchOutcome.Served rendered -> {
                served.increment();
                writeDirectly(ctx, rendered.contentType(), rendered.body());
            }
            case FetchOutcome.NotFound ignored -> {
                notFound.increment();
                ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain")
                    .result("not found\n");
            }
            case FetchOutcome.Unauthorized ignored -> {
                unauthorized.increment();
                ctx.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", digest.challenge())
                        .contentType("text/plain").result("authentication required\n");
            }
            case FetchOutcome.LimitReached ignored -> {
                limitReached.increment();
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain")
                        .result("provisioning limit reached: an administrator must reset this phone's provision counter\n");
            }
        }
    }

    /**
     * Writes a served configuration straight to the response. Javalin's own result path first decides for every
     * answer whether to compress it (a scan of the response headers and a parse of its content type per fetch: a
     * sixth of an HTTP worker's time in a profile of {@code bench/provisioning-load.sh}, 2026-12-07: 22,400 fetches/s
     * against nginx's 36,800 before, 29,600 against 34,200 after); a phone's file is a few kilobytes on the LAN.
     */
    private static void writeDirectly(Context ctx, String contentType, byte[] body) throws IOException {
        ctx.status(HttpStatus.OK).contentType(contentType);
        HttpServletResponse response = ctx.res();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
