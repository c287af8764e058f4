package org.hotdesk.web.console.devices;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.BulkAction;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.HostName;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.session.WebSessions;

/**
 * The action bar under the desk table: log out, reset provision counters, remove, set SIP domain or NTP server
 * on the ticked desks. All or nothing: every id is checked before anything changes, and the whole action is
 * one transaction, so a desk that fails half-way rolls the others back too.
 */
public final class DeviceBulkActions implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final ProvisionCounter counter;

    public DeviceBulkActions(HotdeskCore core, WebSessions sessions, ProvisionCounter counter) {
        this.core = core;
        this.sessions = sessions;
        this.counter = counter;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/console/tenants/{t}/devices/bulk", this::apply);
    }

    private void apply(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        DeviceForm form = new DeviceForm(ctx);
        try {
            // the core checks every id first and applies the action in one transaction, or not at all
            page.flash(sessions, run(page.tenantId(), form, selected(ctx.formParams("ids")), page.principal().actor()));
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.nothingChanged(e));
        }
        page.redirect("devices");
    }

    /** Every ticked id, as a number; whether each is a desk of this tenant is the core's check. */
    private static List<Long> selected(List<String> ids) {
        if (ids.isEmpty()) {
            throw new InvalidInputException("devices", "tick at least one desk");
        }
        List<Long> parsed = new ArrayList<>();
        for (String id : ids) {
            try {
                parsed.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("devices", "'" + id + "' is not a device id");
            }
        }
        return parsed;
    }

    private String run(long tenantId, DeviceForm form, List<Long> ids, Actor actor) {
        String action = form.text("action");
        int n = new java.util.HashSet<>(ids).size();
        switch (action == null ? "" : action) {
            case "logout" -> {
                long inUse = core.devices().getAll(tenantId, ids).stream()
                        .filter(d -> core.sessions().openSessionOf(d.id()).isPresent()).count();
                core.devices().bulk(tenantId, ids, new BulkAction.Logout(), actor);
                return inUse == 0 ? "Nobody was logged in at the selected desks."
                        : plural((int) inUse, "user") + " logged out.";
            }
            case "resync" -> {
                core.devices().bulk(tenantId, ids, new BulkAction.Resync(), actor);
                return "Asked " + plural(n, "desk") + " to fetch their configuration now.";
            }
            case "reset-counter" -> {
                core.devices().getAll(tenantId, ids);
                counter.resetAll(tenantId, ids, actor);
                return "Provision counter reset on " + plural(n, "desk") + ".";
            }
            case "remove" -> {
                core.devices().bulk(tenantId, ids, new BulkAction.Remove(), actor);
                return plural(n, "desk") + " removed.";
            }
            case "sip-domain" -> {
                String domain = required("sipDomain", form.text("sipDomain"), "the SIP domain to set");
                core.devices().bulk(tenantId, ids, new BulkAction.SetSipDomain(domain), actor);
                return "SIP domain " + domain + " set on " + plural(n, "desk") + ".";
            }
            case "ntp-server" -> {
                String ntp = required("ntpServer", form.text("ntpServer"), "the NTP server to set");
                core.devices().bulk(tenantId, ids, new BulkAction.SetNtpServer(ntp), actor);
                return "NTP server " + ntp + " set on " + plural(n, "desk") + ".";
            }
            default -> throw new InvalidInputException("action", "choose one of the action buttons");
        }
    }

    private static String required(String field, String raw, String what) {
        String host = HostName.optional(field, raw);
        if (host == null) throw new InvalidInputException(field, "enter " + what);
        return host;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
