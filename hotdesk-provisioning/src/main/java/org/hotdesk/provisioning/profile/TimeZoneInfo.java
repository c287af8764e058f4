package org.hotdesk.provisioning.profile;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A tenant's time zone in the shapes phones take: a standard offset (Yealink hours, Poly seconds, Fanvil quarter
 * hours, Cisco GMT+hh:mm), a POSIX TZ string (Grandstream), and the daylight-saving rule.
 *
 * @param zone                  the zone as configured, e.g. {@code Europe/Berlin}
 * @param standardOffsetSeconds offset from UTC outside daylight saving time
 * @param posix                 e.g. {@code CET-1CEST,M3.5.0,M10.5.0/3}
 * @param dst                   the yearly daylight-saving rule, or null where there is none
 */
public record TimeZoneInfo(ZoneId zone, int standardOffsetSeconds, String posix, Dst dst) {

    /**
     * When summer time starts and ends, in local wall-clock time before each change.
     *
     * @param savingSeconds how far clocks go forward
     */
    public record Dst(Change start, Change end, int savingSeconds) {
    }

    /**
     * One change of the clocks: in {@code month}, on the {@code week}th {@code dayOfWeek} (5 = the last one), at
     * {@code hour}:{@code minute} local time.
     */
    public record Change(int month, int week, DayOfWeek dayOfWeek, int hour, int minute) {
    }

    /** The zone's rules as in force at {@code at}. */
    public static TimeZoneInfo of(ZoneId zone, Instant at) {
        ZoneRules rules = zone.getRules();
        ZoneOffset standard = rules.getStandardOffset(at);
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        Dst dst = null;
        if (yearly.size() == 2) {
            int year = LocalDateTime.ofInstant(at, zone).getYear();
            ZoneOffsetTransition a = yearly.get(0).createTransition(year);
            ZoneOffsetTransition b = yearly.get(1).createTransition(year);
            ZoneOffsetTransition start = a.isGap() ? a : b;
            ZoneOffsetTransition end = a.isGap() ? b : a;
            dst = new Dst(change(start), change(end),
                    start.getOffsetAfter().getTotalSeconds() - start.getOffsetBefore().getTotalSeconds());
        }
        return new TimeZoneInfo(zone, standard.getTotalSeconds(), posix(zone, standard, dst), dst);
    }

    /**
     * Until when {@link #of} answers the same for {@code at}: the zone's next transition or the next new year in
     * it, whichever comes first (a configuration that spells the zone out is kept no longer than that).
     */
    public static Instant nextChange(ZoneId zone, Instant at) {
        ZoneRules rules = zone.getRules();
        Instant newYear = LocalDateTime.ofInstant(at, zone).toLocalDate().withDayOfYear(1).plusYears(1)
                .atStartOfDay(zone).toInstant();
        ZoneOffsetTransition next = rules.nextTransition(at);
        return next != null && next.getInstant().isBefore(newYear) ? next.getInstant() : newYear;
    }

    private static Change change(ZoneOffsetTransition t) {
        LocalDateTime before = t.getDateTimeBefore();
        int day = before.getDayOfMonth();
        int week = day + 7 > before.toLocalDate().lengthOfMonth() ? 5 : (day - 1) / 7 + 1;
        return new Change(before.getMonthValue(), week, before.getDayOfWeek(), before.getHour(), before.getMinute());
    }

    private static String posix(ZoneId zone, ZoneOffset standard, Dst dst) {
        TimeZone legacy = TimeZone.getTimeZone(zone);
        String std = abbreviation(legacy.getDisplayName(false, TimeZone.SHORT, Locale.US), standard.getTotalSeconds());
        StringBuilder sb = new StringBuilder(std).append(posixOffset(-standard.getTotalSeconds()));
        if (dst != null) {
            int summer = standard.getTotalSeconds() + dst.savingSeconds();
            sb.append(abbreviation(legacy.getDisplayName(true, TimeZone.SHORT, Locale.US), summer));
            if (dst.savingSeconds() != 3600) {
                sb.append(posixOffset(-summer));
            }
            sb.append(',').append(posixChange(dst.start())).append(',').append(posixChange(dst.end()));
        }
        return sb.toString();
    }

    // POSIX wants 3+ letters, or <+0530> for a numeric name; the JDK gives "GMT+05:30" where it knows no letters. US English names: the abbreviations phones and tzdata use
    private static String abbreviation(String shortName, int offsetSeconds) {
        if (shortName.matches("[A-Za-z]{3,}")) {
            return shortName;
        }
        int abs = Math.abs(offsetSeconds);
        String sign = offsetSeconds < 0 ? "-" : "+";
        String hours = String.format(Locale.ROOT, "%02d", abs / 3600);
        int minutes = abs % 3600 / 60;
        return "<" + sign + hours + (minutes == 0 ? "" : String.format(Locale.ROOT, "%02d", minutes)) + ">";
    }

    private static String posixOffset(int seconds) {
        int abs = Math.abs(seconds);
        String text = (seconds < 0 ? "-" : "") + abs / 3600;
        if (abs % 3600 != 0) {
            text += String.format(Locale.ROOT, ":%02d", abs % 3600 / 60);
        }
        return text;
    }

    private static String posixChange(Change c) {
        String text = "M" + c.month() + "." + c.week() + "." + (c.dayOfWeek().getValue() % 7);
        if (c.hour() != 2 || c.minute() != 0) {
            text += "/" + c.hour() + (c.minute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", c.minute()));
        }
        return text;
    }

    /** e.g. "Central European Standard Time", for phones that show a zone name. */
    public String displayName() {
        return zone.getDisplayName(TextStyle.FULL, Locale.US);
    }
}
