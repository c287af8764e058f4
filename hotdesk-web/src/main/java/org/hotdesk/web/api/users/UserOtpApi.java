package org.hotdesk.web.api.users;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.login.OtpCode;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** One-time login codes (B3Networks): generated here, dialled at a desk with the tenant's OTP feature code. */
public final class UserOtpApi implements ApiResource {
    private static final String PLACEHOLDER = "{otp}";

    private final HotdeskCore core;
    private final Clock clock;

    public UserOtpApi(HotdeskCore core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    /**
     * The only answer that carries the code.
     *
     * @param secondsLeft how long it stays valid, counted by the server's clock (a browser's may be off)
     * @param dialString  what to dial at a desk, from the tenant's first OTP login pattern; null when the
     *                    tenant has none
     */
    public record OtpView(String code, Instant expiresAt, long secondsLeft, String dialString) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants/{t}/users/{u}/otp").tag("users").summary("A one-time login code (earlier codes stop working)")
                .access("admins of the tenant, or the employee themselves").returns(OtpView.class).status(201)
                .errors(401, 403, 404, 409).handle(this::generate);
    }

    private void generate(Context ctx) {
        long t = PathIds.tenant(ctx);
        long u = UsersApi.user(ctx);
        Principal p = Access.self(ctx, t, u);
        Tenant tenant = core.tenants().get(t);
        OtpCode otp = core.otps().generate(t, u, p.actor());
        long secondsLeft = Math.max(0, Duration.between(clock.instant(), otp.expiresAt()).toSeconds());
        ctx.status(201).json(new OtpView(otp.code(), otp.expiresAt(), secondsLeft,
                dialString(tenant.settings().featureCodes().otpLogin(), otp.code())));
    }

    static String dialString(List<String> otpPatterns, String code) {
        return otpPatterns.isEmpty() ? null : otpPatterns.getFirst().replace(PLACEHOLDER, code);
    }
}
