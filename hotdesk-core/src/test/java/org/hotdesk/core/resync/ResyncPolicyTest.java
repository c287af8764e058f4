package org.hotdesk.core.resync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotdesk.core.resync.ResyncOutcome.State;
import org.junit.jupiter.api.Test;

class ResyncPolicyTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    final ResyncPolicy policy = ResyncPolicy.DEFAULT;
    final ResyncAttempt first = ResyncAttempt.first("check-sync", "sip:d1@10.0.0.7:5060");

    @Test
    void anAcceptedNotifyIsAnswered() {
        ResyncOutcome outcome = policy.answered(first, 200, "OK", NOW);

        assertThat(outcome.state()).isEqualTo(State.ANSWERED);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.detail()).isEqualTo("200 OK");
        assertThat(outcome.at()).isEqualTo(NOW);
    }

    @Test
    void anUnansweredNotifyIsSentAgainAfterTwoThenEightThenThirtyTwoSecondsThenGivenUp() {
        ResyncOutcome one = policy.unanswered(first, NOW);
        ResyncOutcome two = policy.unanswered(first.next(), NOW);
        ResyncOutcome three = policy.unanswered(first.next().next(), NOW);
        ResyncOutcome four = policy.unanswered(first.next().next().next(), NOW);

        assertThat(one.state()).isEqualTo(State.RETRYING);
        assertThat(one.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(two.nextAttemptAt()).isEqualTo(NOW.plusSeconds(8));
        assertThat(three.nextAttemptAt()).isEqualTo(NOW.plusSeconds(32));
        assertThat(four.state()).isEqualTo(State.FAILED);
        assertThat(four.detail()).isEqualTo("no answer after 4 attempts");
        assertThat(four.nextAttemptAt()).isNull();
    }

    @Test
    void aPhoneThatIsBusyForNowIsAskedAgain() {
        for (int status : new int[] {408, 480, 486, 500, 502, 503, 504}) {
            ResyncOutcome outcome = policy.answered(first, status, "Not now", NOW);
            assertThat(outcome.state()).as("%d", status).isEqualTo(State.RETRYING);
            assertThat(outcome.status()).isEqualTo(status);
        }
        ResyncOutcome last = policy.answered(new ResyncAttempt("check-sync", "sip:d1@10.0.0.7", 4), 503,
                "Service Unavailable", NOW);
        assertThat(last.state()).isEqualTo(State.FAILED);
        assertThat(last.detail()).isEqualTo("503 Service Unavailable after 4 attempts");
    }

    @Test
    void aPhoneThatWillNeverTakeItIsNotAskedAgain() {
        for (int status : new int[] {302, 400, 401, 403, 404, 405, 407, 481, 489, 501, 505, 513, 600, 603}) {
            assertThat(policy.answered(first, status, "No", NOW).state()).as("%d", status).isEqualTo(State.FAILED);
        }
        ResyncOutcome badEvent = policy.answered(first, 489, "Bad Event", NOW);
        assertThat(badEvent.detail()).isEqualTo("489 Bad Event");
        assertThat(badEvent.attempt()).isEqualTo(1);
    }

    @Test
    void withoutRetriesTheFirstSilenceIsFinal() {
        ResyncOutcome outcome = new ResyncPolicy(java.util.List.of()).unanswered(first, NOW);

        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.detail()).isEqualTo("no answer after 1 attempt");
    }

    @Test
    void delaysComeFromTheWiring() {
        ResyncPolicy quick = new ResyncPolicy(java.util.List.of(Duration.ofMillis(50)));

        assertThat(quick.maxAttempts()).isEqualTo(2);
        assertThat(quick.unanswered(first, NOW).nextAttemptAt()).isEqualTo(NOW.plusMillis(50));
    }

    @Test
    void aDeskShowsItsLastOutcomeOnly() {
        ResyncOutcomes outcomes = new ResyncOutcomes();
        assertThat(outcomes.of(7)).isEmpty();

        outcomes.record(7, ResyncOutcome.sent(first, NOW));
        outcomes.record(7, policy.answered(first, 200, "OK", NOW.plusMillis(40)));

        assertThat(outcomes.of(7)).map(ResyncOutcome::state).contains(State.ANSWERED);
        assertThat(outcomes.of(8)).isEmpty();
    }
}
