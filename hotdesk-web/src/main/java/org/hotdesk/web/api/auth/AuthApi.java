package org.hotdesk.web.api.auth;

import io.javalin.http.Context;
import java.time.Instant;
import org.hotdesk.core.access.AccessService;
import org.hotdesk.core.access.IssuedToken;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.auth.Access;

/**
 * Signing in: employees trade extension and PIN for a token of 12 hours (wrong PINs count towards the
 * same lockout as at a desk, and towards the per-address limit); anyone can ask who a token stands for.
 */
public final class AuthApi implements ApiResource {
    private final AccessService access;
    private final SourceGuard guard;

    public AuthApi(AccessService access, SourceGuard guard) {
        this.access = access;
        this.guard = guard;
    }

    public record SignInBody(String tenant, String extension, String pin) {
    }

    public record TokenView(String token, Instant expiresAt, long tenantId, long userId) {
    }

    public record PrincipalView(String role, Long tenantId, Long userId, String name) {
        static PrincipalView of(Principal p) {
            return new PrincipalView(p.role().name().toLowerCase(java.util.Locale.ROOT), p.tenantId(), p.userId(),
                    p.name());
        }
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/auth/token").tag("auth").open().summary("An employee signs in with tenant, extension and PIN")
                .access("anyone").body(SignInBody.class).returns(TokenView.class).status(201).errors(400, 401, 429)
                .handle(this::signIn);
        api.get("/me").tag("auth").summary("Who the bearer token stands for").access("any token")
                .returns(PrincipalView.class).errors(401)
                .handle(ctx -> ctx.json(PrincipalView.of(Access.principal(ctx))));
    }

    private void signIn(Context ctx) {
        String source = ctx.ip();
        if (guard.isBlocked(source)) {
            throw new ApiException(429, "too_many_attempts",
                    "too many failed sign-ins from this address; try again later");
        }
        SignInBody body = ctx.bodyAsClass(SignInBody.class);
        SignIn result = access.signIn(body.tenant(), body.extension(), body.pin());
        switch (result) {
            case SignIn.SignedIn in -> {
                IssuedToken issued = access.issueEmployeeToken(in.user());
                ctx.status(201).json(new TokenView(issued.secret(), issued.token().expiresAt(), in.user().tenantId(),
                        in.user().id()));
            }
            case SignIn.Refused refused -> {
                guard.failed(source, "web sign-in");
                throw new ApiException(401, "sign_in_refused", refused.refusal().reasonPhrase());
            }
        }
    }
}
