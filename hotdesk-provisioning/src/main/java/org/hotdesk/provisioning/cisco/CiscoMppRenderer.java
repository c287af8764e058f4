package org.hotdesk.provisioning.cisco;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileKey;
import org.hotdesk.provisioning.profile.TimeZoneInfo;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.PhoneRenderer;
import org.hotdesk.provisioning.render.XmlText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cisco MPP (IP Phone 78xx/88xx 3PCC) and the MPP ATAs (ATA191/192): an XML {@code <flat-profile>} per MAC,
 * parameter names from shared/phones/VENDORS.md §5.
 * <ul>
 *   <li>File: whatever {@code Profile_Rule} names; we serve the conventional {@code $MA.xml} and {@code $MA.cfg}
 *       (§0, §5.1). Model files ({@code 7841-3PCC.xml}, {@code cp-phone.xml}, {@code spa504G.cfg}) are not served.</li>
 *   <li>Line n: one {@code _n_} block per {@link PhoneLine}, n = its index (port number on an ATA, §5.7).
 *       {@code Proxy_n_} is the SIP domain, {@code Outbound_Proxy_n_} this server (§5.2).</li>
 *   <li>Keys (desk phones only): line key 1 is line 1; profile key k goes on line key k + 1, as
 *       {@code Extension_n_ = Disabled} plus an {@code Extended_Function_n_} (§5.3). Every one of
 *       {@link PhoneProfile#KEY_SLOTS} keys is written, unused ones empty, so the last person's keys vanish (§7.2).
 *       Keys past the phone's own line keys (4 on a 7841, 10 on an 8841) are written but have no key to show on;
 *       expansion modules ({@code Unit_u_Key_k_}) are not rendered.</li>
 *   <li>NOTIFY: {@code Resync_From_SIP = Yes} lets {@code Event: resync} re-fetch this file (§5.5).</li>
 * </ul>
 * Every parameter is written {@code ua="na"} (no user access), as FusionPBX's 8841 template does for the phone's own
 * settings: a person at a hot desk should not change the desk's account or keys.
 */
public final class CiscoMppRenderer implements PhoneRenderer {
    private static final Logger log = LoggerFactory.getLogger(CiscoMppRenderer.class);

    private static final Pattern MAC_FILE = Pattern.compile("([0-9A-Fa-f]{12})\\.(?i:xml|cfg)");
    /** Line key 1 is line 1; the profile's keys start on the next one. */
    private static final int FIRST_PROGRAMMABLE_KEY = 2;

    @Override
    public Vendor vendor() {
        return Vendor.CISCO;
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        return FileRequest.settingsFile(MAC_FILE, fileName);
    }

    @Override
    public ConfigFile render(FileRequest request, PhoneProfile profile) {
        if (profile.vendor() != Vendor.CISCO || request.part() != FileRequest.Part.SETTINGS) {
            throw new IllegalArgumentException("not a Cisco settings request: " + request + " for " + profile.vendor());
        }
        boolean gateway = isGateway(profile);
        StringBuilder xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<flat-profile>\n");

        comment(xml, "Provisioning: a NOTIFY with Event: resync re-fetches this file");
        param(xml, "Resync_From_SIP", "Yes");

        comment(xml, "Time");
        param(xml, "Primary_NTP_Server", profile.ntpServer());
        time(xml, profile.timeZone());

        if (!gateway) {
            comment(xml, "Screen");
            param(xml, "Station_Display_Name", profile.screenTitle());
        }
        for (PhoneLine line : profile.lines()) {
            line(xml, line, profile);
        }
        if (!gateway) {
            keys(xml, profile);
        }
        xml.append("</flat-profile>\n");
        return ConfigFile.xml(xml.toString());
    }

    /** An MPP ATA: analog ports, no screen, no keys (§5.7). A desk phone has exactly one line. */
    private static boolean isGateway(PhoneProfile profile) {
        String model = profile.model() == null ? "" : profile.model().toUpperCase(Locale.ROOT);
        return profile.lines().size() > 1 || model.startsWith("ATA");
    }

    private static void line(StringBuilder xml, PhoneLine line, PhoneProfile profile) {
        int n = line.index();
        comment(xml, "Line " + n);
        param(xml, "Line_Enable_" + n + "_", "Yes");
        param(xml, "Proxy_" + n + "_", profile.server().domain());
        param(xml, "Outbound_Proxy_" + n + "_", profile.server().proxyHost() + ":" + profile.server().port());
        // §5.2/§5.7: SPA phones and SPA112/122 use the outbound proxy only with this flag; the MPP templates
        // (Wazo, FusionPBX 8841) do not write it; UNVERIFIED whether the ATA191/192 need it
        param(xml, "Use_Outbound_Proxy_" + n + "_", "Yes");
        param(xml, "Register_" + n + "_", "Yes");
        param(xml, "Register_Expires_" + n + "_", Integer.toString(profile.registerExpirySeconds()));
        param(xml, "SIP_Transport_" + n + "_", transport(profile.server().transport()));
        param(xml, "Display_Name_" + n + "_", line.displayName());
        PhoneLine.Account account = line.account();
        if (account != null) { // null: the phone holds the person's registration; writing ours would log them off
            param(xml, "User_ID_" + n + "_", account.username());
            param(xml, "Auth_ID_" + n + "_", account.username());
            param(xml, "Password_" + n + "_", account.password());
        }
        // UNVERIFIED (VENDORS.md §5.5): Yes makes the phone challenge resync/reboot NOTIFYs with 401; our NOTIFY
        // is not re-sent with credentials, so it would never be honoured (Wazo writes No, FusionPBX Yes)
        param(xml, "Auth_Resync-Reboot_" + n + "_", "No");
    }

    private static void keys(StringBuilder xml, PhoneProfile profile) {
        comment(xml, "Line key 1: line 1");
        param(xml, "Extension_1_", "1");
        param(xml, "Short_Name_1_", profile.firstLine().label());
        param(xml, "Extended_Function_1_", "");
        comment(xml, "Line keys " + FIRST_PROGRAMMABLE_KEY + "-" + (FIRST_PROGRAMMABLE_KEY + PhoneProfile.KEY_SLOTS - 1)
                + ": the profile's keys 1-" + PhoneProfile.KEY_SLOTS + ", unused ones empty");
        for (int slot = 0; slot < PhoneProfile.KEY_SLOTS; slot++) {
            int n = FIRST_PROGRAMMABLE_KEY + slot;
            ProfileKey key = slot < profile.keys().size() ? profile.keys().get(slot) : null;
            String function = key == null ? "" : function(key, profile);
            String label = function.isEmpty() ? "" : key.label();
            param(xml, "Extension_" + n + "_", "Disabled");
            param(xml, "Short_Name_" + n + "_", label);
            param(xml, "Extended_Function_" + n + "_", function);
        }
    }

    /**
     * §5.3: {@code $PROXY} is the phone's macro for the line's {@code Proxy_n_}, here the tenant's domain. The string
     * separates its fields with ';' and '=', which a label cannot hold (the core's FunctionKey refuses them).
     */
    private static String function(ProfileKey key, PhoneProfile profile) {
        return switch (key.kind()) {
            case SPEED_DIAL -> "fnc=sd;ext=" + key.value() + "@$PROXY;nme=" + key.label();
            case BLF -> "fnc=sd+blf+cp;sub=" + key.value() + "@$PROXY;nme=" + key.label();
            case HOT_DESK -> {
                // Cisco MPP has no hot-desk key of its own (Vendor.requireSupports refuses phone-key mode):
                // leave the slot empty rather than show a key that does nothing
                log.warn("hot-desk key on a Cisco phone left empty mac={}", profile.mac());
                yield "";
            }
        };
    }

    /**
     * §5.2, in the form Wazo writes: {@code Time_Zone = GMT+hh:mm} (standard offset) and
     * {@code Daylight_Saving_Time_Rule = start=m/d/wd/h:m:s;end=m/d/wd/h:m:s;save=h:m:s}.
     */
    private static void time(StringBuilder xml, TimeZoneInfo tz) {
        param(xml, "Time_Zone", gmtOffset(tz.standardOffsetSeconds()));
        TimeZoneInfo.Dst dst = tz.dst();
        param(xml, "Daylight_Saving_Time_Enable", dst == null ? "No" : "Yes");
        if (dst != null) {
            param(xml, "Daylight_Saving_Time_Rule", "start=" + change(dst.start()) + ";end=" + change(dst.end())
                    + ";save=" + hms(dst.savingSeconds()));
        }
    }

    static String gmtOffset(int seconds) {
        int abs = Math.abs(seconds);
        return String.format(Locale.ROOT, "GMT%s%02d:%02d", seconds < 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
    }

    /**
     * {@code month/day/weekday/h:m:s}. Cisco's weekday is 1-7 = Monday-Sunday (as {@link java.time.DayOfWeek});
     * a positive day means "that weekday on or after this date", a negative one "on or before", and -1 "the last in
     * the month". So week w (1-4) becomes day 7(w-1)+1 (the first Sunday on or after the 1st, 8th, 15th, 22nd) and
     * the last week (5) becomes -1. Source: Cisco 8800 MPP admin guide, Daylight Saving Time Rule
     * (https://www.easymanua.ls/cisco/penteledata-8800-series/manual/1540324?p=426); Wazo maps weeks the same way.
     */
    static String change(TimeZoneInfo.Change c) {
        int day = c.week() == 5 ? -1 : (c.week() - 1) * 7 + 1;
        return c.month() + "/" + day + "/" + c.dayOfWeek().getValue() + "/" + c.hour() + ":" + c.minute() + ":0";
    }

    private static String hms(int seconds) {
        int abs = Math.abs(seconds);
        return (seconds < 0 ? "-" : "") + abs / 3600 + ":" + abs % 3600 / 60 + ":" + abs % 60;
    }

    private static String transport(SipTransport transport) {
        return switch (transport) {
            case UDP -> "UDP";
            case TCP -> "TCP";
            case TLS -> "TLS";
        };
    }

    private static void comment(StringBuilder xml, String text) {
        xml.append("  <!-- ").append(text).append(" -->\n");
    }

    private static void param(StringBuilder xml, String name, String value) {
        xml.append("  <").append(name).append(" ua=\"na\">").append(XmlText.escape(value))
                .append("</").append(name).append(">\n");
    }
}
