package org.hotdesk.provisioning.fetch;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.counter.ProvisionCounter;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileBuilder;
import org.hotdesk.provisioning.profile.Seat;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.PhoneRenderer;
import org.hotdesk.provisioning.render.Renderers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a phone's fetch: finds the phone (or gateway) by the MAC in the file name, checks the tenant's access
 * rule, counts the fetch, and renders what the desk shows now. Nothing is ever created for an unknown MAC.
 */
public final class ProvisioningService {
    private static final Logger log = LoggerFactory.getLogger(ProvisioningService.class);

    private final HotdeskCore core;
    private final Renderers renderers;
    private final ProfileBuilder profiles;
    private final ProvisionCounter counter;
    private final Clock clock;

    public ProvisioningService(HotdeskCore core, Renderers renderers, ProfileBuilder profiles, ProvisionCounter counter,
                               Clock clock) {
        this.core = core;
        this.renderers = renderers;
        this.profiles = profiles;
        this.counter = counter;
        this.clock = clock;
    }

    public FetchOutcome fetch(FetchRequest request) {
        Optional<Tenant> byToken = Optional.empty();
        if (request.token() != null) {
            byToken = core.tenants().byProvisioningToken(request.token());
            if (byToken.isEmpty()) {
                log.warn("provisioning: unknown token file={} source={}", request.fileName(), request.source());
                return new FetchOutcome.NotFound();
            }
        }
        Optional<MacAddress> mac = macIn(request.fileName());
        if (mac.isEmpty()) {
            log.info("provisioning: no such file file={} source={}", request.fileName(), request.source());
            return new FetchOutcome.NotFound();
        }
        Optional<Desk> found = desk(mac.get());
        if (found.isEmpty() || byToken.isPresent() && found.get().tenantId() != byToken.get().id()) {
            log.warn("provisioning: unknown MAC mac={} file={} source={} ua={}", mac.get(), request.fileName(),
                    request.source(), request.userAgent());
            return new FetchOutcome.NotFound();
        }
        Desk desk = found.get();
        Tenant tenant = core.tenants().get(desk.tenantId());
        Vendor vendor = desk.vendor() != Vendor.GENERIC ? desk.vendor() : Vendor.fromUserAgent(request.userAgent());
        Optional<FileRequest> file = renderers.of(vendor).flatMap(r -> r.parse(request.fileName()));
        if (file.isEmpty()) {
            log.info("provisioning: not a {} file tenant={} mac={} file={}", vendor.id(), tenant.domain(), mac.get(),
                    request.fileName());
            return new FetchOutcome.NotFound();
        }
        ProvisioningAccess access = tenant.settings().provisioning().access();
        if (access == ProvisioningAccess.URL_TOKEN && byToken.isEmpty()) {
            log.warn("provisioning: fetch without the tenant's URL token tenant={} mac={} source={}", tenant.domain(),
                    mac.get(), request.source());
            return new FetchOutcome.NotFound();
        }
        if (access == ProvisioningAccess.DIGEST) {
            if (byToken.isPresent()) {
                return new FetchOutcome.NotFound();
            }
            Device account = desk.lines().get(0);
            if (request.digest() == null || !same(request.digest().username(), account.sipUsername())
                    || !request.digest().proves(account.sipPassword())) {
                if (request.digest() != null) {
                    log.warn("provisioning: wrong digest credentials tenant={} mac={} source={}", tenant.domain(),
                            mac.get(), request.source());
                }
                return new FetchOutcome.Unauthorized();
            }
        }
        if (file.get().part() == FileRequest.Part.SETTINGS && !counter.count(tenant, desk.lines(), request.source())) {
            log.warn("provisioning: provision counter limit reached tenant={} mac={} source={}", tenant.domain(),
                    mac.get(), request.source());
            return new FetchOutcome.LimitReached();
        }
        PhoneRenderer renderer = renderers.of(vendor).orElseThrow();
        PhoneProfile profile = profile(desk, tenant, vendor);
        log.info("provisioning: served tenant={} mac={} file={} source={}", tenant.domain(), mac.get(),
                request.fileName(), request.source());
        return new FetchOutcome.Served(renderer.render(file.get(), profile));
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
        Optional<Device> phone = core.ports().devices().findByMac(mac, 0);
        if (phone.isPresent()) {
            return Optional.of(new Desk(phone.get(), null, List.of(phone.get())));
        }
        return core.ports().devices().findGatewayByMac(mac)
                .map(g -> new Desk(null, g, core.ports().devices().linesOf(g.id())))
                .filter(d -> !d.lines().isEmpty());
    }

    private PhoneProfile profile(Desk desk, Tenant tenant, Vendor vendor) {
        if (desk.phone() != null) {
            Device phone = withVendor(desk.phone(), vendor);
            return profiles.forDevice(phone, tenant, seat(phone), clock.instant());
        }
        Map<Long, Seat> seats = new HashMap<>();
        for (Device line : desk.lines()) {
            seat(line).ifPresent(s -> seats.put(line.id(), s));
        }
        Gateway g = desk.gateway();
        Gateway rendered = new Gateway(g.id(), g.tenantId(), g.mac(), g.name(), vendor, g.model(), g.provisioning(),
                g.createdAt());
        return profiles.forGateway(rendered, desk.lines(), tenant, seats, clock.instant());
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
