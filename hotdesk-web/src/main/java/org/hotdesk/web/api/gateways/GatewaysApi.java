package org.hotdesk.web.api.gateways;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceChanges;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.api.devices.DeviceLocation;
import org.hotdesk.web.api.devices.DeviceProvisioningFields;
import org.hotdesk.web.api.devices.DeviceView;
import org.hotdesk.web.api.devices.DeviceViews;
import org.hotdesk.web.auth.Access;

/**
 * PSTN gateways (ATAs): one box, one MAC, one hot-desk device per analog port. Protocol, SIP domain and NTP
 * are set once for all its lines; each line has its own name and location.
 */
public final class GatewaysApi implements ApiResource {
    private final HotdeskCore core;
    private final ResyncOutcomes resyncs;

    /** @param resyncs each line's last re-sync NOTIFY, shown with the line */
    public GatewaysApi(HotdeskCore core, ResyncOutcomes resyncs) {
        this.core = core;
        this.resyncs = resyncs;
    }

    /** @param ports analog ports, 1 to 48: one line (a hot-desk device) each */
    public record NewGatewayBody(String mac, String name, String vendor, String model, Integer ports,
                                 DeviceLocation location, DeviceProvisioningFields provisioning) {
    }

    /** A new line with its device account; the only answer that carries its password. */
    public record CreatedLineView(long id, int port, String name, String sipUsername, String sipPassword) {
        static CreatedLineView of(Device d) {
            return new CreatedLineView(d.id(), d.linePort(), d.name(), d.sipUsername(), d.sipPassword());
        }
    }

    public record CreatedGatewayView(long id, String mac, String name, String vendor, String model,
                                     DeviceProvisioningFields provisioning, List<CreatedLineView> lines,
                                     Instant createdAt) {
    }

    /**
     * One line in a gateway's summary.
     *
     * @param status in_use, idle or unregistered
     */
    public record LineSummary(long id, int port, String name, boolean enabled, String status,
                              boolean emergencyLocationMissing) {
    }

    public record GatewayView(long id, String mac, String name, String vendor, String model,
                              DeviceProvisioningFields provisioning, List<LineSummary> lines, Instant createdAt) {
    }

    /** Protocol (transport, port), SIP domain and NTP server; a field left out keeps its value. */
    public record GatewayPatchBody(String name, DeviceProvisioningFields provisioning) {
    }

    public record NewLineBody(Integer port, String name) {
    }

