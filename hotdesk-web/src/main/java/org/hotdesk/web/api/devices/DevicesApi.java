package org.hotdesk.web.api.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.access.Principal;
import org.hotdesk.core.device.BulkAction;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceChanges;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.web.ApiException;
import org.hotdesk.web.api.ApiResource;
import org.hotdesk.web.api.ApiRoutes;
import org.hotdesk.web.api.Paging;
import org.hotdesk.web.api.PathIds;
import org.hotdesk.web.api.sessions.DeskSessionView;
import org.hotdesk.web.auth.Access;

/** Shared phones: adding and changing them, admin login and logout at a desk, provision counters, bulk actions. */
public final class DevicesApi implements ApiResource {
    private static final List<String> STATUSES = List.of("idle", "in_use", "unregistered");
    private final HotdeskCore core;
    private final ProvisionCounter counter;
    private final ResyncOutcomes resyncs;

    public DevicesApi(HotdeskCore core, ProvisionCounter counter, ResyncOutcomes resyncs) {
        this.core = core;
        this.counter = counter;
        this.resyncs = resyncs;
    }

    public record NewDeviceBody(String mac, String name, String vendor, String model, DeviceLocation location,
                                Long siteId, DeviceProvisioningFields provisioning) {
    }

    /** The only answer that carries the device account's password. */
    public record CreatedDeviceView(long id, String mac, String name, String vendor, String model, String sipUsername,
                                    String sipPassword, DeviceLocation location, Long siteId,
                                    DeviceProvisioningFields provisioning, Instant createdAt) {
    }

    /**
     * Every field optional; {@code "siteId": null} takes the desk off its site. In {@code timers} each named timer is
     * set, null gives it back to the tenant's setting, an unnamed one is kept; {@code "timers": null} clears all.
     */
    public record DevicePatchBody(String name, String model, Boolean enabled, DeviceLocation location, Long siteId,
                                  DeviceProvisioningFields provisioning, DeviceTimers timers) {
    }

    /** The device account's new password: shown only in this answer. */
    public record NewSipPasswordView(long id, String sipUsername, String sipPassword) {
    }

    public record AdminLoginBody(Long userId) {
    }

    /**
     * @param action remove, reset_counter, logout, set_sip_domain or set_ntp
     * @param value  the SIP domain or NTP server for set_sip_domain and set_ntp ("" = the tenant's again)
     */
    public record DeviceBulkBody(String action, List<Long> deviceIds, String value) {
    }

    /** @param changed how many devices the action applied to (a counter reset counts every line of a gateway) */
    public record DeviceBulkResult(String action, int changed, List<Long> deviceIds) {
    }

