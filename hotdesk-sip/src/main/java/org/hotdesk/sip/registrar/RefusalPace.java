package org.hotdesk.sip.registrar;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.sip.stack.ServerRequest;

/**
 * Every refused credential is answered the same time after its request arrived. A wrong password for a desk's
 * account was answered in about 1 ms and a wrong PIN for an extension in about 4 ms (that one is a login attempt,
 * written down), so the time alone told a guesser which names were desks and which were people. Held to
 * {@link #PACE}, longer than either takes, both read alike (bench/refusal-timing.sh); a phone with a wrong password
 * does not notice 25 ms.
 */
public final class RefusalPace {
    public static final Duration PACE = Duration.ofMillis(25);
    private final ScheduledExecutorService timers;

    public RefusalPace(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Answers this refusal {@link #PACE} after the request arrived (at once, if that has passed). */
    void reply(ServerRequest event, int status, String reason) {
        long wait = event.receivedNanos() + PACE.toNanos() - System.nanoTime();
        if (wait <= 0) {
            event.reply(status, reason);
        } else {
            timers.schedule(() -> event.reply(status, reason), wait, TimeUnit.NANOSECONDS);
        }
    }
}
