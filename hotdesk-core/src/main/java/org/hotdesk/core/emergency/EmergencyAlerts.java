package org.hotdesk.core.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-site notification Kari's Law asks for: every emergency call becomes an alert that is kept until the
 * tenant's alert webhook acknowledges it, retried with growing pauses (5 s doubling, at most 5 min), never dropped.
 */
public final class EmergencyAlerts {
    private static final Logger log = LoggerFactory.getLogger(EmergencyAlerts.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    private final Transactions tx;
    private final EmergencyAlertStore alerts;
    private final AuditLog audit;
    private final Clock clock;

    /** since the start, for metrics */
    private final LongAdder calls = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder failedDeliveries = new LongAdder();

    public EmergencyAlerts(Transactions tx, EmergencyAlertStore alerts, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An emergency call from {@code device}, which is at {@code location} (its own fields and its site's);
     * {@code user} is who was logged in there, or null.
     */
    public EmergencyAlert raise(Device device, CivicAddress location, User user, String dialled, String callId) {
        Instant now = clock.instant();
        return tx.inTransaction(() -> {
            EmergencyAlert alert = alerts.insert(new EmergencyAlert(0, device.tenantId(), callId, dialled, now,
                    device.id(), device.label(), device.name(), location,
                    user == null ? null : user.extension(), user == null ? null : user.name(), null, 0, now, null));
            audit.append(AuditRecord.of(device.tenantId(), now, Actor.device(device.label()), "emergency.call",
                    "device:" + device.id() + "/" + device.label(), null,
                    "dialled=" + dialled + (user == null ? "" : " extension=" + user.extension())
                            + (location.isDispatchable() ? "" : " no emergency location")));
            log.warn("emergency alert raised tenant={} mac={} dialled={} user={} alert={}", device.tenantId(),
                    device.label(), dialled, user == null ? "-" : user.extension(), alert.id());
            tx.afterCommit(calls::increment);
            return alert;
        });
    }

    /** Emergency calls since the start (metrics). */
    public long callCount() {
        return calls.sum();
    }

    /** Alert deliveries since the start that the webhook acknowledged, or that failed (and wait for a retry). */
    public long deliveryCount(boolean acknowledged) {
        return (acknowledged ? deliveries : failedDeliveries).sum();
    }

    public List<EmergencyAlert> due(int limit) {
        return alerts.due(clock.instant(), limit);
    }

    public void delivered(EmergencyAlert alert) {
        deliveries.increment();
        alerts.delivered(alert.id(), clock.instant());
        log.info("emergency alert delivered tenant={} alert={} attempts={}", alert.tenantId(), alert.id(),
                alert.attempts() + 1);
    }

    /** The webhook did not acknowledge: try again later, a little later each time. */
    public void failed(EmergencyAlert alert, String error) {
        failedDeliveries.increment();
        int attempts = alert.attempts() + 1;
        Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        if (pause.compareTo(LONGEST_PAUSE) > 0) pause = LONGEST_PAUSE;
        String reason = error == null ? "unknown" : error.length() > 300 ? error.substring(0, 300) : error;
        alerts.failed(alert.id(), attempts, clock.instant().plus(pause), reason);
        log.warn("emergency alert not delivered tenant={} alert={} attempts={} retryIn={}s error={}", alert.tenantId(),
                alert.id(), attempts, pause.toSeconds(), reason);
    }

    public List<EmergencyAlert> list(long tenantId, int limit) {
        return alerts.list(tenantId, Math.max(1, Math.min(limit, 10_000)));
    }
}
