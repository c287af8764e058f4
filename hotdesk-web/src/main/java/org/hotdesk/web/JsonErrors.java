package org.hotdesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the answers Javalin would give as plain text (unknown path, unexpected failure) JSON like every other error. */
final class JsonErrors {
    private static final Logger log = LoggerFactory.getLogger(JsonErrors.class);

    private JsonErrors() {
    }

    static void register(RoutesConfig routes) {
        // mapped from Javalin's "no route" exception rather than as an error(404) handler: that one would also
        // overwrite the body of every 404 a route answers on purpose ("no such tenant")
        routes.exception(EndpointNotFound.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND)
                .json(new ApiError("not_found", "no resource at " + ctx.method() + " " + ctx.path())));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("request failed method={} path={}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ApiError("internal_error", "the server failed to answer this request; see its log"));
        });
    }
}
