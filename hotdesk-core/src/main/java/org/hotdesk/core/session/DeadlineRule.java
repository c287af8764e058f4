package org.hotdesk.core.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.hotdesk.core.policy.SessionPolicy;

/**
 * Computes when an open session ends by itself: the earliest of the idle timeout (from the last call's
 * end), the maximum duration (from login) and the daily logout time. Nothing fires while a call is up:
 * the deadline is recomputed when the call ends.
 */
public final class DeadlineRule {
    private DeadlineRule() {
    }

    public static Optional<Deadline> next(Instant startedAt, Instant lastActivityAt, int activeCalls,
                                          SessionPolicy policy, ZoneId zone) {
        if (activeCalls > 0) {
            return Optional.empty();
        }
        Deadline best = null;
        if (policy.idleLogoutMinutes() > 0) {
            best = earlier(best, new Deadline(lastActivityAt.plus(Duration.ofMinutes(policy.idleLogoutMinutes())),
                    LogoutReason.IDLE_TIMEOUT));
        }
        if (policy.maxSessionHours() > 0) {
            best = earlier(best, new Deadline(startedAt.plus(Duration.ofHours(policy.maxSessionHours())),
                    LogoutReason.MAX_DURATION));
        }
        if (policy.dailyLogoutTime() != null) {
            ZonedDateTime start = startedAt.atZone(zone);
            ZonedDateTime today = start.with(policy.dailyLogoutTime());
            ZonedDateTime next = today.isAfter(start) ? today : today.plusDays(1).with(policy.dailyLogoutTime());
            best = earlier(best, new Deadline(next.toInstant(), LogoutReason.SCHEDULED));
        }
        return Optional.ofNullable(best);
    }

    private static Deadline earlier(Deadline current, Deadline candidate) {
        return current == null || candidate.at().isBefore(current.at()) ? candidate : current;
    }
}
