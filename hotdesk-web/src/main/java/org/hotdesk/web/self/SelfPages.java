package org.hotdesk.web.self;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import org.hotdesk.web.pages.Templates;

/** Renders the self-service templates ({@code src/main/jte/self}); every page is no-store (see {@link Templates}). */
final class SelfPages {
    private final Templates templates;

    SelfPages(Templates templates) {
        this.templates = templates;
    }

    /** @param next the page to return to after signing in (already checked), or null */
    void login(Context ctx, HttpStatus status, String tenant, String extension, String error, String next) {
        Map<String, Object> params = new HashMap<>();
        params.put("next", next);
        params.put("tenant", tenant);
        params.put("extension", extension);
        params.put("error", error);
        ctx.status(status);
        templates.page(ctx, "self/login.jte", params);
    }

    void home(Context ctx, MeView view) {
        templates.page(ctx, "self/home.jte", Map.of("view", view));
    }

    void message(Context ctx, HttpStatus status, String title, String text) {
        ctx.status(status);
        templates.page(ctx, "self/message.jte", Map.of("title", title, "text", text));
    }
}
