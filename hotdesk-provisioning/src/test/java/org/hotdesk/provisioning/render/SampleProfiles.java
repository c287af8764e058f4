package org.hotdesk.provisioning.render;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileBuilder;
import org.hotdesk.provisioning.profile.Seat;
import org.hotdesk.provisioning.profile.ServerAddress;

/**
 * The desks every vendor's golden files are rendered from, built the way the server builds them: a tenant in
 * Berlin (daylight saving time), a desk "Desk 3", and Alice Smith (1001, with a BLF key on Bob and a speed dial).
 */
public final class SampleProfiles {
    public static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    public static final ServerAddress SERVER = new ServerAddress("pbx.acme.example", 5060, 5060, 5061);
    public static final Tenant TENANT = new Tenant(1, "Acme", "acme.example",
            TenantSettings.DEFAULT.withTimeZone(ZoneId.of("Europe/Berlin")).withProvisioning(new org.hotdesk.core.tenant.ProvisioningSettings(
                    "ntp.acme.example", 20, 500, org.hotdesk.core.tenant.ProvisioningAccess.URL_TOKEN)),
            "TOKENtokenTOKENtokenTOKENtoken12", NOW);
    public static final User ALICE = new User(7, 1, "1001", "Alice Smith", true, true, "bcrypt", null, null, NOW);
    public static final List<FunctionKey> ALICE_KEYS = List.of(
            new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob"),
            new FunctionKey(FunctionKey.Type.SPEED_DIAL, "+14155550123", "Support"));

    private SampleProfiles() {
    }

    public static Device desk(Vendor vendor, String model, ProvisioningMode mode) {
        return new Device(3, 1, new MacAddress("001565aabbcc"), 0, null, "Desk 3", vendor, model, CivicAddress.NONE, null,
                "hd001565aabbcc", "Dev1cePassw0rdXyZ", true, DevicePolicyOverride.NONE,
                new DeviceProvisioning(mode, SipTransport.UDP, 0, null, null), 0, NOW);
    }

    /** A desk of this vendor nobody is logged in at, with dial-code keys. */
    public static PhoneProfile idle(Vendor vendor, String model) {
        return builder().forDevice(desk(vendor, model, ProvisioningMode.DIAL_CODES), TENANT, Optional.empty(), NOW);
    }

    /** Alice logged in at the desk with the login code. */
    public static PhoneProfile inSession(Vendor vendor, String model) {
        return builder().forDevice(desk(vendor, model, ProvisioningMode.DIAL_CODES), TENANT,
                Optional.of(seat(LoginMethod.OTP)), NOW);
    }

    /** A desk in phone-key mode, idle: the vendor's own hot-desk key instead of the login code. */
    public static PhoneProfile phoneKeyIdle(Vendor vendor, String model) {
        return builder().forDevice(desk(vendor, model, ProvisioningMode.PHONE_KEY), TENANT, Optional.empty(), NOW);
    }

    /** Alice logged in with the phone's own hot-desk key: no account is rendered, the phone holds hers. */
    public static PhoneProfile phoneKeyInSession(Vendor vendor, String model) {
        return builder().forDevice(desk(vendor, model, ProvisioningMode.PHONE_KEY), TENANT,
                Optional.of(seat(LoginMethod.PHONE_KEY)), NOW);
    }

    /** A 2-port analog gateway: Alice logged in on port 1, port 2 idle. */
    public static PhoneProfile gateway(Vendor vendor, String model) {
        MacAddress mac = new MacAddress("000b82aabb01");
        Gateway gw = new Gateway(9, 1, mac, "Lobby ATA", vendor, model, DeviceProvisioning.DEFAULT, NOW);
        Device port1 = new Device(11, 1, mac, 1, 9L, "Lobby ATA line 1", vendor, model, CivicAddress.NONE, null,
                "hd000b82aabb01p1", "Port1Passw0rdAbCd", true, DevicePolicyOverride.NONE, DeviceProvisioning.DEFAULT,
                0, NOW);
        Device port2 = new Device(12, 1, mac, 2, 9L, "Lobby ATA line 2", vendor, model, CivicAddress.NONE, null,
                "hd000b82aabb01p2", "Port2Passw0rdEfGh", true, DevicePolicyOverride.NONE, DeviceProvisioning.DEFAULT,
                0, NOW);
        Seat alice = new Seat(session(11, LoginMethod.FEATURE_CODE_PIN), ALICE, List.of());
        return builder().forGateway(gw, List.of(port1, port2), TENANT, Map.of(11L, alice), NOW);
    }

    private static Seat seat(LoginMethod method) {
        return new Seat(session(3, method), ALICE, ALICE_KEYS);
    }

    private static Session session(long deviceId, LoginMethod method) {
        return new Session(5, 1, deviceId, ALICE.id(), method, NOW, NOW, 0, null, null, null, null);
    }

    private static ProfileBuilder builder() {
        return new ProfileBuilder(SERVER);
    }
}
