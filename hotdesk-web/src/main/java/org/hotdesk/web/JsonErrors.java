package org.hotdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
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
        routes.exception(EndpointNotFound.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(new ApiError("not_found", "no resource at " + ctx.method() + " " + ctx.path())));
        routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        routes.exception(InvalidInputException.class, (e, ctx) -> ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .json(new ApiError("invalid_input", e.getMessage(),
                        java.util.List.of(new ErrorDetail(null, e.field(), e.getMessage())))));
        routes.exception(NotFoundException.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(new ApiError("not_found", e.getMessage())));
        routes.exception(ConflictException.class, (e, ctx) -> ctx.status(HttpStatus.CONFLICT)
                .json(new ApiError("conflict", e.getMessage())));
        routes.exception(JsonProcessingException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ApiError("invalid_json", "the body is not the JSON this call takes: "
                        + e.getOriginalMessage())));
        // Javalin's own (e.g. a body that is not JSON when read with bodyAsClass)
        routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(new ApiError(e.getStatus() == 400 ? "bad_request" : "error", e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("request failed method={} path={}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ApiError("internal_error", "the server failed to answer this request; see its log"));
        });
    }
}
