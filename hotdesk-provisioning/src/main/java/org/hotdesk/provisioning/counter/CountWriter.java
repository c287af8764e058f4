package org.hotdesk.provisioning.counter;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the provision counter behind, every interval on its own thread, and a last time when closed. */
public final class CountWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CountWriter.class);
    private final ProvisionCounter counter;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "provision-counts");
        t.setDaemon(true);
        return t;
    });

    public CountWriter(ProvisionCounter counter, Duration interval) {
        this.counter = counter;
        executor.scheduleWithFixedDelay(this::write, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void write() {
        try {
            counter.flush();
        } catch (RuntimeException e) {
            // the counts stay in memory and go with the next write
            log.warn("provision counts not written; retrying", e);
        }
    }

    /** Stops the timer and writes what is left; call before the database closes. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}
