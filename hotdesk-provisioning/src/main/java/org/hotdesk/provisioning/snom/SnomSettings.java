package org.hotdesk.provisioning.snom;

import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileKey;
import org.hotdesk.provisioning.profile.SipServer;

/**
 * The {@code snom<model>-<MAC>.htm} settings: identity 1, the clock, the hot-desk switches, and every key.
 * Setting names: VENDORS.md §3.2 (identity, NTP, time zone, perm), §3.3 (keys), §3.4 (hot desking), §3.5 (check-sync).
 */
final class SnomSettings {
    /**
     * Read-only for the person at the phone; provisioning still writes it on every fetch (VENDORS.md §3.2), so
     * what the previous person left is overwritten and nobody edits the desk's account on the phone.
     */
    private static final String FIXED = "R";
    /**
     * Changeable on the phone, overwritten by provisioning (VENDORS.md §3.2). Used for identity 1's account in
     * phone-key mode, where the phone's own logon wizard writes the person's account into these settings.
     * INFERENCE: that "R" would stop the wizard is not stated by a source; "RW" is the safe side.
     */
    private static final String WIZARD_WRITES = "RW";

    String render(PhoneProfile profile) {
        SnomXml xml = new SnomXml().open("phone-settings");
        identity(xml, profile);
        xml.setting("ntp_server", FIXED, profile.ntpServer());
        SnomTimeZone.of(profile.timeZone()).ifPresent(tz -> xml.setting("timezone", FIXED, tz));
        // phone-key mode: after the hot-desk key (F_LOGOFF_ALL) the logon wizard asks for the person's account
        // (VENDORS.md §3.4); off otherwise, so a desk switched back to dial codes loses it
        xml.setting("logon_wizard", FIXED, profile.phoneKeyMode() ? "on" : "off");
        // empty: a check-sync does what its event says, and the server sends "check-sync;reboot=false" to reload
        // without a reboot (VENDORS.md §3.5). "sync" would force that too, but would also swallow a reboot=true.
        xml.setting("checksync_action", FIXED, "");
        xml.close("phone-settings").open("functionKeys");
        keys(xml, profile);
        return xml.close("functionKeys").document();
    }

    /**
     * Identity 1 registers in the tenant's domain ({@code user_host}) and sends to our proxy ({@code user_outbound},
     * which also picks the transport). When the phone holds the person's own registration (account null) the
     * account settings are left out, or this fetch would log them off; the name and idle text are still ours.
     */
    private static void identity(SnomXml xml, PhoneProfile profile) {
        PhoneLine line = profile.firstLine();
        PhoneLine.Account account = line.account();
        if (account != null) {
            SipServer server = profile.server();
            String perm = profile.phoneKeyMode() ? WIZARD_WRITES : FIXED;
            xml.setting("user_active", 1, perm, "on")
                    .setting("user_host", 1, perm, server.domain())
                    .setting("user_outbound", 1, perm, server.proxyHost() + ":" + server.port()
                            + ";transport=" + server.transport().id())
                    .setting("user_name", 1, perm, account.username())
                    .setting("user_pname", 1, perm, account.username())
                    .setting("user_pass", 1, perm, account.password())
                    .setting("user_expiry", 1, perm, Integer.toString(profile.registerExpirySeconds()));
        }
        xml.setting("user_realname", 1, FIXED, line.displayName())
                // the text on the idle screen: the profile's screen title
                .setting("user_idle_text", 1, FIXED, profile.screenTitle());
    }

    /** Every key slot, 0-based; an unused one is {@code none} so the previous person's key goes. */
    private static void keys(SnomXml xml, PhoneProfile profile) {
        for (int slot = 0; slot < PhoneProfile.KEY_SLOTS; slot++) {
            if (slot < profile.keys().size()) {
                ProfileKey key = profile.keys().get(slot);
                xml.fkey(slot, key.label(), FIXED, action(key));
            } else {
                xml.fkey(slot, "", FIXED, "none");
            }
        }
    }

    private static String action(ProfileKey key) {
        return switch (key.kind()) {
            // dials the number or feature code on identity 1 (VENDORS.md §3.3 "speed *12")
            case SPEED_DIAL -> "speed " + key.value();
            case BLF -> "blf " + key.value();
            // Snom's own hot desking: logs off all identities, then the logon wizard asks for a new one (§3.4)
            case HOT_DESK -> "keyevent F_LOGOFF_ALL";
        };
    }
}
