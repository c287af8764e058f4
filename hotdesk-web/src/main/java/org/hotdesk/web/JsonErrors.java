package org.hotdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import java.util.stream.Collectors;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.web.pages.PlainMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON error body for every failure: the use cases' expected failures get their status (422 bad
 * input, 404 unknown, 409 conflict), a handler's {@link ApiException} its own, and the answers Javalin
 * would give as plain text (unknown path, unexpected failure) become JSON like the rest.
 */
final class JsonErrors {
    private static final Logger log = LoggerFactory.getLogger(JsonErrors.class);

    private JsonErrors() {
    }

    static void register(RoutesConfig routes) {
        // mapped from Javalin's "no route" exception rather than as an error(404) handler: that one would also
        // overwrite the body of every 404 a route answers on purpose ("no such tenant")
        routes.exception(EndpointNotFound.class, (e, ctx) -> answer(ctx, 404,
                new ApiError("not_found", "no resource at " + ctx.method() + " " + ctx.path()), null));
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.status(), e.body(), null));
        routes.exception(InvalidInputException.class, (e, ctx) -> answer(ctx, 422,
                new ApiError("invalid_input", e.getMessage(),
                        java.util.List.of(new ErrorDetail(null, e.field(), e.getMessage()))), PlainMessages.of(e)));
        routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404,
                new ApiError("not_found", e.getMessage()), PlainMessages.of(e)));
        routes.exception(ConflictException.class, (e, ctx) -> answer(ctx, 409,
                new ApiError("conflict", e.getMessage()), PlainMessages.of(e)));
        // a path that exists, asked with a method it does not take (RFC 9110 §15.5.6: 405 lists the methods in Allow)
        routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = e.getDetails().getOrDefault("availableMethods", "").replaceAll("\\s*,\\s*", ", ").trim();
            if (!allowed.isEmpty()) ctx.header("Allow", allowed);
            answer(ctx, 405, new ApiError("method_not_allowed", ctx.path() + " does not take " + ctx.method()
                    + (allowed.isEmpty() ? "" : "; it takes " + allowed)), null);
        });
        routes.exception(UnrecognizedPropertyException.class, (e, ctx) -> answer(ctx, 400,
                new ApiError("invalid_json", unknownField(e)), null));
        routes.exception(JsonProcessingException.class, (e, ctx) -> answer(ctx, 400,
                new ApiError("invalid_json", "the body is not the JSON this call takes: " + e.getOriginalMessage()), null));
        // Javalin's own (e.g. a body that is not JSON when read with bodyAsClass)
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(),
                new ApiError(e.getStatus() == 400 ? "bad_request" : "error", e.getMessage()), null));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("request failed method={} path={}", ctx.method(), ctx.path(), e);
            answer(ctx, 500, new ApiError("internal_error", "the server failed to answer this request; see its log"), null);
        });
    }

    /**
     * "unknown field 'color'; known fields: domain, name": Jackson's own message names the Java class the body was
     * read into, which says nothing to someone calling the API.
     */
    static String unknownField(UnrecognizedPropertyException e) {
        String where = e.getPath().stream().limit(Math.max(0, e.getPath().size() - 1))
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                .sorted().collect(Collectors.joining(", "));
        return "unknown field '" + e.getPropertyName() + "'" + (where.isEmpty() ? "" : " in " + where)
                + (known.isEmpty() ? "" : "; known fields: " + known);
    }

    /**
     * JSON for the API and scripts; a readable page for the console and self-service pages in a browser.
     *
     * @param plain what to tell a person, or null for the plain words of the status alone: the API's message names
     *              paths, methods and ids, which help a script's author and nobody at a browser
     */
    private static void answer(Context ctx, int status, ApiError error, String plain) {
        ctx.status(status);
        // the console's own .json answers are read by its scripts, not shown
        boolean page = (ctx.path().startsWith("/console") || ctx.path().equals("/me") || ctx.path().startsWith("/me/"))
                && !ctx.path().endsWith(".json");
        if (!page) {
            ctx.json(error);
            return;
        }
        String title = switch (status) {
            case 403 -> "Not yours to see";
            case 404 -> "Not found";
            case 401 -> "Signed out";
            default -> status >= 500 ? "Something went wrong" : "That did not work";
        };
        String text = plain != null ? plain : switch (status) {
            case 403 -> "This page belongs to a tenant you do not administer.";
            case 404 -> "There is no such page. It may have been removed, or the link is wrong.";
            case 401 -> "Your session has ended. Sign in again.";
            default -> status >= 500 ? "The server could not show this page. Try again; if it keeps happening, tell"
                    + " your administrator." : "That did not work. Go back, reload the page and try again.";
        };
        String back = ctx.path().startsWith("/me") ? "/me" : "/console";
        ctx.html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + " · hotdesk</title>"
                + "<link rel=\"stylesheet\" href=\"/static/hotdesk.css\"></head><body class=\"plain\">"
                + "<a class=\"skip-link\" href=\"#content\">Skip to content</a>"
                + "<main class=\"card narrow\" id=\"content\" tabindex=\"-1\"><h1>" + title + "</h1><p>" + escape(text)
                + "</p>"
                + "<p><a class=\"button\" href=\"" + back + "\">Back</a></p></main></body></html>");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
