package org.hotdesk.sip.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hotdesk.sip.stack.AnswerObserver;

/**
 * What the SIP side shows of itself as metrics: every request's first answer, as a latency histogram by method and
 * status class ({@code hotdesk_sip_answer_seconds}), and REGISTERs by what they got
 * ({@code hotdesk_registrations_total}). Label values come from fixed sets, never from what a peer sent: an unknown
 * method is {@code other}, so a scanner cannot make up new series.
 */
public final class SipMetrics implements AnswerObserver {
    private static final Set<String> METHODS = Set.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");
    /**
     * Bucket bounds: a REGISTER is answered in well under a millisecond, a login in a few, a relayed INVITE's
     * ringing in tens; the last ones catch a server falling behind (RFC 3261 retransmits after 500 ms).
     */
    private static final Duration[] BUCKETS = {Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Map<String, Timer> answers = new ConcurrentHashMap<>();
    private final Map<RegistrationResult, Counter> registrations = new ConcurrentHashMap<>();

    /** What a REGISTER got. */
    public enum RegistrationResult {
        /** 2xx: bound, refreshed or removed */
        ACCEPTED,
        /** 401/407: asked for credentials (every phone's first REGISTER) */
        CHALLENGED,
        /** 403/404 and other refusals of who is asking */
        REFUSED,
        /** 400/423 and other answers to a malformed or unacceptable request */
        INVALID;

        static RegistrationResult of(int status) {
            if (status / 100 == 2) return ACCEPTED;
            if (status == 401 || status == 407) return CHALLENGED;
            if (status == 400 || status == 423 || status == 420 || status == 413) return INVALID;
            return REFUSED;
        }
    }

    public SipMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RegistrationResult result : RegistrationResult.values()) {
            registrations.put(result, Counter.builder("hotdesk.registrations")
                    .description("REGISTER requests answered, by result")
                    .tag("result", result.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    @Override
    public void answered(String method, int status, long nanos) {
        String m = METHODS.contains(method) ? method : "other";
        String statusClass = status >= 100 && status < 700 ? (status / 100) + "xx" : "other";
        answers.computeIfAbsent(m + ' ' + statusClass, k -> Timer.builder("hotdesk.sip.answer")
                        .description("From a SIP request read off the network to the first answer sent to it")
                        .tag("method", m).tag("status", statusClass)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
        if (m.equals("REGISTER")) {
            registrations.get(RegistrationResult.of(status)).increment();
        }
    }
}
