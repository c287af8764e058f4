package org.hotdesk.core.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a session: opened once the login rules accepted a login, one per device (a new login displaces
 * the old), ended by a logout, an admin, a timer or an edit; call activity holds its timers. Every change is told
 * to the {@link SessionListener} inside its transaction. Each call holds the device's row lock, so changes on one
 * device are serialised.
 */
public final class SessionService {
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final Transactions tx;
    private final TenantStore tenants;
    private final DeviceStore devices;
    private final SessionStore sessions;
    private final SessionDeadlines deadlines;
    private final AuditLog audit;
    private final SessionListener listener;
    private final Clock clock;
    private final LogoutCounts logouts = new LogoutCounts();

    public SessionService(Transactions tx, TenantStore tenants, DeviceStore devices, SessionStore sessions,
                          SessionDeadlines deadlines, AuditLog audit, SessionListener listener, Clock clock) {
        this.tx = tx;
        this.tenants = tenants;
        this.devices = devices;
        this.sessions = sessions;
        this.deadlines = deadlines;
        this.audit = audit;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Opens the session of a login the login rules accepted, inside their transaction (the device's row is locked):
     * whoever was at the device is displaced, and under the single-login policy the user's other sessions end.
     * The same person logging in again keeps their session.
     */
    public SessionStart start(Tenant tenant, Device device, User user, LoginMethod method, Actor actor) {
        Instant now = clock.instant();
        MultipleLoginPolicy policy = tenant.settings().multipleLogin();
        List<Session> elsewhere = sessions.findOpenByUser(user.id()).stream()
                .filter(s -> s.deviceId() != device.id()).toList();
        Optional<Session> current = sessions.findOpenByDevice(device.id());
        List<Session> loggedOutElsewhere = new ArrayList<>();
        if (policy == MultipleLoginPolicy.AUTO_LOGOUT_OTHER) {
            for (Session other : elsewhere) {
                end(other, LogoutReason.LOGGED_IN_ELSEWHERE, actor, now).ifPresent(loggedOutElsewhere::add);
            }
        }
        if (current.isPresent() && current.get().userId() == user.id()) {
            // the same person dialling the login again: keep their session, it is still theirs
            audit.append(AuditRecord.of(tenant.id(), now, actor, "session.confirmed", subject(current.get()),
                    null, "method=" + method));
            return new SessionStart(current.get(), Optional.empty(), loggedOutElsewhere);
        }
        Optional<Session> displaced = current.flatMap(s -> end(s, LogoutReason.DISPLACED, actor, now));
        Deadline deadline = DeadlineRule.next(now, now, 0,
                tenant.settings().sessionPolicy().overriddenBy(device.policy()), tenant.settings().timeZone())
                .orElse(null);
        Session session = sessions.insert(tenant.id(), device.id(), user.id(), method, now,
                policy != MultipleLoginPolicy.ALLOW, deadline);
        audit.append(AuditRecord.of(tenant.id(), now, actor, "session.started", subject(session), null,
                "method=" + method + " device=" + device.label() + " extension=" + user.extension()));
        log.info("login tenant={} device={} user={} method={}", tenant.domain(), device.label(), user.extension(), method);
        listener.started(session, device);
        return new SessionStart(session, displaced, loggedOutElsewhere);
    }

    /** Whether the user has an open session on a device other than this one. */
    public boolean isOpenElsewhere(long userId, long deviceId) {
        return sessions.findOpenByUser(userId).stream().anyMatch(s -> s.deviceId() != deviceId);
    }

    /** The user at the device logs out (code or key). Empty when nobody was logged in there. */
    public Optional<Session> logout(long deviceId, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> {
            Optional<Device> device = devices.lockForUpdate(deviceId);
            if (device.isEmpty()) {
                return Optional.<Session>empty();
            }
            return endOpenSessionOf(device.get(), reason, actor);
        });
    }

    /** An admin ends a session by its id (the live view's "Logout"). */
    public Session logoutSession(long tenantId, long sessionId, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> {
            Session session = sessions.findById(sessionId).filter(s -> s.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("session", sessionId));
            devices.lockForUpdate(session.deviceId());
            Session current = sessions.findById(sessionId).orElseThrow();
            if (!current.isOpen()) {
                return current;
            }
            return end(current, reason, actor, clock.instant()).orElse(current);
        });
    }

