package org.hotdesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.policy.SessionPolicy;
import org.junit.jupiter.api.Test;

class DeadlineRuleTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant LOGIN = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void theEarliestTimerWins() {
        var deadline = DeadlineRule.next(LOGIN, LOGIN, 0, new SessionPolicy(5, 8, LocalTime.of(8, 3)), UTC);

        assertThat(deadline).contains(new Deadline(Instant.parse("2026-06-01T08:03:00Z"), LogoutReason.SCHEDULED));
    }

    @Test
    void idleCountsFromTheLastActivity() {
        Instant lastCallEnd = LOGIN.plusSeconds(3600);

        var deadline = DeadlineRule.next(LOGIN, lastCallEnd, 0, new SessionPolicy(5, 8, null), UTC);

        assertThat(deadline).contains(new Deadline(lastCallEnd.plusSeconds(300), LogoutReason.IDLE_TIMEOUT));
    }

    @Test
    void nothingFiresWhileACallIsUp() {
        assertThat(DeadlineRule.next(LOGIN, LOGIN, 1, SessionPolicy.DEFAULT, UTC)).isEmpty();
    }

    @Test
    void allTimersOffMeansNoDeadline() {
        assertThat(DeadlineRule.next(LOGIN, LOGIN, 0, new SessionPolicy(0, 0, null), UTC)).isEmpty();
    }

    @Test
    void aDailyTimeAlreadyPassedTodayMeansTomorrow() {
        var deadline = DeadlineRule.next(LOGIN, LOGIN, 0, new SessionPolicy(0, 0, LocalTime.of(7, 0)), UTC);

        assertThat(deadline).contains(new Deadline(Instant.parse("2026-06-02T07:00:00Z"), LogoutReason.SCHEDULED));
    }

    @Test
    void theDailyTimeIsWallClockTimeAcrossDaylightSaving() {
        // New York switches to summer time on 2026-03-08: 18:00 local is 23:00 UTC before, 22:00 UTC after
        ZoneId ny = ZoneId.of("America/New_York");
        SessionPolicy daily = new SessionPolicy(0, 0, LocalTime.of(18, 0));

        assertThat(DeadlineRule.next(Instant.parse("2026-03-07T15:00:00Z"), Instant.parse("2026-03-07T15:00:00Z"), 0, daily, ny))
                .map(Deadline::at).contains(Instant.parse("2026-03-07T23:00:00Z"));
        assertThat(DeadlineRule.next(Instant.parse("2026-03-09T15:00:00Z"), Instant.parse("2026-03-09T15:00:00Z"), 0, daily, ny))
                .map(Deadline::at).contains(Instant.parse("2026-03-09T22:00:00Z"));
    }

    @Test
    void deviceOverridesReplaceOnlyWhatTheySet() {
        SessionPolicy tenant = new SessionPolicy(5, 8, LocalTime.of(19, 0));

        SessionPolicy effective = tenant.overriddenBy(new DevicePolicyOverride(0, null, null));

        assertThat(effective).isEqualTo(new SessionPolicy(0, 8, LocalTime.of(19, 0)));
    }
}
