package org.hotdesk.app.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.access.AccessService;
import org.hotdesk.core.cache.Caches;
import org.hotdesk.core.call.CallService;
import org.hotdesk.core.event.ConfigChanges;
import org.hotdesk.core.session.SessionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the session timers at start-up (to catch what fell due while down) and then every few seconds; first
 * it ends calls whose end never reached the server, which would otherwise hold their desks' timers. Each tick
 * also sends the re-syncs that changes made from the command line asked for (that process has no SIP stack).
 * Every second it looks whether another process edited tenants, devices or users, and then drops the in-memory
 * copies of them (see {@link Caches}).
 */
final class TimerLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TimerLoop.class);
    // a tenant-wide change from the command line re-syncs its phones in batches, one per tick
    private static final int RESYNC_BATCH = 200;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-timers");
        t.setDaemon(true);
        return t;
    });

    TimerLoop(SessionTimers timers, CallService calls, AccessService access, ConfigChanges configChanges,
              Caches caches, Duration maxCall, int intervalSeconds) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                caches.catchUp();
            } catch (RuntimeException e) {
                log.warn("cannot read the edit generation; caches kept", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> {
            try {
                int abandoned = calls.endAbandoned(maxCall);
                int ended = timers.expireDue();
                access.removeExpired();
                // first the rows other processes edited, so what the announced re-syncs fetch is current
                caches.catchUp();
                int resynced = configChanges.announcePending(RESYNC_BATCH);
                if (ended > 0 || abandoned > 0 || resynced > 0) {
                    log.info("session timers ended={} abandonedCalls={} resyncsFromCommandLine={}", ended, abandoned,
                            resynced);
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
