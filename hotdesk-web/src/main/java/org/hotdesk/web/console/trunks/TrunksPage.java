package org.hotdesk.web.console.trunks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.trunk.Trunk;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The trunks page: where calls from outside come in (a carrier's SIP trunk, a PBX in front), each with the networks
 * its calls come from and the DIDs it delivers, each ringing an extension; a form to add one, and a page per trunk
 * to change or remove it. A refused form opens again as typed, every wrong field marked and named.
 */
public final class TrunksPage implements WebFeature {
    private static final String PROBLEMS = "problems";

    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;

    public TrunksPage(HotdeskCore core, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/trunks", this::list);
        routes.post("/console/tenants/{t}/trunks", this::add);
        routes.get("/console/tenants/{t}/trunks/{trunk}", this::show);
        routes.post("/console/tenants/{t}/trunks/{trunk}", this::save);
        routes.post("/console/tenants/{t}/trunks/{trunk}/remove", this::remove);
    }

    private static long trunkId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("trunk"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no trunk " + ctx.pathParam("trunk"));
        }
    }

    private void list(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Map<String, String> typed = sessions.takeForm(page.session());
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("Trunks", "trunks", core, sessions));
        params.put("trunks", core.trunks().list(page.tenantId()).stream().map(TrunkRow::new).toList());
        params.put("form", TrunkForm.kept(typed, new TrunkForm("", "", "")));
        params.put("bad", bad(typed));
        params.put("open", !typed.isEmpty());
        templates.page(ctx, "console/trunks.jte", params);
    }

    private void add(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        TrunkForm form = TrunkForm.of(ctx);
        List<HotdeskException> problems = core.trunks().problemsOf(page.tenantId(), null, form.name(),
                form.cidrList(), form.didMap());
        try {
            if (problems.isEmpty()) {
                Trunk trunk = core.trunks().create(page.tenantId(), form.name(), form.cidrList(), form.didMap(),
                        page.principal().actor());
                page.flash(sessions, "Trunk " + trunk.name() + " added.");
                page.redirect("trunks");
                return;
            }
        } catch (HotdeskException e) {
            problems = List.of(e);   // a DID or name taken in the meantime
        }
        refuse(page, form, problems, "Trunk not added. ");
        page.redirect("trunks");
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Trunk trunk = core.trunks().get(page.tenantId(), trunkId(ctx));
        Map<String, String> typed = sessions.takeForm(page.session());
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame(trunk.name(), "trunks", core, sessions));
        params.put("trunk", trunk);
        params.put("form", TrunkForm.kept(typed, TrunkForm.of(trunk)));
        params.put("bad", bad(typed));
        templates.page(ctx, "console/trunk.jte", params);
    }

    private void save(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long id = trunkId(ctx);
        Trunk trunk = core.trunks().get(page.tenantId(), id);
        TrunkForm form = TrunkForm.of(ctx);
        List<HotdeskException> problems = core.trunks().problemsOf(page.tenantId(), id, form.name(),
                form.cidrList(), form.didMap());
        try {
            if (problems.isEmpty()) {
                Trunk saved = core.trunks().update(page.tenantId(), id, form.name(), form.cidrList(), form.didMap(),
                        page.principal().actor());
                page.flash(sessions, "Trunk " + saved.name() + " saved: calls follow the change at once.");
                page.redirect("trunks/" + id);
                return;
            }
        } catch (HotdeskException e) {
            problems = List.of(e);
        }
        refuse(page, form, problems, "Trunk " + trunk.name() + " not saved. ");
        page.redirect("trunks/" + id);
    }

    private void remove(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long id = trunkId(ctx);
        try {
            Trunk trunk = core.trunks().get(page.tenantId(), id);
            core.trunks().remove(page.tenantId(), id, page.principal().actor());
            page.flash(sessions, "Trunk " + trunk.name() + " removed. Its numbers ring nowhere here any more.");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.nothingChanged(e));
        }
        page.redirect("trunks");
    }

    /** The form kept as typed with the fields to mark, and every problem named in one message. */
    private void refuse(ConsolePage page, TrunkForm form, List<HotdeskException> problems, String lead) {
        Map<String, String> typed = form.typed();
        typed.put(PROBLEMS, String.join(",", TrunkForm.fieldsOf(problems)));
        sessions.keepForm(page.session(), typed);
        page.flashError(sessions, lead + "Nothing was changed.\n"
                + problems.stream().map(PlainMessages::of).collect(Collectors.joining("\n")));
    }

    private static Set<String> bad(Map<String, String> typed) {
        String fields = typed.getOrDefault(PROBLEMS, "");
        return fields.isEmpty() ? Set.of() : Set.of(fields.split(","));
    }
}
