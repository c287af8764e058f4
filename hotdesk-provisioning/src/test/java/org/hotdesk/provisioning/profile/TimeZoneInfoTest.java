package org.hotdesk.provisioning.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZoneInfoTest {
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void berlinHasTheEuropeanSummerTimeRuleInLocalTime() {
        TimeZoneInfo tz = TimeZoneInfo.of(ZoneId.of("Europe/Berlin"), NOW);
        assertThat(tz.standardOffsetSeconds()).isEqualTo(3600);
        assertThat(tz.posix()).isEqualTo("CET-1CEST,M3.5.0,M10.5.0/3");
        assertThat(tz.dst().start()).isEqualTo(new TimeZoneInfo.Change(3, 5, DayOfWeek.SUNDAY, 2, 0));
        assertThat(tz.dst().end()).isEqualTo(new TimeZoneInfo.Change(10, 5, DayOfWeek.SUNDAY, 3, 0));
        assertThat(tz.dst().savingSeconds()).isEqualTo(3600);
    }

    @Test
    void newYorkChangesOnTheSecondAndFirstSunday() {
        TimeZoneInfo tz = TimeZoneInfo.of(ZoneId.of("America/New_York"), NOW);
        assertThat(tz.standardOffsetSeconds()).isEqualTo(-5 * 3600);
        assertThat(tz.posix()).isEqualTo("EST5EDT,M3.2.0,M11.1.0");
    }

    @Test
    void zonesWithoutSummerTimeOrWithHalfHoursAreWrittenOut() {
        assertThat(TimeZoneInfo.of(ZoneId.of("UTC"), NOW).posix()).isEqualTo("UTC0");
        TimeZoneInfo kolkata = TimeZoneInfo.of(ZoneId.of("Asia/Kolkata"), NOW);
        assertThat(kolkata.dst()).isNull();
        assertThat(kolkata.standardOffsetSeconds()).isEqualTo(19800);
        assertThat(kolkata.posix()).isEqualTo("IST-5:30");
    }
}
