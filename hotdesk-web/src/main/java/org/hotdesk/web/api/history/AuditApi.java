package org.hotdesk.web.api.history;

import java.time.Instant;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.auth.Access;

/** The tenant's audit log: who changed what, when and why. */
public final class AuditApi implements ApiResource {
    /** How far back the API reads; older entries stay in the database. */
    static final int MAX_ENTRIES = 10_000;

    private final HotdeskCore core;

    public AuditApi(HotdeskCore core) {
        this.core = core;
    }

    /**
     * @param actor  who did it, e.g. {@code admin:ann@acme}, {@code user:1001}, {@code system:timers}
     * @param action dotted verb, e.g. {@code session.ended}
     */
    public record AuditView(long id, Instant at, String actor, String action, String subject, String reason,
                            String detail) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.id(), r.at(), r.actor().toString(), r.action(), r.subject(), r.reason(), r.detail());
        }
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/tenants/{t}/audit").tag("history").summary("The audit log, newest first")
                .access("admins of the tenant").list(AuditView.class)
                .query("action", "string", "only this action (session.ended) or family of actions (session)")
                .errors(401, 403, 404, 422).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    core.tenants().get(t);
                    String action = ctx.queryParam("action");
                    List<AuditView> rows = core.auditTrail().newest(t, MAX_ENTRIES).stream()
                            .filter(r -> matches(r.action(), action)).map(AuditView::of).toList();
                    ctx.json(Paging.page(ctx, rows));
                });
    }

    static boolean matches(String action, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        String w = wanted.trim();
        return action.equals(w) || action.startsWith(w.endsWith(".") ? w : w + ".");
    }
}
