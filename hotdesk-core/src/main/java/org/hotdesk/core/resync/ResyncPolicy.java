package org.hotdesk.core.resync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * When a re-sync NOTIFY that got no answer, or an answer that may change, is sent again, and when it is given up.
 *
 * <p>"No answer" is the client transaction's own give-up: over UDP the NOTIFY has already been repeated for 64×T1
 * (32 s, Timer F, RFC 3261 §17.1.2.2), and a transport error counts the same (§8.1.3.1). So a retry is for a phone
 * that was away for longer than that (a cable moved, a switch restarting, a phone busy in its own update) or that
 * said "not now". The default waits 2 s, 8 s, then 32 s (×4 each time): the short first wait catches a phone that
 * was busy for a moment (typically 503 while fetching the configuration a previous NOTIFY asked for), the last ends
 * about three minutes after the change even when every try ran to Timer F. Past that a phone is most likely
 * rebooting or gone, and a phone that starts fetches its configuration anyway. Four NOTIFYs per change and contact
 * at most also bounds what a morning of logins can add to the network when a whole floor is unplugged.
 *
 * <p>Which refusals are worth a retry (RFC 3261 §21): those that say "not now" — 408 Request Timeout (a proxy or
 * edge on the way, e.g. Kamailio, gave up on the phone), 480 Temporarily Unavailable, 486 Busy Here, 500 Server
 * Internal Error, 502 Bad Gateway, 503 Service Unavailable (§21.5.4: "temporarily unable"), 504 Server Time-out.
 * Not the rest: 4xx says this request will not do (489 Bad Event: the phone does not know the event, RFC 6665
 * §8.2.1; 481, 405, 403; 401/407: a phone that challenges NOTIFYs, which hotdesk cannot answer), 501, 505 and 513
 * will not change by waiting, and 6xx is a final word for every location (§21.6: 600 Busy Everywhere,
 * 603 Decline). 3xx is not followed: a re-sync goes to the registered contact only.
 *
 * @param retryDelays how long to wait before each retry, in order; its size is the number of retries
 */
public record ResyncPolicy(List<Duration> retryDelays) {
    public static final ResyncPolicy DEFAULT = new ResyncPolicy(
            List.of(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(32)));
    /** Refusals that may be gone at the next try (see the class comment). */
    private static final Set<Integer> TRANSIENT = Set.of(408, 480, 486, 500, 502, 503, 504);

    public ResyncPolicy {
        retryDelays = List.copyOf(retryDelays);
        for (Duration d : retryDelays) {
            if (d.isNegative()) throw new IllegalArgumentException("re-sync retry delays: none negative, not " + d);
        }
    }

    /** The first try and every retry. */
    public int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** Whether a refusal with this status may be gone at the next try. */
    public static boolean worthRetrying(int status) {
        return TRANSIENT.contains(status);
    }

    /** The phone's final answer to this attempt. */
    public ResyncOutcome answered(ResyncAttempt attempt, int status, String reason, Instant now) {
        if (status < 200) throw new IllegalArgumentException("not a final answer: " + status);
        String said = reason == null || reason.isBlank() ? String.valueOf(status) : status + " " + reason;
        if (status < 300) {
            return new ResyncOutcome(ResyncOutcome.State.ANSWERED, attempt.event(), attempt.contact(),
                    attempt.number(), status, said, now, null);
        }
        if (!worthRetrying(status)) {
            return failed(attempt, status, said, now);
        }
        return retryOrGiveUp(attempt, status, said, now);
    }

    /** No final answer before the transaction gave up (Timer F), or the NOTIFY could not reach the phone. */
    public ResyncOutcome unanswered(ResyncAttempt attempt, Instant now) {
        return retryOrGiveUp(attempt, null, "no answer", now);
    }

    /**
     * The NOTIFY could not even be built or handed to the network (e.g. a contact this server cannot address):
     * the next try would fail the same way.
     */
    public ResyncOutcome notSent(ResyncAttempt attempt, String why, Instant now) {
        return failed(attempt, null, "not sent: " + why, now);
    }

    private ResyncOutcome retryOrGiveUp(ResyncAttempt attempt, Integer status, String said, Instant now) {
        if (attempt.number() >= maxAttempts()) {
            return failed(attempt, status, said + " after " + attempt.number()
                    + (attempt.number() == 1 ? " attempt" : " attempts"), now);
        }
        Instant next = now.plus(retryDelays.get(attempt.number() - 1));
        return new ResyncOutcome(ResyncOutcome.State.RETRYING, attempt.event(), attempt.contact(), attempt.number(),
                status, said, now, next);
    }

    private static ResyncOutcome failed(ResyncAttempt attempt, Integer status, String why, Instant now) {
        return new ResyncOutcome(ResyncOutcome.State.FAILED, attempt.event(), attempt.contact(), attempt.number(),
                status, why, now, null);
    }
}
