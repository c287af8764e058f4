package org.hotdesk.web.api.forwarding;

import io.javalin.http.Context;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.ForwardingRequest;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.api.Problems;
import org.hotdesk.web.auth.Access;

/** A person's call forwarding, read and replaced by an admin of the tenant or by the person themselves. */
public final class ForwardingApi implements ApiResource {
    private final HotdeskCore core;

    public ForwardingApi(HotdeskCore core) {
        this.core = core;
    }

    /**
     * Each rule null (not forwarded) or a target: an extension ({@code "1002"}), a number outside
     * ({@code "+4930123456"}, needs the tenant's outboundTrunkUri) or {@code "voicemail"} (needs its voicemailUri).
     * Reading and replacing take the same shape; a rule left out of a PUT is cleared.
     *
     * @param always      every call, before any phone rings
     * @param busy        when the person's phones answer busy
     * @param noAnswer    when nobody answers within {@code afterSeconds}
     * @param unreachable when the person is logged in nowhere and no phone of theirs is registered
     */
    public record ForwardingView(String always, String busy, NoAnswerView noAnswer, String unreachable) {
        static ForwardingView of(Forwarding f) {
            ForwardingRequest r = ForwardingRequest.of(f);
            return new ForwardingView(r.always(), r.busy(), r.noAnswer() == null ? null
                    : new NoAnswerView(r.noAnswer().target(), r.noAnswer().afterSeconds()), r.unreachable());
        }

        ForwardingRequest request() {
            return new ForwardingRequest(always, busy, noAnswer == null ? null
                    : new ForwardingRequest.NoAnswerText(noAnswer.target(), noAnswer.afterSeconds()), unreachable);
        }
    }

    /** @param afterSeconds 5 to 120; left out: 20 */
    public record NoAnswerView(String target, Integer afterSeconds) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/users/{u}/forwarding").tag("users").summary("The user's call forwarding")
                .access("admins of the tenant, or the employee themselves").returns(ForwardingView.class)
                .errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    long u = user(ctx);
                    Access.self(ctx, t, u);
                    ctx.json(ForwardingView.of(core.forwarding().get(t, u)));
                });
        api.put("/tenants/{t}/users/{u}/forwarding").tag("users")
                .summary("Replace the user's call forwarding; every wrong rule is named (422) and nothing changes")
                .access("admins of the tenant, or the employee themselves").body(ForwardingView.class)
                .returns(ForwardingView.class).errors(400, 401, 403, 404, 422).handle(this::replace);
    }

    private static long user(Context ctx) {
        return PathIds.id(ctx, "u", "user");
    }

    private void replace(Context ctx) {
        long t = PathIds.tenant(ctx);
        long u = user(ctx);
        Principal p = Access.self(ctx, t, u);
        ForwardingRequest request = ctx.bodyAsClass(ForwardingView.class).request();
        Problems.refuseIfAny(core.forwarding().problemsOf(t, u, request));
        ctx.json(ForwardingView.of(core.forwarding().set(t, u, request, p.actor())));
    }
}
