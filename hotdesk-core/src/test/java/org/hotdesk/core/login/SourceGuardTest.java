package org.hotdesk.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SourceGuardTest {
    Instant now = Instant.parse("2026-03-02T08:00:00Z");
    final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    final SourceGuard guard = new SourceGuard(clock, new SourceLimits(10, 60, 15));

    @Test
    void halfTheAllowanceIsFreeThenEachFailureSlowsByHalfASecondUpToFive() {
        for (int i = 0; i < 4; i++) guard.failed("192.0.2.1", "wrong");
        assertThat(guard.delayFor("192.0.2.1")).isZero();
        guard.failed("192.0.2.1", "wrong");
        assertThat(guard.delayFor("192.0.2.1")).isEqualTo(Duration.ofMillis(500));
        guard.failed("192.0.2.1", "wrong");
        assertThat(guard.delayFor("192.0.2.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(guard.delayFor("192.0.2.2")).as("another address").isZero();
        assertThat(guard.isBlocked("192.0.2.1")).isFalse();
    }

    @Test
    void theLimitBlocksForTheBlockTimeAndFailuresOutsideTheWindowAreForgotten() {
        for (int i = 0; i < 9; i++) guard.failed("192.0.2.1", "wrong");
        now = now.plusSeconds(61);
        guard.failed("192.0.2.1", "wrong");
        assertThat(guard.isBlocked("192.0.2.1")).as("the first nine are too old").isFalse();
        assertThat(guard.delayFor("192.0.2.1")).isZero();

        for (int i = 0; i < 9; i++) guard.failed("192.0.2.1", "wrong");
        assertThat(guard.isBlocked("192.0.2.1")).isTrue();
        now = now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(guard.isBlocked("192.0.2.1")).isFalse();
    }

    @Test
    void onlyRefusalsForAGuessedSecretCount() {
        for (int i = 0; i < 10; i++) {
            guard.count("192.0.2.1", "voice menu", new LoginResult.Refused(LoginRefusal.HOT_DESK_NOT_ALLOWED));
            guard.count("192.0.2.1", "voice menu", new LoginResult.Refused(LoginRefusal.LOGGED_IN_ELSEWHERE));
        }
        assertThat(guard.delayFor("192.0.2.1")).isZero();
        for (int i = 0; i < 10; i++) guard.count("192.0.2.1", "voice menu", new LoginResult.Refused(LoginRefusal.INVALID_CREDENTIALS));
        assertThat(guard.isBlocked("192.0.2.1")).isTrue();
    }
}
