package org.hotdesk.core.resync;

import java.time.Instant;

/**
 * What a desk's last re-sync came to, as the admin sees it.
 *
 * @param state         where it stands
 * @param event         the Event the NOTIFY carried; null when none was sent ({@link State#NOT_REGISTERED})
 * @param contact       the contact it went to; null when none was sent
 * @param attempt       which try this is about (1 = the first NOTIFY); 0 when none was sent
 * @param status        the phone's final answer, e.g. 200 or 489; null when none came (or none was sent)
 * @param detail        why, in words: "OK", "489 Bad Event", "no answer after 4 attempts"; null while sent
 * @param at            when this happened
 * @param nextAttemptAt when the next try goes out ({@link State#RETRYING} only), else null
 */
public record ResyncOutcome(State state, String event, String contact, int attempt, Integer status, String detail,
                            Instant at, Instant nextAttemptAt) {

    public enum State {
        /** sent, no final answer yet */
        SENT,
        /** the phone accepted it (2xx): it fetches its configuration now */
        ANSWERED,
        /** unanswered or refused for now; sent again at {@link #nextAttemptAt} */
        RETRYING,
        /** given up: refused for good, or unanswered every time */
        FAILED,
        /** nothing to send to: the desk had no registered contact (it fetches its configuration when it starts) */
        NOT_REGISTERED
    }

    public static ResyncOutcome sent(ResyncAttempt attempt, Instant at) {
        return new ResyncOutcome(State.SENT, attempt.event(), attempt.contact(), attempt.number(), null, null, at, null);
    }

    /** A change came while the desk had no binding. */
    public static ResyncOutcome notRegistered(Instant at) {
        return new ResyncOutcome(State.NOT_REGISTERED, null, null, 0, null, "not registered", at, null);
    }

    /** The phone's binding went away before a retry was due: the retry is not sent. */
    public static ResyncOutcome unregisteredBefore(ResyncAttempt attempt, Instant at) {
        return new ResyncOutcome(State.NOT_REGISTERED, attempt.event(), attempt.contact(), attempt.number(), null,
                "unregistered before attempt " + attempt.number(), at, null);
    }
}
