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

    @Test
    void failuresCountedOnTwoNodesBlockAtTheAllowanceNotAtTwiceIt() {
        SourceGuard nodeA = guard;
        SourceGuard nodeB = new SourceGuard(clock, new SourceLimits(10, 60, 15));
        nodeA.shareWithOtherNodes();
        nodeB.shareWithOtherNodes();
        for (int i = 0; i < 5; i++) nodeA.failed("192.0.2.1", "wrong");
        nodeA.news().forEach(nodeB::heard);
        assertThat(nodeB.delayFor("192.0.2.1")).as("B counts A's five").isEqualTo(Duration.ofMillis(500));

        for (int i = 0; i < 5; i++) nodeB.failed("192.0.2.1", "wrong");
        assertThat(nodeB.isBlocked("192.0.2.1")).as("five here and five there").isTrue();
        var news = nodeB.news();
        assertThat(news).as("B's own failures and its block, not A's failures told back")
                .containsExactlyInAnyOrder(new SourceNews("192.0.2.1", 0, now.plus(Duration.ofMinutes(15))),
                        new SourceNews("192.0.2.1", 5, null));
        news.forEach(nodeA::heard);
        assertThat(nodeA.isBlocked("192.0.2.1")).as("A holds B's block").isTrue();
        assertThat(nodeA.news()).as("nothing to tell back").isEmpty();
        assertThat(nodeA.isBlocked("192.0.2.2")).isFalse();

        now = now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(nodeA.isBlocked("192.0.2.1")).as("the block ends on both").isFalse();
        assertThat(nodeB.isBlocked("192.0.2.1")).isFalse();
    }

    @Test
    void aServerAloneKeepsNoNews() {
        guard.failed("192.0.2.1", "wrong");
        assertThat(guard.news()).isEmpty();
    }

    @Test
    void aBlockThatHasEndedIsNotTakenFromAnotherNode() {
        guard.heard(new SourceNews("192.0.2.1", 0, now.minusSeconds(1)));
        assertThat(guard.isBlocked("192.0.2.1")).isFalse();
        guard.heard(new SourceNews("192.0.2.1", 0, now.plusSeconds(60)));
        assertThat(guard.isBlocked("192.0.2.1")).isTrue();
    }
}