    /** Ends the device's open session, if any; joins the caller's transaction. */
    public Optional<Session> endOpenSessionOf(Device device, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> sessions.findOpenByDevice(device.id())
                .flatMap(s -> end(s, reason, actor, clock.instant())));
    }

    /** Ends every open session of the user, e.g. when the user is disabled. */
    public List<Session> logoutUserEverywhere(long tenantId, long userId, LogoutReason reason, Actor actor) {
        return tx.inTransaction(() -> {
            List<Session> ended = new ArrayList<>();
            for (Session s : sessions.findOpenByUser(userId)) {
                if (s.tenantId() == tenantId) {
                    end(s, reason, actor, clock.instant()).ifPresent(ended::add);
                }
            }
            return ended;
        });
    }

    /** Ends one session; returns the ended session, or empty if it had already ended. */
    Optional<Session> end(Session session, LogoutReason reason, Actor actor, Instant endedAt) {
        if (!sessions.end(session.id(), endedAt, reason, actor.toString())) {
            return Optional.empty();
        }
        Session ended = sessions.findById(session.id()).orElseThrow();
        audit.append(AuditRecord.of(session.tenantId(), clock.instant(), actor, "session.ended", subject(ended),
                reason.name(), endedAt.equals(clock.instant()) ? null : "effective " + endedAt));
        Optional<Device> device = devices.findById(session.deviceId());
        log.info("logout tenant={} device={} user={} reason={}", session.tenantId(),
                device.map(Device::label).orElse(String.valueOf(session.deviceId())), session.userId(), reason);
        device.ifPresent(d -> listener.ended(ended, d));
        // counted once the logout is in the database: a rolled-back one did not happen
        tx.afterCommit(() -> logouts.count(reason));
        return Optional.of(ended);
    }

    /** A call started on the device: the session's timers wait until it ends. */
    public void callStarted(long deviceId) {
        tx.run(() -> devices.lockForUpdate(deviceId).flatMap(d -> sessions.findOpenByDevice(deviceId)).ifPresent(s ->
                sessions.updateActivity(s.id(), s.activeCalls() + 1, clock.instant(), null)));
    }

    /** A call ended on the device: idle time counts from now; a timer that came due during the call fires now. */
    public void callEnded(long deviceId) {
        tx.run(() -> devices.lockForUpdate(deviceId).ifPresent(device -> sessions.findOpenByDevice(deviceId).ifPresent(s -> {
            Instant now = clock.instant();
            int active = Math.max(0, s.activeCalls() - 1);
            Session after = new Session(s.id(), s.tenantId(), s.deviceId(), s.userId(), s.method(), s.startedAt(),
                    now, active, null, null, null, null);
            Tenant tenant = tenants.findById(s.tenantId()).orElseThrow();
            sessions.updateActivity(s.id(), active, now, deadlines.compute(after, device, tenant).orElse(null));
        })));
    }

    public Optional<Session> openSessionOf(long deviceId) {
        return sessions.findOpenByDevice(deviceId);
    }

    /** The user's open sessions (one, or several where the tenant allows it). */
    public List<Session> openSessionsOfUser(long userId) {
        return sessions.findOpenByUser(userId);
    }

    /** Sessions ended since the start, by reason (metrics). */
    public LogoutCounts logoutCounts() {
        return logouts;
    }

    /** Open sessions in every tenant (for metrics: one count in the database). */
    public long countOpen() {
        return sessions.countOpen();
    }

    public List<Session> listOpen(long tenantId) {
        return sessions.listOpen(tenantId);
    }

    /** Sessions started within the window, newest first. */
    public List<Session> history(long tenantId, Long userId, HistoryWindow window) {
        return sessions.history(tenantId, userId, window);
    }

    public List<Session> history(long tenantId, Long userId, Long deviceId, int limit) {
        return sessions.history(tenantId, userId, deviceId, Math.max(1, Math.min(limit, 10_000)));
    }

    static String subject(Session session) {
        return "session:" + session.id() + " device:" + session.deviceId() + " user:" + session.userId();
    }
}
