package org.hotdesk.core.usage;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceService;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.history.SessionSpan;
import org.hotdesk.core.session.SessionStore;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.site.SiteService;
import org.hotdesk.core.tenant.TenantService;

/**
 * Reports how desks were used: logins by hour of the day, and per site and floor the peak of desks taken at once
 * and the share of working hours they were taken. What facilities teams ask of hot-desking (B3Networks' and
 * ring2all's occupancy reports): are there too many desks on a floor, or too few at 9 o'clock?
 */
public final class UsageReports {
    /** A report reads every session in its period; three months is what the console offers and bounds the read. */
    public static final int MAX_DAYS = 93;
    static final LocalTime WORK_STARTS = LocalTime.of(8, 0);
    static final LocalTime WORK_ENDS = LocalTime.of(18, 0);

    private final TenantService tenants;
    private final DeviceService devices;
    private final SiteService sites;
    private final SessionStore sessions;
    private final Clock clock;

    public UsageReports(TenantService tenants, DeviceService devices, SiteService sites, SessionStore sessions,
                        Clock clock) {
        this.tenants = tenants;
        this.devices = devices;
        this.sites = sites;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The tenant's desk use from {@code from} (inclusive) to {@code to} (exclusive), at most {@link #MAX_DAYS}. */
    public UsageReport report(long tenantId, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "the end of the period must come after its start");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS + 1)) > 0) {
            throw new InvalidInputException("to", "a usage report covers at most " + MAX_DAYS + " days");
        }
        ZoneId zone = tenants.get(tenantId).settings().timeZone();
        Instant now = clock.instant();
        List<SessionSpan> spans = sessions.spans(tenantId, from, to);

        int[] byHour = new int[24];
        for (SessionSpan s : spans) {
            if (!s.startedAt().isBefore(from) && s.startedAt().isBefore(to)) {
                byHour[s.startedAt().atZone(zone).getHour()]++;
            }
        }

        Map<Long, Site> siteById = sites.list(tenantId).stream().collect(Collectors.toMap(Site::id, Function.identity()));
        Map<Long, GroupKey> groupOf = new HashMap<>();
        Map<GroupKey, Integer> deskCount = new TreeMap<>(GroupKey.ORDER);
        for (Device d : devices.list(tenantId)) {
            if (d.isGatewayLine()) continue;
            Site site = d.siteId() == null ? null : siteById.get(d.siteId());
            String floor = d.location().floor() != null ? d.location().floor()
                    : site == null ? null : site.location().floor();
            GroupKey key = new GroupKey(site == null ? null : site.name(), floor);
            groupOf.put(d.id(), key);
            deskCount.merge(key, 1, Integer::sum);
        }

        Instant end = now.isBefore(to) ? now : to;
        Map<GroupKey, List<SessionSpan>> taken = new HashMap<>();
        for (SessionSpan s : spans) {
            GroupKey key = groupOf.get(s.deviceId());
            if (key == null) continue;   // a gateway line, or a desk removed since
            Instant a = s.startedAt().isBefore(from) ? from : s.startedAt();
            Instant b = s.endedAt() == null || s.endedAt().isAfter(end) ? end : s.endedAt();
            if (a.isBefore(b)) taken.computeIfAbsent(key, k -> new ArrayList<>()).add(new SessionSpan(s.deviceId(), a, b));
        }

        long workingSeconds = workingSeconds(from, to, zone);
        List<DeskGroup> groups = new ArrayList<>();
        deskCount.forEach((key, desks) -> {
            List<SessionSpan> used = taken.getOrDefault(key, List.of());
            long busy = used.stream().mapToLong(s -> workingSeconds(s.startedAt(), s.endedAt(), zone)).sum();
            double share = workingSeconds == 0 ? 0 : Math.min(1.0, busy / (double) (workingSeconds * desks));
            groups.add(new DeskGroup(key.site(), key.floor(), desks, peak(used), share));
        });
        List<Integer> hours = new ArrayList<>(24);
        for (int h : byHour) hours.add(h);
        return new UsageReport(from, to, zone, hours, groups);
    }

    /** The most spans open at one moment; a span ending as another starts does not count twice. */
    static int peak(List<SessionSpan> spans) {
        record Edge(Instant at, int change) {
        }
        List<Edge> edges = new ArrayList<>(spans.size() * 2);
        for (SessionSpan s : spans) {
            edges.add(new Edge(s.startedAt(), 1));
            edges.add(new Edge(s.endedAt(), -1));
        }
        edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::change));
        int open = 0;
        int most = 0;
        for (Edge e : edges) {
            open += e.change();
            most = Math.max(most, open);
        }
        return most;
    }

    /** Seconds of [a, b) that fall on Monday to Friday between 08:00 and 18:00 in the zone. */
    static long workingSeconds(Instant a, Instant b, ZoneId zone) {
        long total = 0;
        LocalDate last = b.atZone(zone).toLocalDate();
        for (LocalDate day = a.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            Instant start = day.atTime(WORK_STARTS).atZone(zone).toInstant();
            Instant stop = day.atTime(WORK_ENDS).atZone(zone).toInstant();
            Instant x = start.isAfter(a) ? start : a;
            Instant y = stop.isBefore(b) ? stop : b;
            if (x.isBefore(y)) total += Duration.between(x, y).toSeconds();
        }
        return total;
    }

    /** A site (null: none) and floor (null: none); desks without either come last. */
    private record GroupKey(String site, String floor) {
        static final Comparator<GroupKey> ORDER = Comparator
                .comparing(GroupKey::site, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(GroupKey::floor, Comparator.nullsLast(GroupKey::floorOrder));

        /** Floors as numbers where they are numbers: 2 before 10; "EG" and "B1" after them, alphabetically. */
        private static int floorOrder(String a, String b) {
            boolean na = a.matches("-?[0-9]{1,6}");
            boolean nb = b.matches("-?[0-9]{1,6}");
            if (na && nb) return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
            if (na != nb) return na ? -1 : 1;
            return a.compareToIgnoreCase(b);
        }
    }
}
