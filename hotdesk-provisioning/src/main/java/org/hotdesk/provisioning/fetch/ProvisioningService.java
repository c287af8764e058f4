package org.hotdesk.provisioning.fetch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileBuilder;
import org.hotdesk.provisioning.profile.Seat;
import org.hotdesk.provisioning.profile.TimeZoneInfo;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.PhoneRenderer;
import org.hotdesk.provisioning.render.Renderers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a phone's fetch: finds the phone (or gateway) by the MAC in the file name, checks the tenant's access
 * rule, counts the fetch, and renders what the desk shows now. Nothing is ever created for an unknown MAC.
 *
 * <p>Phones fetch the same file again and again (after every login, logout and NOTIFY), so the answer is kept in
 * memory ({@link ServedConfigs}) and given again without a database read until one of the core's device events
 * (a session began or ended, an admin edit the phone shows, the device removed, the tenant's URL rotated) drops it:
 * this service subscribes ahead of the SIP side, so the answer is dropped before the phone is told to fetch.
 * Only the digest check and the provision counter run on every fetch.
 */
public final class ProvisioningService {
    private static final Logger log = LoggerFactory.getLogger(ProvisioningService.class);

    private final HotdeskCore core;
    private final Renderers renderers;
    private final ProfileBuilder profiles;
    private final ProvisionCounter counter;
    private final Clock clock;
    private final ServedConfigs served = new ServedConfigs();

    public ProvisioningService(HotdeskCore core, Renderers renderers, ProfileBuilder profiles, ProvisionCounter counter,
                               Clock clock) {
        this.core = core;
        this.renderers = renderers;
        this.profiles = profiles;
        this.counter = counter;
        this.clock = clock;
        // for as long as the core lives: the server builds one service per core
        core.events().subscribeFirst(this::onDeviceEvent);
        // an edit from another process may reach a render through a cached row before its re-sync is announced
        core.caches().onDropAll(served::dropAll);
    }

    /** Everything the core announces about a device changes its file or who may fetch it. */
    private void onDeviceEvent(DeviceEvent event) {
        served.dropDevice(event.device().id());
        counter.onDeviceEvent(event);
    }

    public FetchOutcome fetch(FetchRequest request) {
        ServedConfigs.Key key = new ServedConfigs.Key(request.token(), request.fileName(),
                Vendor.fromUserAgent(request.userAgent()));
        Instant now = clock.instant();
        ServedConfig answer = served.get(key, now);
        if (answer == null) {
            // before any read: a change whose event comes while this renders must not leave its answer behind
            long generation = served.generation();
            Looked looked = lookUp(request, key.userAgentVendor(), now);
            if (looked.refusal() != null) {
                return looked.refusal();
            }
            answer = looked.answer();
            served.put(key, answer, generation);
        }
        return answer(answer, request);
    }

    /** The checks and the counter, on every fetch. */
    private FetchOutcome answer(ServedConfig answer, FetchRequest request) {
        Device account = answer.account();
        if (answer.access() == ProvisioningAccess.DIGEST) {
            if (request.digest() == null || !same(request.digest().username(), account.sipUsername())
                    || !request.digest().proves(account.sipPassword())) {
                if (request.digest() != null) {
                    log.warn("provisioning: wrong digest credentials tenant={} mac={} source={}", answer.tenantLabel(),
                            account.mac(), request.source());
                }
                return new FetchOutcome.Unauthorized();
            }
        }
        if (answer.part() == FileRequest.Part.SETTINGS
                && !counter.count(answer.tenantId(), answer.fetchLimit(), answer.lines(), request.source())) {
            return new FetchOutcome.LimitReached();
        }
        // a phone fetches often: at INFO this would be most of the log
        log.debug("provisioning: served tenant={} mac={} file={} source={}", answer.tenantLabel(), account.mac(),
                request.fileName(), request.source());
        return new FetchOutcome.Served(answer.contentType(), answer.body());
    }

    /** What the database says about a request: a refusal, or the answer to keep. */
    private record Looked(FetchOutcome refusal, ServedConfig answer) {
        static Looked refused(FetchOutcome refusal) {
            return new Looked(refusal, null);
        }
    }

    private Looked lookUp(FetchRequest request, Vendor userAgentVendor, Instant now) {
        Optional<Tenant> byToken = Optional.empty();
        if (request.token() != null) {
            byToken = core.tenants().byProvisioningToken(request.token());
            if (byToken.isEmpty()) {
                log.warn("provisioning: unknown token file={} source={}", request.fileName(), request.source());
                return Looked.refused(new FetchOutcome.NotFound());
            }
        }
        Optional<MacAddress> mac = macIn(request.fileName());
        if (mac.isEmpty()) {
            log.info("provisioning: no such file file={} source={}", request.fileName(), request.source());
            return Looked.refused(new FetchOutcome.NotFound());
        }
        Optional<Desk> found = desk(mac.get());
        if (found.isEmpty() || byToken.isPresent() && found.get().tenantId() != byToken.get().id()) {
            log.warn("provisioning: unknown MAC mac={} file={} source={} ua={}", mac.get(), request.fileName(),
                    request.source(), request.userAgent());
            return Looked.refused(new FetchOutcome.NotFound());
        }
        Desk desk = found.get();
        Tenant tenant = core.tenants().get(desk.tenantId());
        Vendor vendor = desk.vendor() != Vendor.GENERIC ? desk.vendor() : userAgentVendor;
        Optional<FileRequest> file = renderers.of(vendor).flatMap(r -> r.parse(request.fileName()));
        if (file.isEmpty()) {
            log.info("provisioning: not a {} file tenant={} mac={} file={}", vendor.id(), tenant.domain(), mac.get(),
                    request.fileName());
            return Looked.refused(new FetchOutcome.NotFound());
        }
        ProvisioningAccess access = tenant.settings().provisioning().access();
        if (access == ProvisioningAccess.URL_TOKEN && byToken.isEmpty()) {
            log.warn("provisioning: fetch without the tenant's URL token tenant={} mac={} source={}", tenant.domain(),
                    mac.get(), request.source());
            return Looked.refused(new FetchOutcome.NotFound());
        }
        if (access == ProvisioningAccess.DIGEST && byToken.isPresent()) {
            return Looked.refused(new FetchOutcome.NotFound());
        }
        PhoneRenderer renderer = renderers.of(vendor).orElseThrow();
        PhoneProfile profile = profile(desk, tenant, vendor, now);
        return new Looked(null, new ServedConfig(tenant.id(), tenant.domain(), desk.lines(), access,
                tenant.settings().provisioning().fetchLimit(), file.get().part(),
                renderer.render(file.get(), profile), TimeZoneInfo.nextChange(tenant.settings().timeZone(), now)));
    }

    private Optional<MacAddress> macIn(String fileName) {
        for (PhoneRenderer r : renderers.all()) {
            Optional<FileRequest> parsed = r.parse(fileName);
            if (parsed.isPresent()) {
                return Optional.of(parsed.get().mac());
            }
        }
        return Optional.empty();
    }

    private Optional<Desk> desk(MacAddress mac) {
        Optional<Device> phone = core.devices().findByMac(mac, 0);
        if (phone.isPresent()) {
            return Optional.of(new Desk(phone.get(), null, List.of(phone.get())));
        }
        return core.gateways().findByMac(mac)
                .map(g -> new Desk(null, g, core.gateways().linesOf(g)))
                .filter(d -> !d.lines().isEmpty());
    }

    private PhoneProfile profile(Desk desk, Tenant tenant, Vendor vendor, Instant now) {
        if (desk.phone() != null) {
            Device phone = withVendor(desk.phone(), vendor);
            return profiles.forDevice(phone, tenant, seat(phone), now);
        }
        Map<Long, Seat> seats = new HashMap<>();
        for (Device line : desk.lines()) {
            seat(line).ifPresent(s -> seats.put(line.id(), s));
        }
        Gateway g = desk.gateway();
        Gateway rendered = new Gateway(g.id(), g.tenantId(), g.mac(), g.name(), vendor, g.model(), g.provisioning(),
                g.createdAt());
        return profiles.forGateway(rendered, desk.lines(), tenant, seats, now);
    }

    private Optional<Seat> seat(Device device) {
        Optional<Session> open = core.sessions().openSessionOf(device.id());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        User user = core.users().get(device.tenantId(), open.get().userId());
        return Optional.of(new Seat(open.get(), user, core.users().keys(device.tenantId(), user.id())));
    }

    private static Device withVendor(Device d, Vendor vendor) {
        if (d.vendor() == vendor) {
            return d;
        }
        return new Device(d.id(), d.tenantId(), d.mac(), d.linePort(), d.gatewayId(), d.name(), vendor, d.model(),
                d.location(), d.siteId(), d.sipUsername(), d.sipPassword(), d.enabled(), d.policy(), d.provisioning(),
                d.provisionCount(), d.createdAt());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A phone, or a gateway with its lines: what one MAC's file configures. */
    private record Desk(Device phone, Gateway gateway, List<Device> lines) {
        long tenantId() {
            return lines.get(0).tenantId();
        }

        Vendor vendor() {
            return phone != null ? phone.vendor() : gateway.vendor();
        }
    }
}
