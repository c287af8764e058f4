package org.hotdesk.web.console.history;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.usage.DeskGroup;
import org.hotdesk.core.usage.UsageReport;

/**
 * A usage report drawn as two server-rendered SVG charts (no script, prints, reads without colour): logins per
 * hour of the day as 24 columns, and per site and floor a bar for the share of working hours the desks were taken,
 * with the peak of desks taken at once beside it. The geometry is worked out here so the template only places it.
 *
 * @param period  the days covered, as the page says them: "2026-11-30 to 2026-12-06"
 * @param ticks   the hour chart's horizontal guide lines, bottom to top
 * @param height  the occupancy chart's height in SVG units (one row per group)
 */
public record UsageChart(String period, int logins, List<HourBar> hours, List<Tick> ticks, List<GroupBar> groups,
                         int height) {
    /** The hour chart's plot area, in SVG user units. */
    public static final int LEFT = 44;
    public static final int TOP = 12;
    public static final int BOTTOM = 192;
    public static final int COLUMN = 28;
    public static final int BAR = 22;
    public static final int WIDTH = LEFT + 24 * COLUMN + 8;
    /** The occupancy chart: label column, then a bar track of this width. */
    public static final int TRACK_LEFT = 230;
    public static final int TRACK = 360;
    public static final int ROW = 34;

    /** One hour of the day: its column's place and what its tooltip and table say. */
    public record HourBar(int hour, int logins, int x, int y, int height, String label) {
        /** Hour labels under every third column, to stay readable at 375 px. */
        public boolean labelled() {
            return hour % 3 == 0;
        }

        public String hourText() {
            return String.format("%02d", hour);
        }
    }

    /** A guide line at {@code value} logins, at height {@code y}. */
    public record Tick(int value, int y) {
    }

    /** One site and floor: the share bar's width, the peak marker's place, and the words beside them. */
    public record GroupBar(String label, int desks, int peak, int sharePercent, int y, int shareWidth, int peakX,
                           String summary) {
    }

    public static UsageChart of(UsageReport report, String period) {
        int most = report.loginsByHour().stream().mapToInt(Integer::intValue).max().orElse(0);
        int top = niceCeiling(most);
        List<HourBar> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            int n = report.loginsByHour().get(h);
            int height = top == 0 ? 0 : (int) Math.round((BOTTOM - TOP) * (double) n / top);
            hours.add(new HourBar(h, n, LEFT + h * COLUMN + (COLUMN - BAR) / 2, BOTTOM - height, height,
                    String.format("%02d:00–%02d:00: %d %s", h, (h + 1) % 24, n, n == 1 ? "login" : "logins")));
        }
        List<Tick> ticks = new ArrayList<>();
        if (top > 0) {
            for (int i = 0; i <= 4; i++) {
                int value = top * i / 4;
                ticks.add(new Tick(value, BOTTOM - (BOTTOM - TOP) * i / 4));
            }
        }
        List<GroupBar> groups = new ArrayList<>();
        int y = 8;
        for (DeskGroup g : report.groups()) {
            int percent = (int) Math.round(g.workingShare() * 100);
            int shareWidth = (int) Math.round(TRACK * g.workingShare());
            int peakX = TRACK_LEFT + (g.desks() == 0 ? 0 : (int) Math.round(TRACK * (double) g.peakInUse() / g.desks()));
            String summary = percent + " % of working hours · peak " + g.peakInUse() + " of " + g.desks()
                    + (g.desks() == 1 ? " desk" : " desks");
            groups.add(new GroupBar(g.label(), g.desks(), g.peakInUse(), percent, y, shareWidth, peakX, summary));
            y += ROW;
        }
        return new UsageChart(period, report.logins(), hours, ticks, groups, y + 4);
    }

    /** Four guide steps of a round size (1, 2 or 5 × 10ⁿ) that reach at least n: 4, 8, 20, 40, 80, 200, ... */
    static int niceCeiling(int n) {
        if (n <= 0) return 0;
        for (long magnitude = 1; ; magnitude *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                if (4 * step * magnitude >= n) return (int) (4 * step * magnitude);
            }
        }
    }
}
