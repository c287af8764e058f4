package org.hotdesk.core.usage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How a tenant's desks were used over a period: when people logged in, by hour of the day, and how full each site
 * and floor was.
 *
 * @param loginsByHour 24 counts: logins that started in that hour of the day (tenant's zone), over the whole period
 * @param groups       one per site and floor, in site then floor order
 */
public record UsageReport(Instant from, Instant to, ZoneId zone, List<Integer> loginsByHour, List<DeskGroup> groups) {
    public UsageReport {
        loginsByHour = List.copyOf(loginsByHour);
        groups = List.copyOf(groups);
    }

    public int logins() {
        return loginsByHour.stream().mapToInt(Integer::intValue).sum();
    }
}
