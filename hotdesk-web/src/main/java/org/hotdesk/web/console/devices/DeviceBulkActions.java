package org.hotdesk.web.console.devices;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
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
            String done = core.ports().transactions().inTransaction(() -> {
                List<Device> desks = selected(page.tenantId(), ctx.formParams("ids"));
                return run(page.tenantId(), form, desks, page.principal().actor());
            });
            page.flash(sessions, done);
        } catch (HotdeskException e) {
            page.flashError(sessions, e.getMessage() + " — nothing was changed.");
        }
        page.redirect("devices");
    }

    /** Every ticked id, checked: a number, and a desk of this tenant. */
    private List<Device> selected(long tenantId, List<String> ids) {
        if (ids.isEmpty()) {
            throw new InvalidInputException("devices", "tick at least one desk");
        }
        List<Device> desks = new ArrayList<>();
        for (String id : ids) {
            try {
                desks.add(core.devices().get(tenantId, Long.parseLong(id)));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("devices", "'" + id + "' is not a device id");
            }
        }
        return desks;
    }

    private String run(long tenantId, DeviceForm form, List<Device> desks, Actor actor) {
        String action = form.text("action");
        int n = desks.size();
        switch (action == null ? "" : action) {
            case "logout" -> {
                int ended = 0;
                for (Device d : desks) {
                    if (core.sessions().logout(d.id(), LogoutReason.ADMIN, actor).isPresent()) ended++;
                }
                return ended == 0 ? "Nobody was logged in at the selected desks."
                        : plural(ended, "user") + " logged out.";
            }
            case "reset-counter" -> {
                counter.resetAll(tenantId, desks.stream().map(Device::id).toList(), actor);
                return "Provision counter reset on " + plural(n, "desk") + ".";
            }
            case "remove" -> {
                for (Device d : desks) core.devices().remove(tenantId, d.id(), actor);
                return plural(n, "desk") + " removed.";
            }
            case "sip-domain" -> {
                String domain = required("sipDomain", form.text("sipDomain"), "the SIP domain to set");
                for (Device d : desks) {
                    core.devices().setProvisioning(tenantId, d.id(), d.provisioning().withSipDomain(domain), actor);
                }
                return "SIP domain " + domain + " set on " + plural(n, "desk") + ".";
            }
            case "ntp-server" -> {
                String ntp = required("ntpServer", form.text("ntpServer"), "the NTP server to set");
                for (Device d : desks) {
                    core.devices().setProvisioning(tenantId, d.id(), d.provisioning().withNtpServer(ntp), actor);
                }
                return "NTP server " + ntp + " set on " + plural(n, "desk") + ".";
            }
            default -> throw new InvalidInputException("action", "choose one of the action buttons");
        }
    }

    private static String required(String field, String raw, String what) {
        String host = DeviceProvisioning.host(field, raw);
        if (host == null) throw new InvalidInputException(field, "enter " + what);
        return host;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
