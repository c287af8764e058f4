package org.hotdesk.web.console;

import io.javalin.http.Context;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.pages.Frame;
import org.hotdesk.web.session.WebSession;
import org.hotdesk.web.session.WebSessions;

/**
 * One request to a console page under {@code /console/tenants/{t}/...}: the signed-in admin (checked by
 * {@link ConsoleSecurity}), the tenant they may administer, and the frame for the layout.
 */
public record ConsolePage(Context ctx, WebSession session, Tenant tenant) {
    static final String SESSION = "hotdesk.webSession";

    /** The page's tenant, after checking the signed-in admin may administer it (403 otherwise). */
    public static ConsolePage of(Context ctx, HotdeskCore core) {
        WebSession session = ctx.attribute(SESSION);
        if (session == null) {
            throw ApiException.unauthorized();
        }
        long tenantId;
        try {
            tenantId = Long.parseLong(ctx.pathParam("t"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no tenant " + ctx.pathParam("t"));
        }
        if (!session.principal().administers(tenantId)) {
            throw ApiException.forbidden("administer tenant " + tenantId);
        }
        return new ConsolePage(ctx, session, core.tenants().get(tenantId));
    }

    public Principal principal() {
        return session.principal();
    }

    public long tenantId() {
        return tenant.id();
    }

    /** The layout frame; takes the pending flash message (shown once). */
    public Frame frame(String title, String section, HotdeskCore core, WebSessions sessions) {
        String flash = sessions.takeFlash(session);
        boolean error = flash != null && flash.startsWith("!");
        List<Frame.TenantLink> tenants = core.tenants().list().stream()
                .filter(t -> principal().administers(t.id()))
                .map(t -> new Frame.TenantLink(t.id(), t.name())).toList();
        return new Frame(title, section, principal().name(), tenant.id(), tenant.name(), tenants,
                session.csrfToken(), error ? flash.substring(1) : flash, error);
    }

    /** Reports success on the next page. */
    public void flash(WebSessions sessions, String message) {
        sessions.flash(session, message);
    }

    /** Reports a failure on the next page. */
    public void flashError(WebSessions sessions, String message) {
        sessions.flash(session, "!" + message);
    }

    /** Back to a section of this tenant after a form (Post/Redirect/Get). */
    public void redirect(String sectionPath) {
        ctx.redirect("/console/tenants/" + tenant.id() + "/" + sectionPath, io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
