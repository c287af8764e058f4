package org.hotdesk.sip.network;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the event loop threads (sip-udp-0, sip-tcp-1, ...) so a thread dump tells them apart, makes them daemons
 * so they never hold the JVM up, and remembers them so close() can wait until they are really gone.
 */
final class SipThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Thread> started = new CopyOnWriteArrayList<>();

    SipThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        // FastThreadLocalThread: Netty's pooled buffers and recyclers are cheaper on it than on a plain Thread
        Thread thread = new FastThreadLocalThread(task, prefix + "-" + next.getAndIncrement());
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    }

    /** Waits until every thread made here has ended, or the deadline (System.nanoTime()) has passed. */
    void awaitEnd(long deadlineNanos) throws InterruptedException {
        for (Thread thread : started) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return;
            thread.join(Math.max(1, left / 1_000_000));
        }
    }
}
