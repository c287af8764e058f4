package org.hotdesk.web.api.history;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.ErrorDetail;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** Call history: the whole tenant's for admins, a person's own for them. The caller is the person, not the desk. */
public final class CallsApi implements ApiResource {
    /** How far back the API reads; the core keeps at most this many in one answer too. */
    static final int MAX_CALLS = 10_000;

    private final HotdeskCore core;

    public CallsApi(HotdeskCore core) {
        this.core = core;
    }

    /**
     * @param caller         what the callee was shown: the user's extension, or the desk's account when idle
     * @param callerUserId   who made it, or null (an idle desk dialling an emergency number)
     * @param callerDeviceId the desk it was made from, or null (a user's own phone)
     * @param calleeUserId   the user called, when the number was an extension
     * @param outcome        null while the call is up
     */
    public record CallView(long id, String callId, Instant startedAt, Instant answeredAt, Instant endedAt,
                           CallOutcome outcome, String caller, Long callerUserId, Long callerDeviceId, String dialled,
                           Long calleeUserId, Long answeredDeviceId) {
        static CallView of(CallRecord c) {
            return new CallView(c.id(), c.callId(), c.startedAt(), c.answeredAt(), c.endedAt(), c.outcome(), c.caller(),
                    c.callerUserId(), c.callerDeviceId(), c.dialled(), c.calleeUserId(), c.answeredDeviceId());
        }
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/calls").tag("history").summary("The tenant's calls, newest first")
                .access("admins of the tenant").list(CallView.class)
                .query("userId", "integer", "only calls made by or for this user")
                .errors(401, 403, 404, 422).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    core.tenants().get(t);
                    Long userId = userId(ctx);
                    if (userId != null) {
                        core.users().get(t, userId);
                    }
                    page(ctx, t, userId);
                });
        api.get("/tenants/{t}/users/{u}/calls").tag("history").summary("A user's calls, from any desk or phone, newest first")
                .access("admins of the tenant, or the employee themselves").list(CallView.class)
                .errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = PathIds.id(ctx, "u", "user");
                    Access.self(ctx, t, u);
                    core.users().get(t, u);
                    page(ctx, t, u);
                });
    }

    private void page(Context ctx, long tenantId, Long userId) {
        List<CallView> rows = core.calls().history(tenantId, userId, MAX_CALLS).stream().map(CallView::of).toList();
        ctx.json(Paging.page(ctx, rows));
    }

    private static Long userId(Context ctx) {
        String raw = ctx.queryParam("userId");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            String message = "'userId' must be a user id (a number), not '" + raw + "'";
            throw new ApiException(422, "invalid_input", message, List.of(new ErrorDetail(null, "userId", message)));
        }
    }
}
