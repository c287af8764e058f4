package org.hotdesk.provisioning.poly;

import org.hotdesk.provisioning.profile.TimeZoneInfo;

/**
 * The time server and zone as {@code tcpIpApp.sntp.*} (VENDORS.md §2.2): offset in seconds, and the summer-time
 * rule as month / nth weekday / hour, the shape Wazo's Polycom plugin writes (VENDORS.md §2.2, W common.py).
 */
final class PolyClock {
    private PolyClock() {
    }

    static void write(PolyParams params, String ntpServer, TimeZoneInfo zone) {
        params.group("sntp")
                .param("tcpIpApp.sntp.address", ntpServer)
                .param("tcpIpApp.sntp.address.overrideDHCP", "1")
                .param("tcpIpApp.sntp.gmtOffset", zone.standardOffsetSeconds())
                .param("tcpIpApp.sntp.gmtOffset.overrideDHCP", "1");
        TimeZoneInfo.Dst dst = zone.dst();
        if (dst == null) {
            params.param("tcpIpApp.sntp.daylightSavings.enable", "0");
            return;
        }
        params.param("tcpIpApp.sntp.daylightSavings.enable", "1")
                // 0: the rule is "nth weekday of the month", not a fixed date
                .param("tcpIpApp.sntp.daylightSavings.fixedDayEnable", "0");
        change(params, "start", dst.start());
        change(params, "stop", dst.end());
    }

    private static void change(PolyParams params, String which, TimeZoneInfo.Change c) {
        String prefix = "tcpIpApp.sntp.daylightSavings." + which;
        params.param(prefix + ".month", c.month())
                // whole hours: UCS takes the hour only (Wazo writes the change time as hours too)
                .param(prefix + ".time", c.hour())
                // 1 = Sunday ... 7 = Saturday, Wazo's weekday numbering (java.time: Monday = 1 ... Sunday = 7)
                .param(prefix + ".dayOfWeek", c.dayOfWeek().getValue() % 7 + 1);
        if (c.week() == 5) {
            params.param(prefix + ".dayOfWeek.lastInMonth", "1");
        } else {
            // the nth weekday is "the weekday on or after day 1, 8, 15 or 22"
            params.param(prefix + ".dayOfWeek.lastInMonth", "0")
                    .param(prefix + ".date", (c.week() - 1) * 7 + 1);
        }
    }
}
