package org.hotdesk.app.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.access.AccessService;
import org.hotdesk.core.call.CallService;
import org.hotdesk.core.session.SessionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the session timers at start-up (to catch what fell due while down) and then every few seconds; first
 * it ends calls whose end never reached the server, which would otherwise hold their desks' timers.
 */
final class TimerLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TimerLoop.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-timers");
        t.setDaemon(true);
        return t;
    });

    TimerLoop(SessionTimers timers, CallService calls, AccessService access, Duration maxCall, int intervalSeconds) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                int abandoned = calls.endAbandoned(maxCall);
                int ended = timers.expireDue();
                access.removeExpired();
                if (ended > 0 || abandoned > 0) {
                    log.info("session timers ended={} abandonedCalls={}", ended, abandoned);
                }
            } catch (RuntimeException e) {
                // keep the loop alive: a database hiccup must not stop auto-logout for good
                log.warn("session timers failed; retrying in {} s", intervalSeconds, e);
            }
        }, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