    public record LinePatchBody(String name, DeviceLocation location) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants/{t}/gateways").tag("gateways")
                .summary("Add a gateway and one line per port (the lines' SIP passwords are shown only here)")
                .access("tenant admin").body(NewGatewayBody.class).returns(CreatedGatewayView.class).status(201)
                .errors(400, 401, 403, 404, 409, 422).handle(this::create);
        api.get("/tenants/{t}/gateways").tag("gateways").summary("List the tenant's gateways with their lines")
                .access("tenant admin").list(GatewayView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    core.tenants().get(t);
                    DeviceViews views = DeviceViews.ofTenant(core, resyncs, t);
                    ctx.json(Paging.page(ctx, core.gateways().list(t).stream().map(g -> view(g, views)).toList()));
                });
        api.get("/tenants/{t}/gateways/{g}").tag("gateways").summary("One gateway with its lines")
                .access("tenant admin").returns(GatewayView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    ctx.json(view(core.gateways().get(t, gateway(ctx)), DeviceViews.ofTenant(core, resyncs, t)));
                });
        api.patch("/tenants/{t}/gateways/{g}").tag("gateways")
                .summary("Rename a gateway, or change the protocol, SIP domain or NTP server of all its lines")
                .access("tenant admin").body(GatewayPatchBody.class).returns(GatewayView.class)
                .errors(400, 401, 403, 404, 422).handle(this::patch);
        api.delete("/tenants/{t}/gateways/{g}").tag("gateways")
                .summary("Remove a gateway and all its lines (whoever is logged in there is logged out)")
                .access("tenant admin").status(204).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.gateways().remove(t, gateway(ctx), p.actor());
                    ctx.status(204);
                });
        api.get("/tenants/{t}/gateways/{g}/lines").tag("gateways").summary("The gateway's lines, as devices")
                .access("tenant admin").list(DeviceView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    Gateway g = core.gateways().get(t, gateway(ctx));
                    DeviceViews views = DeviceViews.ofTenant(core, resyncs, t);
                    ctx.json(Paging.page(ctx, core.gateways().linesOf(g).stream().map(views::view).toList()));
                });
        api.post("/tenants/{t}/gateways/{g}/lines").tag("gateways")
                .summary("Add a line on a free port (its SIP password is shown only here)").access("tenant admin")
                .body(NewLineBody.class).returns(CreatedLineView.class).status(201)
                .errors(400, 401, 403, 404, 409, 422).handle(this::addLine);
        api.patch("/tenants/{t}/gateways/{g}/lines/{d}").tag("gateways").summary("Rename a line or set its location")
                .access("tenant admin").body(LinePatchBody.class).returns(DeviceView.class)
                .errors(400, 401, 403, 404, 422).handle(this::patchLine);
    }

    private static long gateway(Context ctx) {
        return PathIds.id(ctx, "g", "gateway");
    }

    private void create(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        core.tenants().get(t);
        NewGatewayBody body = ctx.bodyAsClass(NewGatewayBody.class);
        if (body.ports() == null) {
            throw new InvalidInputException("ports", "is required: how many analog ports (1 to 48)");
        }
        MacAddress mac = MacAddress.parse(body.mac());
        NewDevice request = new NewDevice(mac, body.name(), Vendor.parse(body.vendor()), body.model(),
                body.location() == null ? null : body.location().toLocation(), null,
                body.provisioning() == null ? null : body.provisioning().over(DeviceProvisioning.DEFAULT));
        List<Device> lines = core.gateways().add(t, request, body.ports(), p.actor());
        Gateway g = core.gateways().get(t, lines.get(0).gatewayId());
        ctx.status(201).json(new CreatedGatewayView(g.id(), g.mac().colonSeparated(), g.name(), g.vendor().id(),
                g.model(), DeviceProvisioningFields.of(g.provisioning()), lines.stream().map(CreatedLineView::of).toList(),
                g.createdAt()));
    }

    private void patch(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        Gateway g = core.gateways().get(t, gateway(ctx));
        GatewayPatchBody body = ctx.bodyAsClass(GatewayPatchBody.class);
        if (body.provisioning() == null && body.name() == null) {
            throw new InvalidInputException("provisioning",
                    "name or provisioning is required: name, transport, sipPort, sipDomain or ntpServer");
        }
        Gateway changed = core.gateways().update(t, g.id(), body.name(),
                body.provisioning() == null ? null : body.provisioning().over(g.provisioning()), p.actor());
        ctx.json(view(changed, DeviceViews.ofTenant(core, resyncs, t)));
    }

    private void addLine(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        long g = gateway(ctx);
        NewLineBody body = ctx.bodyAsClass(NewLineBody.class);
        if (body.port() == null) {
            throw new InvalidInputException("port", "is required (1 to 48)");
        }
        ctx.status(201).json(CreatedLineView.of(core.gateways().addLine(t, g, body.port(), body.name(),
                p.actor())));
    }

    private void patchLine(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        Gateway g = core.gateways().get(t, gateway(ctx));
        long d = PathIds.id(ctx, "d", "line");
        Device line = core.devices().get(t, d);
        if (line.gatewayId() == null || line.gatewayId() != g.id()) {
            throw new NotFoundException("line", d + " of gateway " + g.id());
        }
        LinePatchBody body = ctx.bodyAsClass(LinePatchBody.class);
        if (body.name() == null && body.location() == null) {
            throw ApiException.badRequest("name a field to change: name or location");
        }
        DeviceChanges changes = new DeviceChanges(body.name(), null, null,
                body.location() == null ? null : body.location().toLocation(), false, null, null);
        ctx.json(DeviceViews.view(core, resyncs, core.devices().update(t, line.id(), changes, p.actor())));
    }

    private GatewayView view(Gateway g, DeviceViews views) {
        List<LineSummary> lines = core.gateways().linesOf(g).stream()
                .map(d -> views.view(d))
                .map(v -> new LineSummary(v.id(), v.linePort(), v.name(), v.enabled(), v.status(),
                        v.emergencyLocationMissing()))
                .toList();
        return new GatewayView(g.id(), g.mac().colonSeparated(), g.name(), g.vendor().id(), g.model(),
                DeviceProvisioningFields.of(g.provisioning()), lines, g.createdAt());
    }
}
