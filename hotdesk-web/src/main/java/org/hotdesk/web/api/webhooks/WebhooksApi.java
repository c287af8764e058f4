package org.hotdesk.web.api.webhooks;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.webhook.Webhook;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/**
 * A tenant's event webhooks: URLs told of logins, logouts, displacements, lockouts, emergency calls and desks
 * registering, each POST signed with the webhook's secret ({@code Hotdesk-Signature}, see the README).
 */
public final class WebhooksApi implements ApiResource {
    private final HotdeskCore core;

    public WebhooksApi(HotdeskCore core) {
        this.core = core;
    }

    /**
     * @param events login, logout, displaced, locked, emergency.call, device.registered, device.unregistered
     */
    public record WebhookBody(String url, List<String> events, String description) {
    }

    /**
     * @param lastStatus the HTTP status of the latest delivery tried (null: none yet, or no answer)
     * @param pending    deliveries not yet acknowledged (retried on a growing pause, never dropped)
     */
    public record WebhookView(long id, String url, List<String> events, String description, Instant createdAt,
                              Instant lastAttemptAt, Integer lastStatus, String lastError, int pending) {
    }

    /** As {@link WebhookView}, plus the signing secret: shown only in the answer that made the webhook. */
    public record CreatedWebhookView(long id, String url, List<String> events, String description, Instant createdAt,
                                     String secret) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants/{t}/webhooks").tag("webhooks")
                .summary("Register a URL for events; the signing secret is shown only here")
                .access("tenant admin").body(WebhookBody.class).returns(CreatedWebhookView.class).status(201)
                .errors(400, 401, 403, 404, 422).handle(this::create);
        api.get("/tenants/{t}/webhooks").tag("webhooks").summary("The tenant's webhooks with their last delivery outcome")
                .access("tenant admin").list(WebhookView.class).errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    ctx.json(core.webhooks().list(t).stream().map(this::view).toList());
                });
        api.get("/tenants/{t}/webhooks/{w}").tag("webhooks").summary("One webhook with its last delivery outcome")
                .access("tenant admin").returns(WebhookView.class).errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    ctx.json(view(core.webhooks().get(t, webhook(ctx))));
                });
        api.patch("/tenants/{t}/webhooks/{w}").tag("webhooks").summary("Change a webhook's URL, events or description")
                .access("tenant admin").body(WebhookBody.class).returns(WebhookView.class)
                .errors(400, 401, 403, 404, 422).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    WebhookBody body = body(ctx);
                    ctx.json(view(core.webhooks().update(t, webhook(ctx), body.url(), body.events(), body.description(),
                            p.actor())));
                });
        api.delete("/tenants/{t}/webhooks/{w}").tag("webhooks")
                .summary("Remove a webhook and whatever it had not delivered yet").access("tenant admin")
                .status(204).errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.webhooks().delete(t, webhook(ctx), p.actor());
                    ctx.status(204);
                });
    }

    private void create(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        WebhookBody body = body(ctx);
        Webhook w = core.webhooks().create(t, body.url(), body.events(), body.description(), p.actor());
        ctx.status(201).json(new CreatedWebhookView(w.id(), w.url(), w.eventNames(), w.description(), w.createdAt(), w.secret()));
    }

    private static WebhookBody body(Context ctx) {
        WebhookBody body = ctx.bodyAsClass(WebhookBody.class);
        if (body == null) throw new InvalidInputException("body", "is required: {\"url\": ..., \"events\": [...]}");
        return body;
    }

    private WebhookView view(Webhook w) {
        return new WebhookView(w.id(), w.url(), w.eventNames(), w.description(), w.createdAt(), w.lastAttemptAt(),
                w.lastStatus(), w.lastError(), core.webhooks().pending(w.id()));
    }

    static long webhook(Context ctx) {
        return PathIds.id(ctx, "w", "webhook");
    }
}
