package org.hotdesk.web.console.history;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.usage.UsageReports;
import org.hotdesk.core.user.User;

/**
 * The history page's filters as typed (a GET form: a filtered view can be bookmarked): a period of whole days in
 * the tenant's zone, a person by extension or name, a text for the audit log, and the page.
 */
record HistoryFilter(String tab, String person, String from, String to, String search, int page) {
    static final int PAGE_SIZE = 50;

    static HistoryFilter of(Context ctx, String tab) {
        String raw = ctx.queryParam("page");
        int page = raw != null && raw.matches("[0-9]{1,6}") ? Math.max(1, Integer.parseInt(raw)) : 1;
        return new HistoryFilter(tab, text(ctx, "person"), text(ctx, "from"), text(ctx, "to"), text(ctx, "q"), page);
    }

    private static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    /** The window of this page (one row more than shown, to learn whether an older page exists). */
    HistoryWindow window(ZoneId zone, int pageSize, List<String> problems) {
        Instant start = day(from, zone, "start", problems).map(d -> d.atStartOfDay(zone).toInstant()).orElse(null);
        Instant end = day(to, zone, "end", problems).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()).orElse(null);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add("The period ends before it starts: showing everything instead.");
            start = null;
            end = null;
        }
        return new HistoryWindow(start, end, (page - 1) * pageSize, pageSize + 1);
    }

    /**
     * The days the charts cover: as typed, else the week up to {@code today}; at most
     * {@link UsageReports#MAX_DAYS} days (the last ones kept), never a period that ends before it starts.
     */
    LocalDate[] chartDays(LocalDate today, List<String> problems) {
        LocalDate last = day(to, null, "end", problems).orElse(null);
        LocalDate first = day(from, null, "start", problems).orElse(null);
        if (last == null) {
            last = first == null ? today : first.plusDays(6).isAfter(today) ? today : first.plusDays(6);
        }
        if (first == null) first = last.minusDays(6);
        if (first.isAfter(last)) {
            problems.add("The period ends before it starts: showing the week up to " + last + " instead.");
            first = last.minusDays(6);
        }
        if (first.plusDays(UsageReports.MAX_DAYS - 1).isBefore(last)) {
            first = last.minusDays(UsageReports.MAX_DAYS - 1);
            problems.add("Charts cover at most " + UsageReports.MAX_DAYS + " days: showing " + first + " to " + last + ".");
        }
        return new LocalDate[] {first, last};
    }

    private static Optional<LocalDate> day(String text, ZoneId zone, String which, List<String> problems) {
        if (text.isEmpty()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            problems.add("'" + text + "' is not a date like 2026-12-31, so the period has no " + which + ".");
            return Optional.empty();
        }
    }

    /**
     * The person typed: an extension, or a name (or part of one) that only one person has. Empty when nothing was
     * typed; a problem is added when nobody, or more than one, fits.
     */
    Optional<User> who(List<User> users, List<String> problems) {
        if (person.isEmpty()) return Optional.empty();
        String p = person.toLowerCase(Locale.ROOT);
        Optional<User> byExtension = users.stream().filter(u -> u.extension().equals(person)).findFirst();
        if (byExtension.isPresent()) return byExtension;
        List<User> byName = users.stream().filter(u -> u.name().toLowerCase(Locale.ROOT).contains(p)).limit(2).toList();
        if (byName.size() == 1) return Optional.of(byName.get(0));
        problems.add(byName.isEmpty() ? "Nobody has the extension or name '" + person + "': showing everyone."
                : "More than one person's name contains '" + person + "': type more of it, or the extension. "
                        + "Showing everyone.");
        return Optional.empty();
    }

    /** The filters as a query string, without the page. */
    String query() {
        List<String> parts = new ArrayList<>();
        parts.add("tab=" + tab);
        add(parts, "person", person);
        add(parts, "from", from);
        add(parts, "to", to);
        if (tab.equals("audit")) add(parts, "q", search);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
