package org.hotdesk.provisioning.grandstream;

import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileKey;
import org.hotdesk.provisioning.profile.SipServer;

/**
 * A GXP21xx / GRP26xx desk phone in config version 2 (alias names, VENDORS.md §4.1-§4.5).
 * <p>
 * Why not P-values: the only legacy key block VENDORS.md names (P23000 in steps of 5) is the extension board's in
 * the sources it cites (FusionPBX gxp21xx "Extension Board 1 Settings. mode 23000", gxp2200 "EXT MPK 1",
 * grp2612 {@code pks.ext.N.keyMode} = P23000; Wazo writes it only for the GXV3350), so keys written there would
 * not appear on a GXP2170 without a sidecar. Every FusionPBX and Wazo template for the GXP2130-2170 uses config
 * version 2, where the phone's own keys are {@code pks.vpk.N.*}, and Public Mode has its alias there too.
 */
final class DeskPhoneConfig {
    /** VPK 1 stays the line key of account 1: it carries the line label (account name) on screen. */
    static final int FIRST_KEY_VPK = 2;

    private DeskPhoneConfig() {
    }

    static String render(PhoneProfile profile) {
        GsConfig config = GsConfig.aliases();
        account(config, profile.firstLine(), profile);
        // Public Mode is the phone's own hot-desk login (§4.4); written either way so switching the desk's mode
        // back to dial codes turns it off again
        config.item("hotdesking.enable", profile.phoneKeyMode() ? "Yes" : "No");
        // "No" = do not challenge NOTIFY: our "Event: resync" NOTIFY does not answer a digest challenge (§4.5).
        // The alias inverts P4428 ("Disable SIP NOTIFY Authentication"): FusionPBX grp261x marks it
        // "Invert_Yes_No", grp2612 calls it "Enable SIP NOTIFY Authentication", and the GXP2170 template sets No
        config.item("sip.notify.challenge", "No");
        time(config, profile);
        keys(config, profile);
        return config.toXml();
    }

    private static void account(GsConfig c, PhoneLine line, PhoneProfile profile) {
        PhoneLine.Account account = line.account();
        if (account == null) {
            // logged in with Public Mode: the phone holds the person's account; writing any of it (even the
            // name) would overwrite what the phone set for them
            return;
        }
        SipServer server = profile.server();
        c.item("account.1.enable", "Yes")
                .item("account.1.name", line.label())
                .item("account.1.sip.server.1.address", server.domain())
                .item("account.1.sip.outboundProxy.1.address", SipValues.outboundProxy(server))
                .item("account.1.sip.transport", SipValues.transportAlias(server.transport()))
                .item("account.1.sip.userid", account.username())
                .item("account.1.sip.subscriber.userid", account.username())
                .item("account.1.sip.subscriber.password", account.password())
                .item("account.1.sip.subscriber.name", line.displayName())
                .item("account.1.sip.registration", "Yes")
                .item("account.1.sip.registerExpiration",
                        String.valueOf(SipValues.expiryMinutes(profile.registerExpirySeconds())));
    }

    private static void time(GsConfig c, PhoneProfile profile) {
        c.item("dateTime.ntp.server.1", profile.ntpServer())
                // the zone list takes only its own names; "customize" makes the phone read the POSIX string
                .item("dateTime.timezone", "customize")
                .item("dateTime.timezone.custom", profile.timeZone().posix())
                .item("dateTime.override.dhcp.allowOption2", "No");
    }

    /**
     * VPK 1 is the line key; slot n goes on VPK n+1. Every slot is written, unused ones as mode None with empty
     * text, so the previous person's keys vanish. VPKs are written in sequence: GRP26xx firmware drops every VPK
     * after a gap.
     */
    private static void keys(GsConfig c, PhoneProfile profile) {
        vpk(c, 1, "Line", "", "");
        for (int slot = 1; slot <= PhoneProfile.KEY_SLOTS; slot++) {
            int n = slot - 1 + FIRST_KEY_VPK;
            ProfileKey key = slot <= profile.keys().size() ? profile.keys().get(slot - 1) : null;
            if (key == null || key.kind() == ProfileKey.Kind.HOT_DESK) {
                // HOT_DESK has no key of its own on Grandstream: Public Mode gives the phone its login/logout
                // softkey, so the slot stays cleared
                vpk(c, n, "None", "", "");
            } else {
                String mode = key.kind() == ProfileKey.Kind.BLF ? "BLF" : "SpeedDial";
                vpk(c, n, mode, key.label(), key.value());
            }
        }
    }

    // account 0 = account 1 (Wazo base_v2.tpl writes 0 for VPKs; GRP26xx template: "0 - Account 1")
    private static void vpk(GsConfig c, int n, String mode, String label, String value) {
        c.item("pks.vpk." + n + ".keyMode", mode)
                .item("pks.vpk." + n + ".account", "0")
                .item("pks.vpk." + n + ".description", label)
                .item("pks.vpk." + n + ".value", value);
    }
}
