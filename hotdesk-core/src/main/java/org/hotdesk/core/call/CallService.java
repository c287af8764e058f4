package org.hotdesk.core.call;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records calls and tells the sessions of the desks involved, so idle timers count from the end of the
 * last call and never fire during one. Each method is one transaction: the record and the session's call
 * count change together or not at all.
 *
 * <p>No audit-log entry per call: the audit log is for changes an admin or user makes to hot-desk state,
 * and calls are traffic; their record is the call history itself.
 */
public final class CallService {
    private static final Logger log = LoggerFactory.getLogger(CallService.class);
    private static final int MAX_TEXT = 255; // the width of call_id, caller and dialled
    private static final int MAX_HISTORY = 10_000;

    private final Transactions tx;
    private final CallStore calls;
    private final SessionService sessions;
    private final Clock clock;

    public CallService(Transactions tx, CallStore calls, SessionService sessions, Clock clock) {
        this.tx = tx;
        this.calls = calls;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A call was routed. A Call-ID seen before (a retried INVITE) returns the first record and changes
     * nothing: counting it again would hold the desk's idle timer until a second end that never comes.
     */
    public CallRecord started(long tenantId, String callId, Long callerDeviceId, Long callerUserId, String caller,
                              String dialled, Long calleeUserId) {
        require("callId", callId);
        require("caller", caller);
        require("dialled", dialled);
        return tx.inTransaction(() -> calls.find(tenantId, callId).orElseGet(() -> {
            CallRecord record = calls.insert(tenantId, callId, callerDeviceId, callerUserId, caller, dialled,
                    calleeUserId, clock.instant());
            if (callerDeviceId != null) sessions.callStarted(callerDeviceId);
            return record;
        }));
    }

    /** The first answer counts; a later one (another fork branch) and an unknown or ended call are ignored. */
    public void answered(long tenantId, String callId, Long answeredDeviceId) {
        boolean recorded = tx.inTransaction(() -> {
            Optional<CallRecord> call = calls.find(tenantId, callId)
                    .filter(c -> c.answeredAt() == null && c.outcome() == null);
            call.ifPresent(c -> {
                calls.markAnswered(c.id(), answeredDeviceId, clock.instant());
                if (answeredDeviceId != null) sessions.callStarted(answeredDeviceId);
            });
            return call.isPresent();
        });
        if (!recorded) log.debug("answer ignored, call unknown, answered or ended tenant={} callId={}", tenantId, callId);
    }

    /** Ends the record once; a second end (a late BYE after a CANCEL race) changes nothing. */
    public void ended(long tenantId, String callId, CallOutcome outcome) {
        if (outcome == null) throw new InvalidInputException("outcome", "is required");
        boolean recorded = tx.inTransaction(() -> {
            Optional<CallRecord> call = calls.find(tenantId, callId).filter(c -> c.outcome() == null);
            call.ifPresent(c -> {
                calls.markEnded(c.id(), outcome, clock.instant());
                // in id order: two calls between the same desks ending together must not lock them crosswise
                Stream.of(c.callerDeviceId(), c.answeredDeviceId()).filter(Objects::nonNull).sorted()
                        .forEach(sessions::callEnded);
            });
            return call.isPresent();
        });
        if (!recorded) log.debug("end ignored, call unknown or already ended tenant={} callId={}", tenantId, callId);
    }

    /**
     * Ends calls open for longer than any real call: their BYE never passed this server (a phone lost power,
     * a dialog died silently). Until they end, their desks' timers wait, so a desk would never log out.
     *
     * @return how many were ended (outcome FAILED)
     */
    public int endAbandoned(Duration maxCall) {
        List<CallRecord> stale = calls.openStartedBefore(clock.instant().minus(maxCall), 500);
        for (CallRecord c : stale) {
            log.warn("call open for more than {} h ended as abandoned tenant={} callId={} caller={}", maxCall.toHours(),
                    c.tenantId(), c.callId(), c.caller());
            ended(c.tenantId(), c.callId(), CallOutcome.FAILED);
        }
        return stale.size();
    }

    /** Newest first; with a user, the calls they made from any desk or phone and the calls for them. */
    /** Calls started within the window, newest first. */
    public List<CallRecord> history(long tenantId, Long userId, HistoryWindow window) {
        return calls.history(tenantId, userId, window);
    }

    public List<CallRecord> history(long tenantId, Long userId, int limit) {
        return calls.history(tenantId, userId, Math.max(1, Math.min(limit, MAX_HISTORY)));
    }

    private static void require(String field, String value) {
        if (value == null || value.isEmpty()) throw new InvalidInputException(field, "is required");
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "is " + value.length() + " characters; at most " + MAX_TEXT + " are kept");
        }
    }
}
