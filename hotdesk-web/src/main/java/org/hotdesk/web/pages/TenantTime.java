package org.hotdesk.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as an admin of this tenant reads them: in the tenant's time zone (not the server's), relative to
 * the server clock's "now" so a test's moved clock shows the same as production would.
 */
public record TenantTime(ZoneId zone, Instant now) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    /** "10:45" today, "Tue 10:45" within the coming or past week, "Mon 2 Mar 10:45" otherwise. */
    public String time(Instant at) {
        if (at == null) return "";
        ZonedDateTime z = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (z.toLocalDate().equals(today)) return TIME.format(z);
        long days = Math.abs(Duration.between(now, at).toDays());
        return days < 6 ? WEEKDAY_TIME.format(z) : DAY_TIME.format(z);
    }

    /** Always with the day, for history lists where rows span days: "Mon 2 Mar 10:45". */
    public String dateTime(Instant at) {
        return at == null ? "" : DAY_TIME.format(at.atZone(zone));
    }

    /** How long since {@code from}: "2 h 14 min", "45 min", "under a minute". */
    public String since(Instant from) {
        return duration(from, now);
    }

    public static String duration(Instant from, Instant to) {
        if (from == null || to == null) return "";
        long minutes = Math.max(0, Duration.between(from, to).toMinutes());
        if (minutes < 1) return "under a minute";
        if (minutes < 60) return minutes + " min";
        long hours = minutes / 60;
        if (hours < 48) return hours + " h " + (minutes % 60) + " min";
        return (hours / 24) + " d " + (hours % 24) + " h";
    }

    public boolean isToday(Instant at) {
        return at != null && at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    }

    /** e.g. "Europe/Berlin", shown next to times so nobody wonders whose clock they are. */
    public String zoneName() {
        return zone.getId();
    }
}
