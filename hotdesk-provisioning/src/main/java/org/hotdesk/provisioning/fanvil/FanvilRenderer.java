package org.hotdesk.provisioning.fanvil;

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
 * Fanvil X-series: an XML {@code <sysConf>} per MAC, {@code <mac>.cfg} (shared/phones/VENDORS.md §6).
 * <ul>
 *   <li>File: {@code <mac>.cfg}, lower-case hex (any case accepted); the model files ({@code f0X4hw1.100.cfg},
 *       {@code F0V00X300000.cfg}, {@code fanvil_x4u_pro_hwv2_0.txt}) are not served (§6.1).</li>
 *   <li>{@code <sip><line index="n">}: {@code RegisterAddr} is the SIP domain, {@code ProxyAddr}/{@code ProxyPort} this
 *       server as outbound proxy (§6.2).</li>
 *   <li>{@code <dsskey>}: DSS key 1 of side page 1 is line 1 ({@code Type 2}, {@code SIP1}); profile key k goes on DSS
 *       key k + 1, as memory keys ({@code Type 1}, {@code <number>@1/f} speed dial, {@code <ext>@1/ba} BLF, §6.3).
 *       Every one of {@link PhoneProfile#KEY_SLOTS} keys is written, unused ones {@code Type 0}, so the last person's
 *       keys vanish (§7.2). All keys are numbered on side page 1, as FusionPBX's X4U template numbers its line keys.
 *       UNVERIFIED: Wazo instead pages side keys per model (X4U 3 a page, X5U 4, X6U 5) and puts further keys under
 *       {@code <internal index="page">}; if the X-U phones read it that way, only the first page's keys show.</li>
 * </ul>
 */
public final class FanvilRenderer implements PhoneRenderer {
    private static final Logger log = LoggerFactory.getLogger(FanvilRenderer.class);

    private static final Pattern MAC_FILE = Pattern.compile("([0-9A-Fa-f]{12})\\.(?i:cfg)");
    /** DSS key 1 is line 1; the profile's keys start on the next one. */
    private static final int FIRST_PROGRAMMABLE_KEY = 2;

    @Override
    public Vendor vendor() {
        return Vendor.FANVIL;
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        return FileRequest.settingsFile(MAC_FILE, fileName);
    }

    @Override
    public ConfigFile render(FileRequest request, PhoneProfile profile) {
        if (profile.vendor() != Vendor.FANVIL || request.part() != FileRequest.Part.SETTINGS) {
            throw new IllegalArgumentException("not a Fanvil settings request: " + request + " for " + profile.vendor());
        }
        StringBuilder xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sysConf>\n");
        // the configuration format version both Wazo and FusionPBX write (FusionPBX's X4U template has this one).
        // UNVERIFIED: Fanvil's manuals say a downloaded config is applied only if its version is higher than the
        // running one, unless the phone compares by digest; Wazo and FusionPBX re-provision with a constant version.
        element(xml, 1, "Version", "2.0000000000");
        sip(xml, profile);
        phone(xml, profile);
        dssKeys(xml, profile);
        xml.append("</sysConf>\n");
        return ConfigFile.xml(xml.toString());
    }

    private static void sip(StringBuilder xml, PhoneProfile profile) {
        open(xml, 1, "sip");
        // UNVERIFIED (VENDORS.md §6.5): what NotifyReboot does is not documented in our sources; FusionPBX writes 1
        // and sends check-sync to re-provision, check-sync;reboot=true to reboot. 0 is the value least likely to make
        // a plain check-sync NOTIFY reboot the phone in the middle of someone's day.
        element(xml, 2, "NotifyReboot", "0");
        for (PhoneLine line : profile.lines()) {
            xml.append("    <line index=\"").append(line.index()).append("\">\n");
            PhoneLine.Account account = line.account();
            if (account != null) { // null: the phone holds the person's registration; writing ours would log them off
                element(xml, 3, "PhoneNumber", account.username());
            }
            element(xml, 3, "DisplayName", line.displayName());
            element(xml, 3, "RegisterAddr", profile.server().domain());
            element(xml, 3, "RegisterPort", Integer.toString(profile.server().port()));
            if (account != null) {
                element(xml, 3, "RegisterUser", account.username());
                element(xml, 3, "RegisterPswd", account.password());
            }
            element(xml, 3, "RegisterTTL", Integer.toString(profile.registerExpirySeconds()));
            element(xml, 3, "EnableReg", "1");
            element(xml, 3, "Transport", transport(profile.server().transport()));
            element(xml, 3, "ProxyAddr", profile.server().proxyHost());
            element(xml, 3, "ProxyPort", Integer.toString(profile.server().port()));
            if (account != null) { // Wazo and FusionPBX both give the outbound proxy the line's credentials
                element(xml, 3, "ProxyUser", account.username());
                element(xml, 3, "ProxyPswd", account.password());
            }
            close(xml, 2, "line");
        }
        close(xml, 1, "sip");
    }

    private static void phone(StringBuilder xml, PhoneProfile profile) {
        open(xml, 1, "phone");
        open(xml, 2, "display");
        element(xml, 3, "LCDTitle", profile.screenTitle());
        close(xml, 2, "display");
        open(xml, 2, "date");
        element(xml, 3, "EnableSNTP", "1");
        element(xml, 3, "SNTPServer", profile.ntpServer());
        date(xml, profile.timeZone());
        close(xml, 2, "date");
        close(xml, 1, "phone");
    }

    /**
     * §6.2, as Wazo's X-series plugin writes it: {@code TimeZone} is the standard offset in 15-minute units,
     * {@code TimeZoneName} Wazo's name for that offset. The DST rule: month, week (1-4, -1 = the last), weekday
     * (0 = Sunday … 6 = Saturday), hour (Fanvil takes no minutes), {@code DSTMinOffset} the saving in minutes.
     * UNVERIFIED: {@code EnableDST 2} and {@code DSTFixedType 2} are Wazo's values beside an explicit rule, their
     * meaning is not documented in our sources; FusionPBX's template spells them {@code Enable_DST} /
     * {@code DST_Fixed_Type} and writes week 5 (not -1) for the last week.
     */
    private static void date(StringBuilder xml, TimeZoneInfo tz) {
        element(xml, 3, "TimeZone", Integer.toString(tz.standardOffsetSeconds() / 900));
        element(xml, 3, "TimeZoneName", timeZoneName(tz.standardOffsetSeconds()));
        TimeZoneInfo.Dst dst = tz.dst();
        if (dst == null) {
            element(xml, 3, "EnableDST", "0");
            return;
        }
        element(xml, 3, "EnableDST", "2");
        element(xml, 3, "DSTFixedType", "2");
        element(xml, 3, "DSTMinOffset", Integer.toString(dst.savingSeconds() / 60));
        change(xml, "Start", dst.start());
        change(xml, "End", dst.end());
    }

    private static void change(StringBuilder xml, String which, TimeZoneInfo.Change c) {
        element(xml, 3, "DST" + which + "Mon", Integer.toString(c.month()));
        element(xml, 3, "DST" + which + "Week", Integer.toString(c.week() == 5 ? -1 : c.week()));
        element(xml, 3, "DST" + which + "Wday", Integer.toString(c.dayOfWeek().getValue() % 7));
        element(xml, 3, "DST" + which + "Hour", Integer.toString(c.hour()));
    }

    /**
     * Wazo's names: {@code UTC-05} west of Greenwich, {@code UCT} on it, {@code UTC+1} east. Offsets that are not whole
     * hours are not in Wazo's table; {@code UTC+5:30} is our guess (UNVERIFIED).
     */
    static String timeZoneName(int seconds) {
        int abs = Math.abs(seconds);
        int hours = abs / 3600;
        int minutes = abs % 3600 / 60;
        String tail = minutes == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes);
        if (seconds == 0) return "UCT";
        if (seconds < 0) return String.format(Locale.ROOT, "UTC-%02d", hours) + tail;
        return "UTC+" + hours + tail;
    }

    private static void dssKeys(StringBuilder xml, PhoneProfile profile) {
        open(xml, 1, "dsskey");
        xml.append("    <dssSide index=\"1\">\n");
        fkey(xml, 1, "2", "SIP" + profile.firstLine().index(), profile.firstLine().label());
        for (int slot = 0; slot < PhoneProfile.KEY_SLOTS; slot++) {
            ProfileKey key = slot < profile.keys().size() ? profile.keys().get(slot) : null;
            String value = key == null ? "" : value(key, profile);
            if (value.isEmpty()) {
                fkey(xml, FIRST_PROGRAMMABLE_KEY + slot, "0", "", "");
            } else {
                fkey(xml, FIRST_PROGRAMMABLE_KEY + slot, "1", value, key.label());
            }
        }
        close(xml, 2, "dssSide");
        close(xml, 1, "dsskey");
    }

    /** §6.3 memory-key values: {@code <number>@<line>/<suffix>}, line 1. */
    private static String value(ProfileKey key, PhoneProfile profile) {
        return switch (key.kind()) {
            case SPEED_DIAL -> key.value() + "@1/f";
            case BLF -> key.value() + "@1/ba";
            case HOT_DESK -> {
                // Fanvil has no hot-desk key of its own (Vendor.requireSupports refuses phone-key mode):
                // leave the slot empty rather than show a key that does nothing
                log.warn("hot-desk key on a Fanvil phone left empty mac={}", profile.mac());
                yield "";
            }
        };
    }

    private static void fkey(StringBuilder xml, int index, String type, String value, String title) {
        xml.append("      <Fkey index=\"").append(index).append("\">\n");
        element(xml, 4, "Type", type);
        element(xml, 4, "Value", value);
        element(xml, 4, "Title", title);
        close(xml, 3, "Fkey");
    }

    private static String transport(SipTransport transport) {
        return switch (transport) {
            case UDP -> "0";
            case TCP -> "1";
            case TLS -> "3";
        };
    }

    private static void open(StringBuilder xml, int depth, String name) {
        xml.append("  ".repeat(depth)).append('<').append(name).append(">\n");
    }

    private static void close(StringBuilder xml, int depth, String name) {
        xml.append("  ".repeat(depth)).append("</").append(name).append(">\n");
    }

    private static void element(StringBuilder xml, int depth, String name, String value) {
        xml.append("  ".repeat(depth)).append('<').append(name).append('>').append(XmlText.escape(value))
                .append("</").append(name).append(">\n");
    }
}
