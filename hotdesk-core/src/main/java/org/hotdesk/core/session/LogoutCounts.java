package org.hotdesk.core.session;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Sessions ended since the start, by reason: counters the server publishes as metrics. */
public final class LogoutCounts {
    private final Map<LogoutReason, LongAdder> byReason = new EnumMap<>(LogoutReason.class);

    public LogoutCounts() {
        for (LogoutReason reason : LogoutReason.values()) byReason.put(reason, new LongAdder());
    }

    void count(LogoutReason reason) {
        byReason.get(reason).increment();
    }

    public long of(LogoutReason reason) {
        return byReason.get(reason).sum();
    }
}
