package org.hotdesk.sip.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-sync NOTIFYs that handling a request causes go out once that request has been answered: a login by feature
 * code re-synced the phone before its INVITE had its 200, so the phone fetched its new configuration while still
 * waiting for the call it had just made.
 */
public final class AfterTheAnswer {
    private static final ThreadLocal<List<Runnable>> DEFERRED = new ThreadLocal<>();

    private AfterTheAnswer() {
    }

    /** Handles one request on this thread; what the handling deferred is sent when it has returned. */
    public static void handle(Runnable handling) {
        if (DEFERRED.get() != null) {
            handling.run();
            return;
        }
        List<Runnable> deferred = new ArrayList<>();
        DEFERRED.set(deferred);
        try {
            handling.run();
        } finally {
            DEFERRED.remove();
        }
        deferred.forEach(Runnable::run);
    }

    /** Sends now, or after the answer when this thread is handling a request. */
    static void send(Runnable sending) {
        List<Runnable> deferred = DEFERRED.get();
        if (deferred == null) {
            sending.run();
        } else {
            deferred.add(sending);
        }
    }
}
