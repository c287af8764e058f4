package org.hotdesk.core.resync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each desk's last re-sync outcome since the server started, in memory only: the SIP side records one per NOTIFY
 * sent and per answer, so this path never waits for the database; the API and console read it. A restart forgets
 * them (a phone's re-sync after a restart is news again). With several contacts, the one heard from last shows.
 */
public final class ResyncOutcomes {
    /** device id → its last outcome; one entry per desk that changed since the start */
    private final Map<Long, ResyncOutcome> last = new ConcurrentHashMap<>();

    public void record(long deviceId, ResyncOutcome outcome) {
        last.put(deviceId, outcome);
    }

    /** Empty when nothing was sent to the desk, or tried, since the server started. */
    public Optional<ResyncOutcome> of(long deviceId) {
        return Optional.ofNullable(last.get(deviceId));
    }
}
