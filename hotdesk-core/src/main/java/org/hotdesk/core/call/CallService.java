package org.hotdesk.core.call;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records calls and tells the sessions of the desks involved, so idle timers count from the end of the
 * last call and never fire during one. Calls are not admin changes, so they are not written to the audit log.
 */
public final class CallService {
    private static final Logger log = LoggerFactory.getLogger(CallService.class);

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

    public CallRecord started(long tenantId, String callId, Long callerDeviceId, Long callerUserId, String caller,
                              String dialled, Long calleeUserId) {
        CallRecord record = tx.inTransaction(() -> calls.find(tenantId, callId).orElseGet(() -> calls.insert(tenantId, callId,
                callerDeviceId, callerUserId, caller, dialled, calleeUserId, clock.instant())));
        if (callerDeviceId != null) sessions.callStarted(callerDeviceId);
        return record;
    }

    public void answered(long tenantId, String callId, Long answeredDeviceId) {
        Optional<CallRecord> call = tx.inTransaction(() -> calls.find(tenantId, callId).filter(c -> c.answeredAt() == null
                && c.outcome() == null).map(c -> {
            calls.markAnswered(c.id(), answeredDeviceId, clock.instant());
            return c;
        }));
        if (call.isEmpty()) {
            log.debug("answer for unknown or finished call tenant={} callId={}", tenantId, callId);
            return;
        }
        if (answeredDeviceId != null) sessions.callStarted(answeredDeviceId);
    }

    /** Ends the record once; a second end (a late BYE after a CANCEL race) changes nothing. */
    public void ended(long tenantId, String callId, CallOutcome outcome) {
        Optional<CallRecord> call = tx.inTransaction(() -> calls.find(tenantId, callId).filter(c -> c.outcome() == null).map(c -> {
            calls.markEnded(c.id(), outcome, clock.instant());
            return c;
        }));
        if (call.isEmpty()) {
            log.debug("end for unknown or finished call tenant={} callId={}", tenantId, callId);
            return;
        }
        if (call.get().callerDeviceId() != null) sessions.callEnded(call.get().callerDeviceId());
        if (call.get().answeredDeviceId() != null) sessions.callEnded(call.get().answeredDeviceId());
    }

    public List<CallRecord> history(long tenantId, Long userId, int limit) {
        return calls.history(tenantId, userId, limit);
    }
}
