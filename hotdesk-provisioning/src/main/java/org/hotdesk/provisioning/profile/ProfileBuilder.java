package org.hotdesk.provisioning.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.profile.ProfileKey.Kind;

/**
 * Decides what a desk shows (seeds 001 3CX, 002 innovaphone, 003 Infinity, 000 B3):
 * <ul>
 *   <li>idle: "Hot desk – {desk}" and a login key (the tenant's first prompted-login code), or the phone's own
 *       hot-desk key in phone-key mode; only emergency numbers go out, which the router enforces;</li>
 *   <li>in session: the person's name and extension, a logout key on key 1, their own keys shifted down by one
 *       (3CX);</li>
 *   <li>logged in with the phone's own hot-desk key: the phone holds the person's registration, so no account is
 *       rendered, and key 1 stays the hot-desk key (pressing it logs out).</li>
 * </ul>
 */
public final class ProfileBuilder {
    private final ServerAddress server;

    public ProfileBuilder(ServerAddress server) {
        this.server = server;
    }

    public PhoneProfile forDevice(Device device, Tenant tenant, Optional<Seat> seat, Instant now) {
        if (device.isGatewayLine()) {
            throw new IllegalArgumentException(device.label() + " is a gateway line: render its gateway");
        }
        DeviceProvisioning p = device.provisioning();
        boolean phoneKeyMode = p.mode() == ProvisioningMode.PHONE_KEY;
        boolean heldByPhone = seat.map(s -> s.session().method() == LoginMethod.PHONE_KEY).orElse(false);
        PhoneLine line = line(1, device, seat, heldByPhone);
        List<ProfileKey> keys = new ArrayList<>();
        FeatureCodes codes = tenant.settings().featureCodes();
        if (seat.isEmpty()) {
            if (phoneKeyMode) {
                keys.add(new ProfileKey(Kind.HOT_DESK, "", "Hot desk"));
            } else if (!codes.promptedLogin().isEmpty()) {
                keys.add(new ProfileKey(Kind.SPEED_DIAL, codes.promptedLogin().get(0), "Log in"));
            }
        } else {
            if (heldByPhone) {
                keys.add(new ProfileKey(Kind.HOT_DESK, "", "Log out"));
            } else if (!codes.logout().isEmpty()) {
                keys.add(new ProfileKey(Kind.SPEED_DIAL, codes.logout().get(0), "Log out"));
            }
            for (FunctionKey k : seat.get().keys()) {
                if (keys.size() == PhoneProfile.KEY_SLOTS) break;
                keys.add(new ProfileKey(k.type() == FunctionKey.Type.BLF ? Kind.BLF : Kind.SPEED_DIAL, k.value(), k.label()));
            }
        }
        String title = seat.map(s -> s.user().name() + " (" + s.user().extension() + ")")
                .orElse(idleTitle(device));
        return new PhoneProfile(device.mac(), device.vendor(), device.model(), sipServer(tenant, p),
                ntp(tenant, p), TimeZoneInfo.of(tenant.settings().timeZone(), now),
                tenant.settings().provisioning().registerExpirySeconds(), title, List.of(line), keys, phoneKeyMode);
    }

    /** A gateway: one line per analog port, each idle or in session on its own; analog phones have no keys. */
    public PhoneProfile forGateway(Gateway gateway, List<Device> lines, Tenant tenant, Map<Long, Seat> seats,
                                   Instant now) {
        List<PhoneLine> rendered = new ArrayList<>();
        for (Device d : lines) {
            rendered.add(line(d.linePort(), d, Optional.ofNullable(seats.get(d.id())), false));
        }
        DeviceProvisioning p = gateway.provisioning();
        return new PhoneProfile(gateway.mac(), gateway.vendor(), gateway.model(), sipServer(tenant, p), ntp(tenant, p),
                TimeZoneInfo.of(tenant.settings().timeZone(), now),
                tenant.settings().provisioning().registerExpirySeconds(), gateway.name(), rendered, List.of(), false);
    }

    private static PhoneLine line(int index, Device device, Optional<Seat> seat, boolean heldByPhone) {
        PhoneLine.Account account = heldByPhone ? null : new PhoneLine.Account(device.sipUsername(), device.sipPassword());
        if (seat.isPresent()) {
            User user = seat.get().user();
            return new PhoneLine(index, account, user.extension() + " " + user.name(), user.name());
        }
        return new PhoneLine(index, account, idleTitle(device), device.name());
    }

    private static String idleTitle(Device device) {
        return "Hot desk \u2013 " + device.name();
    }

    private SipServer sipServer(Tenant tenant, DeviceProvisioning p) {
        String domain = p.sipDomain() != null ? p.sipDomain() : tenant.domain();
        int port = p.sipPort() != 0 ? p.sipPort() : server.port(p.transport());
        return new SipServer(domain, server.host(), port, p.transport());
    }

    private static String ntp(Tenant tenant, DeviceProvisioning p) {
        return p.ntpServer() != null ? p.ntpServer() : tenant.settings().provisioning().ntpServer();
    }
}
