package org.hotdesk.core.session;

import java.time.Instant;

/**
 * The association device ↔ user from login to logout. Ended sessions are kept as history.
 *
 * @param lastActivityAt the login, or the end of the last call: idle time counts from here
 * @param activeCalls    calls up on the device now; no timer ends a session while this is above 0
 * @param deadline       when the session ends by itself if nothing happens; null while a call is up or no timer applies
 * @param endedAt        null while open
 */
public record Session(long id, long tenantId, long deviceId, long userId, LoginMethod method, Instant startedAt,
                      Instant lastActivityAt, int activeCalls, Deadline deadline, Instant endedAt,
                      LogoutReason endReason, String endedBy) {

    public boolean isOpen() {
        return endedAt == null;
    }
}
