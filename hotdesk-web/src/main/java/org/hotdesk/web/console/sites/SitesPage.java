package org.hotdesk.web.console.sites;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.console.devices.DeviceForm;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The sites page: a tenant's buildings and offices with how many desks each has, a form to add one, and a page
 * per site to rename it, change its address (the default for every desk there) or remove it once no desk is there.
 */
public final class SitesPage implements WebFeature {
    /** What the new-site form's address fields show as placeholders. */
    private static final CivicAddress EXAMPLE = new CivicAddress("Head office", "DE", "Berlin", "Berlin",
            "Friedrichstraße", "68", "10117", "Block A", null, null, "+49301234560");

    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;

    public SitesPage(HotdeskCore core, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/sites", this::list);
        routes.post("/console/tenants/{t}/sites", this::add);
        routes.get("/console/tenants/{t}/sites/{site}", this::show);
        routes.post("/console/tenants/{t}/sites/{site}", this::save);
        routes.post("/console/tenants/{t}/sites/{site}/remove", this::remove);
    }

    private static long siteId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("site"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no site " + ctx.pathParam("site"));
        }
    }

    private void list(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Map<Long, Integer> desks = core.sites().deskCounts(page.tenantId());
        List<SiteRow> rows = core.sites().list(page.tenantId()).stream()
                .map(s -> new SiteRow(s, desks.getOrDefault(s.id(), 0))).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Sites", "sites", core, sessions));
        params.put("sites", rows);
        params.put("example", EXAMPLE);
        params.put("typed", sessions.takeForm(page.session()));
        templates.page(ctx, "console/sites.jte", params);
    }

    private void add(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        DeviceForm form = new DeviceForm(ctx);
        List<HotdeskException> problems = core.sites().problemsOf(page.tenantId(), null, ctx.formParam("name"),
                form::text);
        try {
            if (problems.isEmpty()) {
                Site site = core.sites().create(page.tenantId(), ctx.formParam("name"), CivicAddress.of(form::text),
                        page.principal().actor());
                page.flash(sessions, "Site " + site.name() + " added.");
                page.redirect("sites");
                return;
            }
        } catch (HotdeskException e) {
            problems = List.of(e);   // taken by someone in the meantime
        }
        // the form opens again as typed, every problem named at once
        sessions.keepForm(page.session(), form.typed());
        page.flashError(sessions, "Site not added. " + problems.stream().map(PlainMessages::of)
                .collect(Collectors.joining(" ")));
        page.redirect("sites");
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Site site = core.sites().get(page.tenantId(), siteId(ctx));
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame(site.name(), "sites", core, sessions));
        params.put("row", new SiteRow(site, core.sites().deskCount(page.tenantId(), site.id())));
        params.put("typed", sessions.takeForm(page.session()));
        templates.page(ctx, "console/site.jte", params);
    }

    private void save(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long id = siteId(ctx);
        Site site = core.sites().get(page.tenantId(), id);
        DeviceForm form = new DeviceForm(ctx);
        List<HotdeskException> problems = core.sites().problemsOf(page.tenantId(), id, ctx.formParam("name"),
                form::text);
        try {
            if (problems.isEmpty()) {
                Site saved = core.sites().update(page.tenantId(), id, ctx.formParam("name"),
                        CivicAddress.of(form::text), page.principal().actor());
                page.flash(sessions, "Site " + saved.name() + " saved: its desks use the new address at once.");
                page.redirect("sites/" + id);
                return;
            }
        } catch (HotdeskException e) {
            problems = List.of(e);
        }
        sessions.keepForm(page.session(), form.typed());
        page.flashError(sessions, "Site " + site.name() + " not saved. " + problems.stream().map(PlainMessages::of)
                .collect(Collectors.joining(" ")));
        page.redirect("sites/" + id);
    }

    private void remove(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long id = siteId(ctx);
        try {
            Site site = core.sites().get(page.tenantId(), id);
            core.sites().remove(page.tenantId(), id, page.principal().actor());
            page.flash(sessions, "Site " + site.name() + " removed.");
            page.redirect("sites");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.nothingChanged(e));
            // refused while desks are there: back to the site, which says how many; gone already: to the list
            page.redirect(e instanceof NotFoundException ? "sites" : "sites/" + id);
        }
    }
}
