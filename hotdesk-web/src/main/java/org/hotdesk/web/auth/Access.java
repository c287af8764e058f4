package org.hotdesk.web.auth;

import io.javalin.http.Context;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.access.Role;
import org.hotdesk.web.ApiException;

/**
 * The access rules every API handler applies before touching data. Tenants are sealed: a tenant admin or
 * employee naming another tenant gets 403, whether or not that tenant exists, so ids cannot be probed.
 */
public final class Access {
    static final String PRINCIPAL = "hotdesk.principal";

    private Access() {
    }

    public static void signIn(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The signed-in caller; 401 when there is none. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw ApiException.unauthorized();
        }
        return p;
    }

    public static Principal systemAdmin(Context ctx) {
        Principal p = principal(ctx);
        if (p.role() != Role.SYSTEM_ADMIN) {
            throw ApiException.forbidden("manage tenants: that takes the system admin token");
        }
        return p;
    }

    /** An admin of this tenant (or the system admin). */
    public static Principal admin(Context ctx, long tenantId) {
        Principal p = principal(ctx);
        if (!p.administers(tenantId)) {
            throw ApiException.forbidden("administer tenant " + tenantId);
        }
        return p;
    }

    /** Anyone who belongs to this tenant, or the system admin. */
    public static Principal member(Context ctx, long tenantId) {
        Principal p = principal(ctx);
        if (!p.administers(tenantId) && !(p.tenantId() != null && p.tenantId() == tenantId)) {
            throw ApiException.forbidden("read tenant " + tenantId);
        }
        return p;
    }

    /** An admin of the tenant, or the employee themselves. */
    public static Principal self(Context ctx, long tenantId, long userId) {
        Principal p = principal(ctx);
        if (!p.actsFor(tenantId, userId)) {
            throw ApiException.forbidden("act for user " + userId + " of tenant " + tenantId);
        }
        return p;
    }
}
