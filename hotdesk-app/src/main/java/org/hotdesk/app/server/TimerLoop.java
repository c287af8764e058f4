package org.hotdesk.app.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.session.SessionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the session timers at start-up (to catch what fell due while down) and then every few seconds. */
final class TimerLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TimerLoop.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-timers");
        t.setDaemon(true);
        return t;
    });

    TimerLoop(SessionTimers timers, int intervalSeconds) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                int ended = timers.expireDue();
                if (ended > 0) {
                    log.info("session timers ended={}", ended);
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
