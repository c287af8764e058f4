package org.hotdesk.core.call;

import java.time.Instant;

/**
 * One call as the proxy saw it. The caller is who the session said was at the desk, not the desk.
 *
 * @param callId            the SIP Call-ID
 * @param callerDeviceId    the desk it was made from, or null (a user's own phone)
 * @param callerUserId      the person who made it, or null (an idle desk dialling an emergency number)
 * @param caller            what the callee was shown: the user's extension, or the device account when idle
 * @param dialled           the number as dialled
 * @param calleeUserId      the user called, when the number was an extension
 * @param answeredDeviceId  the desk that answered, when one did
 * @param outcome           null while the call is up
 */
public record CallRecord(long id, long tenantId, String callId, Long callerDeviceId, Long callerUserId, String caller,
                         String dialled, Long calleeUserId, Long answeredDeviceId, Instant startedAt,
                         Instant answeredAt, Instant endedAt, CallOutcome outcome) {
}
