package org.hotdesk.web.self;

import io.javalin.http.Context;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.web.session.WebSession;
import org.hotdesk.web.session.WebSessions;

/**
 * The employee signed in to this browser, read fresh on every request: a user disabled or removed since
 * signing in is signed out at once, not when the web session times out.
 */
record Employee(WebSession session, Tenant tenant, User user) {

    static Optional<Employee> of(Context ctx, HotdeskCore core, WebSessions sessions) {
        Optional<WebSession> session = sessions.current(ctx).filter(s -> !s.principal().isAdmin());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Principal p = session.get().principal();
        try {
            Tenant tenant = core.tenants().get(p.tenantId());
            User user = core.users().get(tenant.id(), p.userId());
            if (!user.enabled()) {
                sessions.end(ctx);
                return Optional.empty();
            }
            return Optional.of(new Employee(session.get(), tenant, user));
        } catch (NotFoundException gone) {
            sessions.end(ctx);
            return Optional.empty();
        }
    }

    long tenantId() {
        return tenant.id();
    }

    long userId() {
        return user.id();
    }

    Principal principal() {
        return session.principal();
    }
}
