package org.hotdesk.provisioning.poly;

import org.hotdesk.core.device.SipTransport;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileKey;
import org.hotdesk.provisioning.profile.SipServer;

/**
 * The {@code <mac>-hotdesk.cfg} file: line 1, the clock, the keys, and how the phone takes a check-sync.
 * Parameter names: VENDORS.md §2.2 (registration, SNTP), §2.3 (keys), §2.5 (check-sync).
 */
final class PolySettings {

    String render(PhoneProfile profile) {
        PolyParams params = new PolyParams();
        registration(params, profile);
        PolyClock.write(params, profile.ntpServer(), profile.timeZone());
        keys(params, profile);
        // 0: a check-sync re-reads the files and restarts only if they changed, instead of always rebooting
        // (VENDORS.md §2.5; whether UCS then applies them without any restart is UNVERIFIED)
        params.group("sync").param("voIpProt.SIP.specialEvent.checkSync.alwaysReboot", "0");
        return params.finish();
    }

    /**
     * Line 1 registers as {@code user@domain} with the tenant's domain as registrar, and sends everything to our
     * proxy as outbound proxy, so the URIs carry the domain the registrar knows the tenant by.
     *
     * <p>Screen title: VENDORS.md names no idle-screen text parameter for Poly, only {@code reg.1.label}, the text
     * next to the line key; the profile's screen title goes there ("Hot desk – Desk 3" / "Alice Smith (1001)").
     */
    private static void registration(PolyParams params, PhoneProfile profile) {
        PhoneLine line = profile.firstLine();
        params.group("reg")
                .param("reg.1.displayName", line.displayName())
                .param("reg.1.label", profile.screenTitle());
        if (line.account() == null) {
            // the phone holds the person's own registration: writing ours would log them off
            return;
        }
        SipServer server = profile.server();
        String transport = transport(server.transport());
        params.param("reg.1.address", line.account().username() + "@" + server.domain())
                .param("reg.1.auth.userId", line.account().username())
                .param("reg.1.auth.password", line.account().password())
                .param("reg.1.server.1.address", server.domain())
                .param("reg.1.server.1.port", server.port())
                .param("reg.1.server.1.transport", transport)
                .param("reg.1.server.1.expires", profile.registerExpirySeconds())
                .param("reg.1.server.1.register", "1")
                .param("reg.1.outboundProxy.address", server.proxyHost())
                .param("reg.1.outboundProxy.port", server.port())
                .param("reg.1.outboundProxy.transport", transport);
    }

    /**
     * Every key slot as an {@code attendant.resourceList} entry. Poly has no unsupervised function key, so BLF keys,
     * speed dials and the login/logout codes are all monitored resources that dial their address when pressed
     * (VENDORS.md §2.3: Wazo maps speed dials there, polycomphones puts feature codes there). Unused slots are
     * written empty so the previous person's keys go. The resources appear on the line keys after line 1's.
     */
    private static void keys(PolyParams params, PhoneProfile profile) {
        params.group("attendant");
        for (int slot = 1; slot <= PhoneProfile.KEY_SLOTS; slot++) {
            ProfileKey key = slot <= profile.keys().size() ? profile.keys().get(slot - 1) : null;
            // Poly has no hot-desk key of its own (Vendor.POLY refuses phone-key mode): such a key stays empty
            boolean used = key != null && key.kind() != ProfileKey.Kind.HOT_DESK;
            String prefix = "attendant.resourceList." + slot;
            params.param(prefix + ".address", used ? key.value() : "")
                    .param(prefix + ".label", used ? key.label() : "")
                    // normal: the resource is a user that is called (automata is for park orbits)
                    .param(prefix + ".type", used ? "normal" : "");
        }
    }

    private static String transport(SipTransport transport) {
        return switch (transport) {
            case UDP -> "UDPOnly";
            case TCP -> "TCPOnly";
            case TLS -> "TLS";
        };
    }
}
