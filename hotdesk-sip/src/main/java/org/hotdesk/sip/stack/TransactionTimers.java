package org.hotdesk.sip.stack;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A transaction's two timers (RFC 3261 §17): the one that repeats a message over UDP (A, E, G) and the one that
 * ends the transaction (B, D, F, H, I, J, K). Used under the transaction's own lock.
 */
final class TransactionTimers {
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> repeat;
    private ScheduledFuture<?> end;

    TransactionTimers(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void repeat(Runnable task, long millis) {
        cancel(repeat);
        repeat = scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    void end(Runnable task, long millis) {
        cancel(end);
        end = scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    void stopRepeating() {
        cancel(repeat);
    }

    void stopAll() {
        cancel(repeat);
        cancel(end);
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) f.cancel(false);
    }
}
