package org.hotdesk.core.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;

/**
 * Ends sessions whose deadline has passed: idle timeout, maximum duration, daily logout. Deadlines live in
 * the database, so a server that was down when one came due ends the session when it comes back, with the
 * reason and the time it was due. Call {@link #expireDue()} at start-up and then periodically.
 */
public final class SessionTimers {
    private static final int BATCH = 200;
    private static final Actor TIMER = Actor.system("timer");

    private final Transactions tx;
    private final TenantStore tenants;
    private final DeviceStore devices;
    private final SessionStore sessions;
    private final SessionDeadlines deadlines;
    private final SessionService sessionService;
    private final Clock clock;

    public SessionTimers(Transactions tx, TenantStore tenants, DeviceStore devices, SessionStore sessions,
                         SessionDeadlines deadlines, SessionService sessionService, Clock clock) {
        this.tx = tx;
        this.tenants = tenants;
        this.devices = devices;
        this.sessions = sessions;
        this.deadlines = deadlines;
        this.sessionService = sessionService;
        this.clock = clock;
    }

    /** Ends every session that is due now; returns how many ended. */
    public int expireDue() {
        Instant now = clock.instant();
        int ended = 0;
        List<Session> due;
        do {
            due = sessions.findDue(now, BATCH);
            for (Session session : due) {
                if (expire(session.id(), now)) {
                    ended++;
                }
            }
        } while (due.size() == BATCH);
        return ended;
    }

    private boolean expire(long sessionId, Instant now) {
        return tx.inTransaction(() -> {
            Optional<Session> seen = sessions.findById(sessionId);
            if (seen.isEmpty() || !seen.get().isOpen()) {
                return false;
            }
            Optional<Device> device = devices.lockForUpdate(seen.get().deviceId());
            Session session = sessions.findById(sessionId).orElseThrow();
            if (device.isEmpty() || !session.isOpen()) {
                return false;
            }
            Tenant tenant = tenants.findById(session.tenantId()).orElseThrow();
            Optional<Deadline> deadline = deadlines.compute(session, device.get(), tenant);
            if (deadline.isEmpty() || deadline.get().at().isAfter(now)) {
                // the policy changed or a call started since: not due after all
                sessions.setDeadline(sessionId, deadline.orElse(null));
                return false;
            }
            // a timer deferred by a call ends the session when the call ended, not before it
            Instant endedAt = deadline.get().at().isBefore(session.lastActivityAt())
                    ? session.lastActivityAt() : deadline.get().at();
            return sessionService.end(session, deadline.get().reason(), TIMER, endedAt).isPresent();
        });
    }
}
