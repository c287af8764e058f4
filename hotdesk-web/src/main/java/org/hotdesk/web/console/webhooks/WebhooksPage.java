package org.hotdesk.web.console.webhooks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.webhook.Webhook;
import org.hotdesk.core.webhook.WebhookEvent;
import org.hotdesk.core.webhook.Webhooks;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The tenant's event webhooks in the console: each URL with the events it gets and how its last delivery went;
 * adding one shows its signing secret this once; removing one drops what it had not delivered.
 */
public final class WebhooksPage implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;

    public WebhooksPage(HotdeskCore core, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
    }

    /** One row of the list. */
    public record Row(Webhook webhook, List<String> events, int pending) {
        public String outcome() {
            if (webhook.lastAttemptAt() == null) return "nothing sent yet";
            if (webhook.lastError() == null) return "delivered (HTTP " + webhook.lastStatus() + ")";
            return "failed: " + webhook.lastError();
        }

        public boolean failing() {
            return webhook.lastAttemptAt() != null && webhook.lastError() != null;
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/webhooks", this::list);
        routes.post("/console/tenants/{t}/webhooks/add", this::add);
        routes.post("/console/tenants/{t}/webhooks/{w}/remove", this::remove);
    }

    private void list(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        List<Row> rows = core.webhooks().list(page.tenantId()).stream()
                .map(w -> new Row(w, w.eventNames(),
                        core.webhooks().pending(w.id())))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Event webhooks", "webhooks", core, sessions));
        params.put("rows", rows);
        params.put("events", List.of(WebhookEvent.values()));
        params.put("typed", sessions.takeForm(page.session()));
        templates.page(ctx, "console/webhooks.jte", params);
    }

    private void add(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        String url = ctx.formParam("url");
        List<String> events = ctx.formParams("events");
        String description = ctx.formParam("description");
        List<? extends HotdeskException> problems = Webhooks.problemsOf(url, events, description);
        try {
            if (problems.isEmpty()) {
                Webhook w = core.webhooks().create(page.tenantId(), url, events, description, page.principal().actor());
                page.flash(sessions, "Webhook added for " + w.url() + ". Its signing secret, shown only now: "
                        + w.secret());
                page.redirect("webhooks");
                return;
            }
        } catch (HotdeskException e) {
            problems = List.of(e);
        }
        // the form opens again as typed, every problem named at once
        sessions.keepForm(page.session(), Map.of("url", url == null ? "" : url,
                "description", description == null ? "" : description, "events", String.join(",", events)));
        page.flashError(sessions, "Webhook not added. " + problems.stream()
                .map(e -> e instanceof InvalidInputException i && i.field().equals("events") && events.isEmpty()
                        ? "Tick at least one event to send." : PlainMessages.of(e))
                .collect(Collectors.joining(" ")));
        page.redirect("webhooks");
    }

    private void remove(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("w"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no webhook " + ctx.pathParam("w"));
        }
        try {
            Webhook w = core.webhooks().get(page.tenantId(), id);
            core.webhooks().delete(page.tenantId(), id, page.principal().actor());
            page.flash(sessions, "Webhook for " + w.url() + " removed.");
        } catch (HotdeskException e) {
            page.flashError(sessions, e.getMessage() + " — nothing was changed.");
        }
        page.redirect("webhooks");
    }
}
