package org.hotdesk.sip.stack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The workers that run handlers: one thread per lane, a request's lane chosen by its Call-ID, so the messages of
 * one call are handled in the order they arrived (an ACK before the BYE that follows it) while different calls run
 * side by side. A lane's queue is bounded: past it the server is overloaded and says so rather than growing
 * its heap until it stalls.
 */
final class Lanes {
    private final ThreadPoolExecutor[] lanes;

    Lanes(int count, int queuePerLane) {
        lanes = new ThreadPoolExecutor[count];
        for (int i = 0; i < count; i++) {
            String name = "sip-worker-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queuePerLane), r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** False when the lane's queue is full (or the stack stopping): the message was not taken. */
    boolean submit(String callId, Runnable work) {
        int lane = Math.floorMod(callId == null ? 0 : callId.hashCode(), lanes.length);
        try {
            lanes[lane].execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void close() {
        for (ThreadPoolExecutor lane : lanes) lane.shutdownNow();
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
