package org.hotdesk.web.api.devices;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.user.User;

/**
 * Builds {@link DeviceView}s. A list reads the tenant's sessions, bindings, users and gateways once, rather
 * than once per desk.
 */
public final class DeviceViews {
    private final HotdeskCore core;
    private final ResyncOutcomes resyncs;
    private final Map<Long, Session> sessions;
    private final Map<Long, Registration> registrations;
    private final Map<Long, User> users;
    private final Map<Long, Gateway> gateways;
    private final int provisionLimit;

    private DeviceViews(HotdeskCore core, ResyncOutcomes resyncs, long tenantId, List<Session> sessions,
                        List<Registration> registrations, List<User> users, List<Gateway> gateways) {
        this.core = core;
        this.resyncs = resyncs;
        this.sessions = sessions.stream().collect(Collectors.toMap(Session::deviceId, Function.identity(), (a, b) -> b));
        // bindings come oldest first: the newest one wins
        this.registrations = registrations.stream().filter(r -> r.deviceId() != null)
                .collect(Collectors.toMap(Registration::deviceId, Function.identity(), (a, b) -> b));
        this.users = users.stream().collect(Collectors.toMap(User::id, Function.identity()));
        this.gateways = gateways.stream().collect(Collectors.toMap(Gateway::id, Function.identity()));
        this.provisionLimit = core.tenants().get(tenantId).settings().provisioning().fetchLimit();
    }

    /** For a whole tenant's list. */
    public static DeviceViews ofTenant(HotdeskCore core, ResyncOutcomes resyncs, long tenantId) {
        return new DeviceViews(core, resyncs, tenantId, core.sessions().listOpen(tenantId),
                core.registrations().inTenant(tenantId), core.users().list(tenantId),
                core.gateways().list(tenantId));
    }

    /** For one desk: reads only what concerns it. */
    public static DeviceViews ofDevice(HotdeskCore core, ResyncOutcomes resyncs, Device device) {
        long tenantId = device.tenantId();
        Optional<Session> session = core.sessions().openSessionOf(device.id());
        return new DeviceViews(core, resyncs, tenantId, session.stream().toList(), core.registrations().ofDevice(device.id()),
                session.map(s -> core.users().get(tenantId, s.userId())).stream().toList(),
                device.gatewayId() == null ? List.of() : List.of(core.gateways().get(tenantId, device.gatewayId())));
    }

    public static DeviceView view(HotdeskCore core, ResyncOutcomes resyncs, Device device) {
        return ofDevice(core, resyncs, device).view(device);
    }

    public DeviceView view(Device d) {
        CivicAddress effective = core.devices().addressOf(d);
        Registration binding = registrations.get(d.id());
        Session session = sessions.get(d.id());
        DeviceProvisioning provisioning = d.isGatewayLine() && gateways.containsKey(d.gatewayId())
                ? gateways.get(d.gatewayId()).provisioning() : d.provisioning();
        return new DeviceView(d.id(), d.mac().colonSeparated(), d.name(), d.vendor().id(), d.model(),
                DeviceLocation.of(effective), DeviceLocation.of(d.location()), !effective.isDispatchable(), d.siteId(),
                d.enabled(), status(d), DeviceProvisioningFields.of(provisioning), d.provisionCount(), provisionLimit,
                d.sipUsername(),
                binding == null ? DeviceView.RegistrationView.NONE : new DeviceView.RegistrationView(true,
                        binding.contact(), binding.source(), binding.userAgent(), binding.expiresAt()),
                session == null ? null : sessionView(session), d.gatewayId(), d.linePort(), d.createdAt(),
                resyncs.of(d.id()).map(ResyncView::of).orElse(null), DeviceTimers.of(d.policy()),
                DeviceTimers.of(core.devices().effectiveTimers(d)));
    }

    /** {@code in_use}, {@code idle} or {@code unregistered}, as the {@code ?status=} filter takes them. */
    public String status(Device d) {
        if (sessions.containsKey(d.id())) return "in_use";
        return registrations.containsKey(d.id()) ? "idle" : "unregistered";
    }

    private DeviceView.DeviceSessionView sessionView(Session s) {
        User user = users.get(s.userId());
        return new DeviceView.DeviceSessionView(s.id(), s.userId(), user == null ? null : user.extension(),
                user == null ? null : user.name(), method(s), s.startedAt());
    }

    static String method(Session s) {
        return s.method().name().toLowerCase(Locale.ROOT);
    }
}
