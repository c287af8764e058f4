package org.hotdesk.core.resync;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each desk's last re-sync outcome since the server started, in memory only: the SIP side records one per NOTIFY
 * sent and per answer, so this path never waits for the database; the API and console read it. A restart forgets
 * them (a phone's re-sync after a restart is news again). With several contacts, the one heard from last shows.
 */
public final class ResyncOutcomes {
    /** device id → its last outcome; one entry per desk that changed since the start */
    private final Map<Long, ResyncOutcome> last = new ConcurrentHashMap<>();
    /** how many outcomes of each kind since the start (metrics); every cell exists from the start */
    private final Map<ResyncOutcome.State, LongAdder> counts = new EnumMap<>(ResyncOutcome.State.class);

    public ResyncOutcomes() {
        for (ResyncOutcome.State state : ResyncOutcome.State.values()) counts.put(state, new LongAdder());
    }

    public void record(long deviceId, ResyncOutcome outcome) {
        last.put(deviceId, outcome);
        counts.get(outcome.state()).increment();
    }

    /** Outcomes of this kind recorded since the start: each NOTIFY sent is one SENT, then one of the others. */
    public long count(ResyncOutcome.State state) {
        return counts.get(state).sum();
    }

    /** Empty when nothing was sent to the desk, or tried, since the server started. */
    public Optional<ResyncOutcome> of(long deviceId) {
        return Optional.ofNullable(last.get(deviceId));
    }
}
