package org.hotdesk.core.location;

import java.time.Instant;

/**
 * A phone-key binding whose session someone else ended: its refresh (same desk, user and Call-ID) is refused until
 * it would have expired, so the phone cannot silently log the user back in.
 */
public record Revocation(long deviceId, long userId, String callId, Instant until) {
    /** Call-IDs are kept to this length (the column's size); a longer one is compared by its start. */
    public static final int CALL_ID_LENGTH = 200;

    public Revocation {
        callId = callId.length() <= CALL_ID_LENGTH ? callId : callId.substring(0, CALL_ID_LENGTH);
    }

    String key() {
        return key(deviceId, userId, callId);
    }

    static String key(long deviceId, long userId, String callId) {
        String id = callId.length() <= CALL_ID_LENGTH ? callId : callId.substring(0, CALL_ID_LENGTH);
        return deviceId + "/" + userId + "/" + id;
    }
}
