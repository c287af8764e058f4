package org.hotdesk.provisioning.yealink;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.provisioning.profile.PhoneLine;
import org.hotdesk.provisioning.profile.PhoneProfile;
import org.hotdesk.provisioning.profile.ProfileKey;
import org.hotdesk.provisioning.profile.TimeZoneInfo;
import org.hotdesk.provisioning.render.ConfigFile;
import org.hotdesk.provisioning.render.FileRequest;
import org.hotdesk.provisioning.render.PhoneRenderer;

/**
 * Yealink T4x/T5x {@code <mac>.cfg} (shared/phones/VENDORS.md §1; sources cited in YealinkRendererTest).
 * Everything goes into the per-MAC file: the common {@code y0000000000xx.cfg} is per hardware model, and a phone
 * without one goes on to its MAC file.
 */
public final class YealinkRenderer implements PhoneRenderer {
    private static final Pattern MAC_FILE = Pattern.compile("([0-9a-fA-F]{12})\\.cfg");
    // a MAC-named file that is no phone's (Yealink's own common files are y + 12 digits, never matched here)
    private static final String NO_MAC = "000000000000";
    private static final String NULL = "%NULL%";

    @Override
    public Vendor vendor() {
        return Vendor.YEALINK;
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        Matcher m = MAC_FILE.matcher(fileName);
        if (!m.matches() || m.group(1).equals(NO_MAC)) {
            return Optional.empty();
        }
        return Optional.of(FileRequest.settings(new MacAddress(m.group(1).toLowerCase(Locale.ROOT))));
    }

    @Override
    public ConfigFile render(FileRequest request, PhoneProfile p) {
        CfgWriter cfg = new CfgWriter();
        cfg.comment("hotdesk: " + p.screenTitle() + " (" + p.mac().colonSeparated() + ")");
        // check-sync re-provisions without a reboot; only "reboot=true" in the Event would reboot (§1.5)
        cfg.set("sip.notify_reboot_enable", "0");
        for (PhoneLine line : p.lines()) {
            account(cfg, p, line);
        }
        time(cfg, p);
        hotDesking(cfg, p);
        keys(cfg, p);
        return ConfigFile.text(cfg.toString());
    }

    private static void account(CfgWriter cfg, PhoneProfile p, PhoneLine line) {
        String a = "account." + line.index() + ".";
        if (line.account() == null) {
            // the person logged in with the phone's own hot-desk key: the phone holds their registration, and
            // writing account 1 here would log them off at the next fetch
            cfg.comment("account " + line.index() + " is the one the person keyed in with the hot-desk key");
            return;
        }
        cfg.set(a + "enable", "1");
        cfg.set(a + "label", line.label());
        cfg.set(a + "display_name", line.displayName());
        cfg.set(a + "auth_name", line.account().username());
        cfg.set(a + "user_name", line.account().username());
        cfg.set(a + "password", line.account().password());
        // the registrar is the tenant's domain, so the phone's URIs name it; the outbound proxy is this server
        cfg.set(a + "sip_server.1.address", p.server().domain());
        cfg.set(a + "sip_server.1.port", String.valueOf(p.server().port()));
        cfg.set(a + "sip_server.1.transport_type", transport(p));
        cfg.set(a + "sip_server.1.expires", String.valueOf(p.registerExpirySeconds()));
        cfg.set(a + "outbound_proxy_enable", "1");
        cfg.set(a + "outbound_proxy.1.address", p.server().proxyHost());
        cfg.set(a + "outbound_proxy.1.port", String.valueOf(p.server().port()));
    }

    private static String transport(PhoneProfile p) {
        return switch (p.server().transport()) {
            case UDP -> "0";
            case TCP -> "1";
            case TLS -> "2";
        };
    }

    private static void time(CfgWriter cfg, PhoneProfile p) {
        TimeZoneInfo tz = p.timeZone();
        cfg.set("local_time.ntp_server1", p.ntpServer());
        cfg.set("local_time.time_zone", offset(tz.standardOffsetSeconds()));
        if (tz.dst() == null) {
            cfg.set("local_time.summer_time", "0");
        } else {
            // by week: month/week/day-of-week(7 = Sunday)/hour, week 5 = the last (Wazo v84 plugin tests)
            cfg.set("local_time.summer_time", "1");
            cfg.set("local_time.dst_time_type", "1");
            cfg.set("local_time.start_time", change(tz.dst().start()));
            cfg.set("local_time.end_time", change(tz.dst().end()));
            cfg.set("local_time.offset_time", String.valueOf(tz.dst().savingSeconds() / 60));
        }
    }

    private static String offset(int seconds) {
        int abs = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "+";
        int minutes = abs % 3600 / 60;
        return sign + abs / 3600 + (minutes == 0 ? "" : ":" + String.format(Locale.ROOT, "%02d", minutes));
    }

    private static String change(TimeZoneInfo.Change c) {
        return c.month() + "/" + c.week() + "/" + c.dayOfWeek().getValue() + "/" + c.hour();
    }

    private static void hotDesking(CfgWriter cfg, PhoneProfile p) {
        if (!p.phoneKeyMode()) {
            return;
        }
        // the login dialog asks for extension and PIN only; server and outbound proxy stay account 1's (seed 003)
        cfg.set("hotdesking.dsskey_register_name_enable", "0");
        cfg.set("hotdesking.dsskey_username_enable", "1");
        cfg.set("hotdesking.dsskey_password_enable", "1");
        cfg.set("hotdesking.dsskey_sip_server_enable", "0");
        cfg.set("hotdesking.dsskey_outbound_enable", "0");
    }

    private static void keys(CfgWriter cfg, PhoneProfile p) {
        for (int slot = 1; slot <= PhoneProfile.KEY_SLOTS; slot++) {
            String k = "linekey." + slot + ".";
            ProfileKey key = slot <= p.keys().size() ? p.keys().get(slot - 1) : null;
            if (key == null) {
                cfg.set(k + "type", "0");
                cfg.set(k + "value", NULL);
                cfg.set(k + "line", NULL);
                cfg.set(k + "label", NULL);
                continue;
            }
            switch (key.kind()) {
                case SPEED_DIAL -> {
                    cfg.set(k + "type", "13");
                    cfg.set(k + "value", key.value());
                    cfg.set(k + "line", "1");
                }
                case BLF -> {
                    cfg.set(k + "type", "16");
                    cfg.set(k + "value", key.value());
                    cfg.set(k + "line", "1");
                }
                case HOT_DESK -> {
                    // type 34 with line 0 and no value, as the Infinity guide's example (seed 003)
                    cfg.set(k + "type", "34");
                    cfg.set(k + "value", NULL);
                    cfg.set(k + "line", "0");
                }
            }
            cfg.set(k + "label", key.label());
        }
    }
}
