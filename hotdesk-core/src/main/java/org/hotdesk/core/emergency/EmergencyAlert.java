package org.hotdesk.core.emergency;

import java.time.Instant;
import org.hotdesk.core.site.CivicAddress;

/**
 * An emergency call, as the on-site alert tells it: when, from which desk, where that desk is, who was logged
 * in there, and the number to call back. A snapshot taken when the call was made: moving the desk later does
 * not change what was reported.
 *
 * @param userExtension the user logged in at the desk, or null when it was idle
 * @param deliveredAt   when the alert webhook acknowledged it (2xx), or null while it is still being sent
 * @param attempts      deliveries tried so far
 * @param nextAttemptAt when the next delivery is due
 * @param lastError     why the last delivery failed, or null
 */
public record EmergencyAlert(long id, long tenantId, String callId, String dialled, Instant occurredAt, long deviceId,
                             String deviceMac, String deviceName, CivicAddress location, String userExtension,
                             String userName, Instant deliveredAt, int attempts, Instant nextAttemptAt,
                             String lastError) {

    public boolean isDelivered() {
        return deliveredAt != null;
    }
}
