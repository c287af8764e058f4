package org.hotdesk.core.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.delivery.RetrySchedule;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.User;
import org.hotdesk.core.webhook.WebhookEvent;
import org.hotdesk.core.webhook.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-site notification Kari's Law asks for: every emergency call becomes an alert that is kept until the
 * tenant's alert webhook acknowledges it, retried on the {@link RetrySchedule} shared with event webhooks, never dropped.
 */
public final class EmergencyAlerts {
    private static final Logger log = LoggerFactory.getLogger(EmergencyAlerts.class);

    private final Transactions tx;
    private final EmergencyAlertStore alerts;
    private final AuditLog audit;
    private final Clock clock;

    /** since the start, for metrics */
    private final LongAdder calls = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder failedDeliveries = new LongAdder();

    private final Webhooks webhooks;

    public EmergencyAlerts(Transactions tx, EmergencyAlertStore alerts, AuditLog audit, Clock clock,
                           Webhooks webhooks) {
        this.tx = tx;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.webhooks = webhooks;
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
            Map<String, String> data = new LinkedHashMap<>();
            data.put("dialled", dialled);
            data.put("callId", callId);
            data.put("deviceMac", device.label());
            data.put("deviceName", device.name());
            data.put("extension", user == null ? null : user.extension());
            data.put("userName", user == null ? null : user.name());
            data.put("locationDescription", location.description());
            data.put("street", location.street());
            data.put("houseNumber", location.houseNumber());
            data.put("postalCode", location.postalCode());
            data.put("city", location.city());
            data.put("country", location.country());
            data.put("building", location.building());
            data.put("floor", location.floor());
            data.put("room", location.room());
            data.put("callbackNumber", location.callbackNumber());
            data.put("dispatchable", String.valueOf(location.isDispatchable()));
            data.put("alertId", String.valueOf(alert.id()));
            webhooks.publish(device.tenantId(), WebhookEvent.EMERGENCY_CALL, data);
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
        Duration pause = RetrySchedule.after(attempts);
        String reason = RetrySchedule.shortened(error);
        alerts.failed(alert.id(), attempts, clock.instant().plus(pause), reason);
        log.warn("emergency alert not delivered tenant={} alert={} attempts={} retryIn={}s error={}", alert.tenantId(),
                alert.id(), attempts, pause.toSeconds(), reason);
    }

    public List<EmergencyAlert> list(long tenantId, int limit) {
        return alerts.list(tenantId, Math.max(1, Math.min(limit, 10_000)));
    }

    /**
     * The emergency calls made within the window, newest first, as reported at the time: a page of the log.
     *
     * @param userExtension only the calls made while this extension was logged in at the desk; null: all
     */
    public List<EmergencyAlert> history(long tenantId, String userExtension, HistoryWindow window) {
        return alerts.history(tenantId, userExtension, window);
    }
}