    @Override
    public void register(ApiRoutes api) {
        api.post("/tenants/{t}/devices").tag("devices").summary("Add a phone (its SIP password is shown only here)")
                .access("tenant admin").body(NewDeviceBody.class).returns(CreatedDeviceView.class).status(201)
                .errors(400, 401, 403, 404, 409, 422).handle(this::create);
        api.get("/tenants/{t}/devices").tag("devices").summary("List the tenant's devices (gateway lines included)")
                .access("tenant admin").list(DeviceView.class)
                .query("q", "string", "name, MAC or location contains")
                .query("status", "string", "idle, in_use or unregistered")
                .query("vendor", "string", "yealink, poly, snom, grandstream, cisco, fanvil or generic")
                .errors(401, 403, 404, 422).handle(this::list);
        api.post("/tenants/{t}/devices/bulk").tag("devices")
                .summary("One action on many devices, all or none (remove, reset_counter, logout, set_sip_domain, set_ntp)")
                .access("tenant admin").body(DeviceBulkBody.class).returns(DeviceBulkResult.class)
                .errors(400, 401, 403, 404, 422).handle(this::bulk);
        api.get("/tenants/{t}/devices/{d}").tag("devices").summary("One device, with its registration, session and last re-sync NOTIFY")
                .access("tenant admin").returns(DeviceView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Access.admin(ctx, t);
                    ctx.json(DeviceViews.view(core, resyncs, core.devices().get(t, device(ctx))));
                });
        api.patch("/tenants/{t}/devices/{d}").tag("devices")
                .summary("Change name, model, enabled, location, site, provisioning or timers (all or nothing)")
                .access("tenant admin").body(DevicePatchBody.class).returns(DeviceView.class)
                .errors(400, 401, 403, 404, 422).handle(this::patch);
        api.delete("/tenants/{t}/devices/{d}").tag("devices")
                .summary("Remove a device (whoever is logged in there is logged out)").access("tenant admin")
                .status(204).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.devices().remove(t, device(ctx), p.actor());
                    ctx.status(204);
                });
        api.put("/tenants/{t}/devices/{d}/session").tag("sessions")
                .summary("Log a user in at the desk (admin login); a refusal is 409 with its reason")
                .access("tenant admin").body(AdminLoginBody.class).returns(DeskSessionView.class)
                .errors(400, 401, 403, 404, 409, 422).handle(this::login);
        api.delete("/tenants/{t}/devices/{d}/session").tag("sessions")
                .summary("Log out whoever is logged in at the desk; 404 when no one is").access("tenant admin")
                .status(204).errors(401, 403, 404).handle(this::logout);
        api.post("/tenants/{t}/devices/{d}/resync").tag("devices")
                .summary("Ask the phone to fetch its configuration now (a re-sync NOTIFY; the outcome shows as lastResync)")
                .access("tenant admin").status(202).errors(401, 403, 404).handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    core.devices().resync(t, device(ctx), p.actor());
                    ctx.status(202);
                });
        api.post("/tenants/{t}/devices/{d}/sip-password").tag("devices")
                .summary("Give the device account a new SIP password (shown only in this answer; the phone gets it by"
                        + " re-provisioning, the old one is refused)")
                .access("tenant admin").returns(NewSipPasswordView.class).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    Device d = core.devices().resetSipPassword(t, device(ctx), p.actor());
                    ctx.header("Cache-Control", "no-store");
                    ctx.json(new NewSipPasswordView(d.id(), d.sipUsername(), d.sipPassword()));
                });
        api.post("/tenants/{t}/devices/{d}/provision-counter/reset").tag("devices")
                .summary("Reset the provision counter (all lines, for a gateway line)").access("tenant admin")
                .status(204).errors(401, 403, 404)
                .handle(ctx -> {
                    long t = PathIds.tenant(ctx);
                    Principal p = Access.admin(ctx, t);
                    counter.reset(t, device(ctx), p.actor());
                    ctx.status(204);
                });
    }

    private static long device(Context ctx) {
        return PathIds.id(ctx, "d", "device");
    }

    private void create(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        core.tenants().get(t);
        NewDeviceBody body = ctx.bodyAsClass(NewDeviceBody.class);
        NewDevice request = new NewDevice(MacAddress.parse(body.mac()), body.name(), Vendor.parse(body.vendor()),
                body.model(), body.location() == null ? null : body.location().toLocation(), null,
                body.provisioning() == null ? null : body.provisioning().over(DeviceProvisioning.DEFAULT));
        Site site = site(t, body.siteId());
        Device device = core.devices().add(t, request, site, p.actor());
        ctx.status(201).json(new CreatedDeviceView(device.id(), device.mac().colonSeparated(), device.name(),
                device.vendor().id(), device.model(), device.sipUsername(), device.sipPassword(),
                DeviceLocation.of(device.location()), device.siteId(), DeviceProvisioningFields.of(device.provisioning()),
                device.createdAt()));
    }

    private void list(Context ctx) {
        long t = PathIds.tenant(ctx);
        Access.admin(ctx, t);
        core.tenants().get(t);
        String q = blankToNull(ctx.queryParam("q"));
        String status = blankToNull(ctx.queryParam("status"));
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "'" + status + "' is not one of idle, in_use, unregistered");
        }
        String vendorParam = blankToNull(ctx.queryParam("vendor"));
        Vendor vendor = vendorParam == null ? null : Vendor.parse(vendorParam);
        DeviceViews views = DeviceViews.ofTenant(core, resyncs, t);
        List<DeviceView> devices = core.devices().list(t).stream()
                .filter(d -> vendor == null || d.vendor() == vendor)
                .filter(d -> status == null || views.status(d).equals(status))
                .filter(d -> q == null || matches(d, q.toLowerCase(Locale.ROOT)))
                .map(views::view).toList();
        ctx.json(Paging.page(ctx, devices));
    }

    private boolean matches(Device d, String q) {
        CivicAddress l = core.devices().addressOf(d);
        return Stream.of(d.name(), d.mac().value(), d.mac().colonSeparated(), l.description(), l.city(), l.street(),
                        l.building(), l.floor(), l.room(), l.postalCode())
                .filter(Objects::nonNull).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(q));
    }

    private void patch(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        Device device = core.devices().get(t, device(ctx));
        JsonNode raw = ctx.bodyAsClass(JsonNode.class);
        if (raw == null || !raw.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object of the fields to change");
        }
        // timers are read from the raw JSON: a named null (back to the tenant's) differs from an absent field
        JsonNode timers = ((ObjectNode) raw).remove("timers");
        boolean changeTimers = timers != null;
        DevicePatchBody body = ctx.jsonMapper().fromJsonString(raw.toString(), DevicePatchBody.class);
        // every value is parsed before anything changes; the core checks the rest in one transaction
        boolean changeSite = raw.has("siteId");
        DeviceChanges changes = new DeviceChanges(body.name(), body.model(), body.enabled(),
                body.location() == null ? null : body.location().toLocation(), changeSite,
                changeSite ? site(t, body.siteId()) : null,
                body.provisioning() == null ? null : body.provisioning().over(device.provisioning()),
                changeTimers ? timers(timers, device.policy()) : null);
        ctx.json(DeviceViews.view(core, resyncs, core.devices().update(t, device.id(), changes, p.actor())));
    }

    private static final List<String> TIMERS = List.of("idleLogoutMinutes", "maxSessionHours", "dailyLogoutTime");

    /** The desk's overrides after a PATCH's {@code timers}: named ones set or cleared, the others kept. */
    private static DevicePolicyOverride timers(JsonNode patch, DevicePolicyOverride current) {
        if (patch.isNull()) {
            return DevicePolicyOverride.NONE;
        }
        if (!patch.isObject()) {
            throw new InvalidInputException("timers", "must be an object of idleLogoutMinutes, maxSessionHours and"
                    + " dailyLogoutTime, or null for the tenant's");
        }
        patch.fieldNames().forEachRemaining(f -> {
            if (!TIMERS.contains(f)) {
                throw new InvalidInputException("timers." + f, "is not a timer; use one of " + String.join(", ", TIMERS));
            }
        });
        DevicePolicyOverride now = current == null ? DevicePolicyOverride.NONE : current;
        return DevicePolicyOverride.parse(
                text(patch, "idleLogoutMinutes", now.idleLogoutMinutes() == null ? null : now.idleLogoutMinutes().toString()),
                text(patch, "maxSessionHours", now.maxSessionHours() == null ? null : now.maxSessionHours().toString()),
                text(patch, "dailyLogoutTime", now.dailyLogoutTime() == null ? null : now.dailyLogoutTime().toString()));
    }

    private static String text(JsonNode patch, String field, String kept) {
        if (!patch.has(field)) return kept;
        JsonNode v = patch.get(field);
        return v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private void login(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        Device device = core.devices().get(t, device(ctx));
        AdminLoginBody body = ctx.bodyAsClass(AdminLoginBody.class);
        if (body.userId() == null) {
            throw new InvalidInputException("userId", "is required");
        }
        User user = user(t, body.userId());
        LoginResult result = core.logins().login(device.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN),
                p.actor());
        switch (result) {
            case LoginResult.LoggedIn in -> ctx.json(DeskSessionView.of(in.session(), device, user));
            case LoginResult.Refused refused -> throw new ApiException(409, "login_refused",
                    refused.refusal().reasonPhrase());
        }
    }

    private void logout(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        Device device = core.devices().get(t, device(ctx));
        // 404 rather than a silent 204: a script that logs out the wrong desk should hear about it
        core.sessions().logout(device.id(), LogoutReason.ADMIN, p.actor()).orElseThrow(() -> new ApiException(404,
                "not_found", "no one is logged in at " + device.name()));
        ctx.status(204);
    }

    private void bulk(Context ctx) {
        long t = PathIds.tenant(ctx);
        Principal p = Access.admin(ctx, t);
        DeviceBulkBody body = ctx.bodyAsClass(DeviceBulkBody.class);
        String action = body.action() == null ? "" : body.action().trim().toLowerCase(Locale.ROOT);
        int changed = switch (action) {
            case "reset_counter" -> {
                // the counter lives with provisioning; the unknown ids are named here, as for the other actions
                core.devices().getAll(t, body.deviceIds());
                yield counter.resetAll(t, body.deviceIds(), p.actor());
            }
            case "remove" -> core.devices().bulk(t, body.deviceIds(), new BulkAction.Remove(), p.actor()).size();
            case "logout" -> core.devices().bulk(t, body.deviceIds(), new BulkAction.Logout(), p.actor()).size();
            case "resync" -> core.devices().bulk(t, body.deviceIds(), new BulkAction.Resync(), p.actor()).size();
            case "set_sip_domain" -> core.devices().bulk(t, body.deviceIds(),
                    new BulkAction.SetSipDomain(requireValue(body)), p.actor()).size();
            case "set_ntp" -> core.devices().bulk(t, body.deviceIds(),
                    new BulkAction.SetNtpServer(requireValue(body)), p.actor()).size();
            default -> throw new InvalidInputException("action", "'" + body.action()
                    + "' is not one of remove, reset_counter, logout, resync, set_sip_domain, set_ntp");
        };
        ctx.json(new DeviceBulkResult(action, changed, body.deviceIds().stream().distinct().toList()));
    }

    private static String requireValue(DeviceBulkBody body) {
        if (body.value() == null) {
            throw new InvalidInputException("value", "is required for " + body.action()
                    + " (\"\" sets the tenant's default again)");
        }
        return body.value();
    }

    /** A site named in a body: unknown is bad input (422), not a missing page. */
    private Site site(long tenantId, Long siteId) {
        if (siteId == null) {
            return null;
        }
        try {
            return core.sites().get(tenantId, siteId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("siteId", "no site " + siteId + " in this tenant");
        }
    }

    private User user(long tenantId, long userId) {
        try {
            return core.users().get(tenantId, userId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("userId", "no user " + userId + " in this tenant");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
