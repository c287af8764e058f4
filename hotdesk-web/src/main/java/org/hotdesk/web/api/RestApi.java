package org.hotdesk.web.api;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.auth.Access;
import org.hotdesk.web.auth.Authenticator;
import org.hotdesk.web.openapi.OpenApiDocument;

/**
 * The REST API under {@code /api/v1}: a bearer token names the caller, each resource checks what that
 * caller may do, and {@code /api/v1/openapi.json} describes every route as registered.
 */
public final class RestApi implements WebFeature {
    private final Authenticator authenticator;
    private final String version;
    private final List<ApiResource> resources;

    public RestApi(Authenticator authenticator, String version, List<ApiResource> resources) {
        this.authenticator = authenticator;
        this.version = version;
        this.resources = List.copyOf(resources);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before(ApiRoutes.BASE + "/*", ctx -> {
            String header = ctx.header("Authorization");
            if (header == null) {
                return; // open routes need none; the others answer 401 through Access
            }
            String secret = Authenticator.bearer(header);
            Access.signIn(ctx, authenticator.authenticate(secret).orElseThrow(() -> new ApiException(401,
                    "unauthorized", "the bearer token is unknown, expired or revoked")));
        });
        ApiRoutes api = new ApiRoutes(routes);
        api.get("/openapi.json").tag("meta").summary("This API described in OpenAPI 3.1").open()
                .returns(Object.class).handle(ctx -> ctx.json(OpenApiDocument.build(version, api.operations())));
        resources.forEach(r -> r.register(api));
    }
}
