package org.hotdesk.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.history.HistoryWindow;

/**
 * Persistence port for sessions. The store enforces at most one open session per device, and per user
 * for sessions opened with {@code exclusive} (single-login policies).
 */
public interface SessionStore {
    Session insert(long tenantId, long deviceId, long userId, LoginMethod method, Instant startedAt,
                   boolean exclusive, Deadline deadline);

    Optional<Session> findById(long id);

    Optional<Session> findOpenByDevice(long deviceId);

    List<Session> findOpenByUser(long userId);

    List<Session> listOpen(long tenantId);

    /** Open sessions in every tenant. */
    long countOpen();

    /** Ended and open sessions, newest first; null filters match all. */
    List<Session> history(long tenantId, Long userId, Long deviceId, int limit);

    /** Sessions started within the window, newest first; a null user matches all. */
    List<Session> history(long tenantId, Long userId, HistoryWindow window);

    /**
     * The desk and times of every session that overlaps [from, to): started before {@code to} and not ended by
     * {@code from}. Sessions started more than 31 days before {@code from} are left out unless still open, so the
     * read stays on the (tenant, started) index; no hot-desk session lasts a month (the maximum-session timer).
     */
    List<org.hotdesk.core.history.SessionSpan> spans(long tenantId, Instant from, Instant to);

    /** Ends the session if it is still open; false if someone else ended it first. */
    boolean end(long sessionId, Instant endedAt, LogoutReason reason, String endedBy);

    void updateActivity(long sessionId, int activeCalls, Instant lastActivityAt, Deadline deadline);

    void setDeadline(long sessionId, Deadline deadline);

    /** Open sessions whose deadline is at or before {@code now}, oldest deadline first. */
    List<Session> findDue(Instant now, int limit);
}
