package org.hotdesk.core.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.history.HistoryWindow;

/** Persistence port for call records. */
public interface CallStore {
    CallRecord insert(long tenantId, String callId, Long callerDeviceId, Long callerUserId, String caller,
                      String dialled, Long calleeUserId, Instant startedAt);

    Optional<CallRecord> find(long tenantId, String callId);

    void markAnswered(long id, Long answeredDeviceId, Instant at);

    void markEnded(long id, CallOutcome outcome, Instant at);

    /** Calls still open that started before {@code before}, oldest first. */
    List<CallRecord> openStartedBefore(Instant before, int limit);

    /** Newest first; with a user, the calls they made or that were for them. */
    List<CallRecord> history(long tenantId, Long userId, int limit);

    /** Calls started within the window, newest first; a user matches as caller or callee; null matches all. */
    List<CallRecord> history(long tenantId, Long userId, HistoryWindow window);
}
