package org.hotdesk.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.web.openapi.ApiOperation;

/**
 * Registers the REST API's routes with Javalin and records each for the OpenAPI document. Every API
 * route goes through here:
 * <pre>
 * api.get("/tenants/{t}/users").tag("users").summary("List users").access("tenant admin")
 *    .list(UserView.class).errors(401, 403, 404).handle(ctx -> ...);
 * </pre>
 */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";

    private final RoutesConfig routes;
    private final List<ApiOperation> operations = new ArrayList<>();

    public ApiRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    public Route get(String path) {
        return new Route(HandlerType.GET, path);
    }

    public Route post(String path) {
        return new Route(HandlerType.POST, path);
    }

    public Route put(String path) {
        return new Route(HandlerType.PUT, path);
    }

    public Route patch(String path) {
        return new Route(HandlerType.PATCH, path);
    }

    public Route delete(String path) {
        return new Route(HandlerType.DELETE, path);
    }

    /** Every route registered so far, in order. */
    public List<ApiOperation> operations() {
        return List.copyOf(operations);
    }

    /** One route being described; {@link #handle} registers it. */
    public final class Route {
        private final HandlerType method;
        private final String path;
        private String tag = "other";
        private String summary = "";
        private String access = "";
        private Class<?> body;
        private Class<?> response;
        private boolean list;
        private String mediaType = "application/json";
        private int status = 200;
        private final List<Integer> errors = new ArrayList<>();
        private final List<ApiOperation.QueryParameter> query = new ArrayList<>();
        private boolean authenticated = true;

        private Route(HandlerType method, String path) {
            this.method = method;
            this.path = BASE + path;
        }

        public Route tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Route summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Who may call it, in words ("tenant admin", "the employee or an admin"). */
        public Route access(String access) {
            this.access = access;
            return this;
        }

        public Route body(Class<?> body) {
            this.body = body;
            return this;
        }

        public Route returns(Class<?> response) {
            this.response = response;
            return this;
        }

        /** The answer is a JSON array (paged: {@code limit}, {@code offset}, total in {@code X-Total-Count}). */
        public Route list(Class<?> element) {
            this.response = element;
            this.list = true;
            query("limit", "integer", "at most this many (1-1000, default 100)");
            query("offset", "integer", "skip this many (default 0)");
            return this;
        }

        public Route mediaType(String mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        public Route status(int status) {
            this.status = status;
            return this;
        }

        public Route errors(Integer... codes) {
            errors.addAll(List.of(codes));
            return this;
        }

        public Route query(String name, String type, String description) {
            query.add(new ApiOperation.QueryParameter(name, type, description));
            return this;
        }

        /** Callable without a token (sign-in, the OpenAPI document itself). */
        public Route open() {
            this.authenticated = false;
            return this;
        }

        public void handle(Handler handler) {
            routes.addHttpHandler(method, path, handler);
            operations.add(new ApiOperation(method.name().toLowerCase(java.util.Locale.ROOT), path, tag, summary,
                    access, body, response, list, mediaType, status, List.copyOf(errors), List.copyOf(query),
                    authenticated));
        }
    }
}
