package org.hotdesk.web.console.gateways;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.WebFeature;
import org.hotdesk.web.console.ConsolePage;
import org.hotdesk.web.console.devices.DeviceForm;
import org.hotdesk.web.console.devices.DeviceRows;
import org.hotdesk.web.pages.PlainMessages;
import org.hotdesk.web.pages.Templates;
import org.hotdesk.web.session.WebSessions;

/**
 * The PSTN gateways page (B3Networks "PSTN Gateway"): each gateway with its analog lines, who is logged in on
 * each, and the gateway-wide protocol, SIP domain and NTP server ("single PSTN update actions"). A line's name
 * and location are edited on its device page.
 */
public final class GatewaysPage implements WebFeature {
    private final HotdeskCore core;
    private final WebSessions sessions;
    private final Templates templates;

    public GatewaysPage(HotdeskCore core, WebSessions sessions, Templates templates) {
        this.core = core;
        this.sessions = sessions;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/console/tenants/{t}/gateways", this::list);
        routes.post("/console/tenants/{t}/gateways/add", this::add);
        routes.post("/console/tenants/{t}/gateways/{g}/provisioning", this::provisioning);
        routes.post("/console/tenants/{t}/gateways/{g}/lines/add", this::addLine);
        routes.post("/console/tenants/{t}/gateways/{g}/lines/remove", this::removeLines);
        routes.post("/console/tenants/{t}/gateways/{g}/remove", this::removeGateway);
    }

    private static long gatewayId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("g"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "not_found", "no gateway " + ctx.pathParam("g"));
        }
    }

    private void addLine(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long gatewayId = gatewayId(ctx);
        try {
            String rawPort = ctx.formParam("port") == null ? "" : ctx.formParam("port").trim();
            if (!rawPort.matches("[0-9]{1,3}")) {
                throw new InvalidInputException("port", "'" + rawPort
                        + "' is not a port number (1-48)");
            }
            var line = core.gateways().addLine(page.tenantId(), gatewayId, Integer.parseInt(rawPort),
                    ctx.formParam("name"), page.principal().actor());
            page.flash(sessions, line.name() + " added on port " + line.linePort() + ". SIP account "
                    + line.sipUsername() + ", password " + line.sipPassword() + " — shown only now.");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.nothingChanged(e));
        }
        page.redirect("gateways");
    }

    /** B3Networks "bulk remove" of lines: the ticked lines of one gateway, all or none. */
    private void removeLines(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long gatewayId = gatewayId(ctx);
        try {
            var gateway = core.gateways().get(page.tenantId(), gatewayId);
            java.util.Set<Long> own = core.gateways().linesOf(gateway).stream().map(d -> d.id())
                    .collect(Collectors.toSet());
            List<Long> ids = new java.util.ArrayList<Long>();
            for (String raw : ctx.formParams("lines-" + gatewayId)) {
                long id = raw.matches("[0-9]{1,18}") ? Long.parseLong(raw) : -1;
                if (!own.contains(id)) {
                    throw new InvalidInputException("lines", "'" + raw
                            + "' is not a line of " + gateway.name());
                }
                ids.add(id);
            }
            if (ids.isEmpty()) {
                page.flashError(sessions, "Tick the lines to remove first. Nothing was changed.");
            } else {
                core.devices().bulk(page.tenantId(), ids, new org.hotdesk.core.device.BulkAction.Remove(),
                        page.principal().actor());
                page.flash(sessions, ids.size() + (ids.size() == 1 ? " line" : " lines") + " of " + gateway.name()
                        + " removed.");
            }
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.nothingChanged(e));
        }
        page.redirect("gateways");
    }

    private void removeGateway(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long gatewayId = gatewayId(ctx);
        try {
            var gateway = core.gateways().get(page.tenantId(), gatewayId);
            core.gateways().remove(page.tenantId(), gatewayId, page.principal().actor());
            page.flash(sessions, gateway.name() + " and its lines removed.");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.nothingChanged(e));
        }
        page.redirect("gateways");
    }

    private void list(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        DeviceRows rows = new DeviceRows(core, page.tenant());
        List<GatewayView> gateways = core.gateways().list(page.tenantId()).stream()
                .map(g -> new GatewayView(g, core.gateways().linesOf(g).stream().map(rows::row).toList()))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", page.frame("PSTN gateways", "gateways", core, sessions));
        params.put("gateways", gateways);
        params.put("vendors", List.of(Vendor.values()));
        params.put("transports", List.of(SipTransport.values()));
        params.put("typed", sessions.takeForm(page.session()));
        templates.page(ctx, "console/gateways.jte", params);
    }

    private void add(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        DeviceForm form = new DeviceForm(ctx);
        List<HotdeskException> problems = form.problemsOfNewGateway();
        try {
            if (problems.isEmpty()) {
                List<Device> lines = core.gateways().add(page.tenantId(), form.newDevice(), form.number("ports", 0),
                        page.principal().actor());
                // the lines' passwords are shown this once, like a desk's
                String accounts = lines.stream().map(l -> "port " + l.linePort() + " " + l.sipUsername() + " / "
                        + l.sipPassword()).collect(Collectors.joining("; "));
                String name = core.gateways().get(page.tenantId(), lines.get(0).gatewayId()).name();
                page.flash(sessions, "Gateway " + name + " added with " + lines.size() + " lines. SIP accounts, "
                        + "shown only now: " + accounts + ".");
                page.redirect("gateways");
                return;
            }
        } catch (HotdeskException e) {
            problems = List.of(e);
        }
        // the drawer opens again with what was typed, every problem named at once
        sessions.keepForm(page.session(), form.typed());
        page.flashError(sessions, "Gateway not added. " + problems.stream().map(PlainMessages::of)
                .collect(Collectors.joining(" ")));
        page.redirect("gateways");
    }

    private void provisioning(Context ctx) {
        ConsolePage page = ConsolePage.of(ctx, core);
        long gatewayId = gatewayId(ctx);
        DeviceForm form = new DeviceForm(ctx);
        try {
            DeviceProvisioning p = new DeviceProvisioning(ProvisioningMode.DIAL_CODES,
                    SipTransport.parse(form.text("transport")), form.number("sipPort", 0), form.text("sipDomain"),
                    form.text("ntpServer"));
            var g = core.gateways().update(page.tenantId(), gatewayId, ctx.formParam("name"), p,
                    page.principal().actor());
            page.flash(sessions, g.name() + " updated: its lines get the new settings on their next fetch.");
        } catch (HotdeskException e) {
            page.flashError(sessions, PlainMessages.nothingChanged(e));
        }
        page.redirect("gateways");
    }
}
