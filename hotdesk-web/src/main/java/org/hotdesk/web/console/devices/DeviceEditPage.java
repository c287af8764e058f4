package org.hotdesk.web.console.devices;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceChanges;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.pages.TenantTime;
import org.hotdesk.web.session.WebSessions;

/**
 * One desk: its name, location, site and provisioning; logging a user in or out there; resetting its
 * provision counter; removing it. A gateway line shows no provisioning: it takes its gateway's.
 * Each form posts to its own path under {@code /devices/{d}/}, so none can shadow {@code /devices/import}.
 */
public final class DeviceEditPage implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;
    private final ProvisionCounter counter;
    private final ResyncOutcomes resyncs;
    private final Clock clock;

    /** @param resyncs each desk's last re-sync NOTIFY, shown with its registration */
    public DeviceEditPage(HotdeskCore core, WebSessions sessions, Templates templates, ProvisionCounter counter,
                          ResyncOutcomes resyncs, Clock clock) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
        this.counter = counter;
        this.resyncs = resyncs;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        String base = "/console/tenants/{t}/devices/{d}";
        routes.get(base, this::show);
        routes.post(base + "/save", ctx -> act(ctx, this::save));
        routes.post(base + "/timers", ctx -> act(ctx, this::timers));
        routes.post(base + "/sip-password", ctx -> act(ctx, (page, d, form, actor) -> {
            Device changed = core.devices().resetSipPassword(page.tenantId(), d.id(), actor);
            // shown once: the flash is taken by the next page and kept nowhere else
            // with digest access the phone fetches with its old password, which no longer works: it needs the new
            // one typed in
            boolean digest = page.tenant().settings().provisioning().access() == ProvisioningAccess.DIGEST;
            return "New SIP password for " + changed.sipUsername() + ": " + changed.sipPassword()
                    + " — shown only now. " + (digest ? "Phones here fetch their configuration with this password:"
                    + " enter it on the phone by hand." : "The phone gets it when it fetches its configuration.");
        }));
        routes.post(base + "/login", ctx -> act(ctx, this::login));
        routes.post(base + "/logout", ctx -> act(ctx, (page, d, form, actor) -> {
            boolean ended = core.sessions().logout(d.id(), LogoutReason.ADMIN, actor).isPresent();
            return ended ? "Logged out of " + d.name() + "." : "Nobody was logged in at " + d.name() + ".";
        }));
        routes.post(base + "/resync", ctx -> act(ctx, (page, d, form, actor) -> {
            core.devices().resync(page.tenantId(), d.id(), actor);
            return "Asked " + d.name() + " to fetch its configuration now; the outcome shows under Last re-sync.";
        }));
        routes.post(base + "/reset-counter", ctx -> act(ctx, (page, d, form, actor) -> {
            counter.reset(page.tenantId(), d.id(), actor);
            return "Provision counter of " + d.name() + " reset.";
        }));
        routes.post(base + "/remove", ctx -> act(ctx, (page, d, form, actor) -> {
            core.devices().remove(page.tenantId(), d.id(), actor);
            return d.name() + " removed.";
        }));
    }

    private void show(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        Device device = core.devices().get(page.tenantId(), deviceId(ctx));
        DeviceRows rows = new DeviceRows(core, page.tenant());
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame(device.name(), device.isGatewayLine() ? "gateways" : "devices", core, sessions));
        params.put("row", rows.row(device));
        params.put("users", rows.users());
        params.put("resync", new ResyncLine(resyncs.of(device.id()).orElse(null),
                new TenantTime(page.tenant().settings().timeZone(), clock.instant())));
        params.put("sites", core.sites().list(page.tenantId()));
        params.put("modes", List.of(ProvisioningMode.values()));
        params.put("transports", List.of(SipTransport.values()));
        params.put("timers", new DeviceTimersPanel(device.policy(),
                page.tenant().settings().sessionPolicy(), core.devices().effectiveTimers(device)));
        params.put("typed", sessions.takeForm(page.session()));
        templates.page(ctx, "console/devices_edit.jte", params);
    }

    /** One form's change; returns the message for the next page. */
    @FunctionalInterface
    private interface Action {
        String apply(ConsolePage page, Device device, DeviceForm form, Actor actor);
    }

    private void act(Context ctx, Action action) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long id = deviceId(ctx);
        Device device = core.devices().get(page.tenantId(), id);
        boolean removed = false;
        try {
            String done = action.apply(page, device, new DeviceForm(ctx), page.principal().actor());
            if (done != null) {
                page.flash(sessions, done);
            }
            removed = ctx.path().endsWith("/remove");
        } catch (HotdeskException e) {
            if (ctx.formParam("form") != null) {
                sessions.keepForm(page.session(), new DeviceForm(ctx).typed());
            }
            page.flashError(sessions, PlainMessages.nothingChanged(e));
        }
        // back to where the button was: the list, the gateways page or this desk's page
        String from = ctx.queryParam("from");
        if (removed || "list".equals(from)) {
            page.redirect(device.isGatewayLine() ? "gateways" : "devices");
        } else if ("gateways".equals(from)) {
            page.redirect("gateways");
        } else {
            page.redirect("devices/" + id);
        }
    }

    /**
     * Saves the desk form through the core's one-transaction update: only what changed is handed over (so
     * only that is written and audited), and a bad field changes nothing.
     */
    private String save(ConsolePage page, Device d, DeviceForm form, Actor actor) {
        long t = page.tenantId();
        List<HotdeskException> problems = form.problemsOfDesk(core, t, d);
        if (!problems.isEmpty()) {
            return refuse(page, form, d.name() + " not saved.", problems);
        }
        String name = form.text("name");
        if (name == null) throw new InvalidInputException("name", "is required");
        String model = form.text("model");
        boolean renamed = !name.equals(d.name()) || !Objects.equals(model, d.model());
        CivicAddress location = form.location();
        Site site = form.site(core, t);
        boolean moved = !Objects.equals(site == null ? null : site.id(), d.siteId());
        DeviceProvisioning provisioning = d.isGatewayLine() ? null : form.provisioning();
        DeviceChanges changes = new DeviceChanges(renamed ? name : null,
                renamed ? (model == null ? "" : model) : null, form.text("enabled") != null,
                location.equals(d.location()) ? null : location, moved, site,
                provisioning == null || provisioning.equals(d.provisioning()) ? null : provisioning);
        core.devices().update(t, d.id(), changes, actor);
        return name + " saved.";
    }

    /** The desk's timer overrides: a blank field is the tenant's setting; every bad field is named at once. */
    private String timers(ConsolePage page, Device d, DeviceForm form, Actor actor) {
        if (form.text("clear") != null) {
            core.devices().setPolicy(page.tenantId(), d.id(), DevicePolicyOverride.NONE, actor);
            return d.name() + " uses the tenant's timers again.";
        }
        String idle = form.text("idleLogoutMinutes");
        String max = form.text("maxSessionHours");
        String daily = form.text("dailyLogoutTime");
        List<InvalidInputException> problems = DevicePolicyOverride.problems(idle, max, daily);
        if (!problems.isEmpty()) {
            return refuse(page, form, "Timers of " + d.name() + " not changed.", List.copyOf(problems));
        }
        core.devices().setPolicy(page.tenantId(), d.id(), DevicePolicyOverride.parse(idle, max, daily), actor);
        return "Timers of " + d.name() + " saved.";
    }

    /** Names every problem at once and keeps what was typed for the page to show again; nothing is written. */
    private String refuse(ConsolePage page, DeviceForm form, String what, List<? extends HotdeskException> problems) {
        sessions.keepForm(page.session(), form.typed());
        page.flashError(sessions, what + " " + problems.stream().map(PlainMessages::of)
                .collect(Collectors.joining(" ")) + " Nothing was changed.");
        return null;
    }

    private String login(ConsolePage page, Device d, DeviceForm form, Actor actor) {
        String raw = form.text("userId");
        if (raw == null) throw new InvalidInputException("userId", "choose the user to log in");
        User user;
        try {
            user = core.users().get(page.tenantId(), Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("userId", "'" + raw + "' is not a user");
        }
        LoginResult result = core.logins().login(d.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN), actor);
        if (result instanceof LoginResult.Refused refused) {
            throw new InvalidInputException("login", user.name() + " cannot log in at " + d.name() + ": "
                    + refused.refusal().reasonPhrase());
        }
        return user.name() + " (" + user.extension() + ") logged in at " + d.name() + ".";
    }

    private static long deviceId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("d"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no device " + ctx.pathParam("d"));
        }
    }
}
