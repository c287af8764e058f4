package org.hotdesk.web.api.sessions;

import java.time.Instant;
import java.util.Locale;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;

/**
 * A hot-desk session: who is (or was) logged in where, how, and until when.
 *
 * @param method         feature_code_pin, otp, phone_key, admin or api
 * @param lastActivityAt the login or the end of the last call: idle time counts from here
 * @param deadline       when the session ends by itself if nothing happens, or null (a call is up, no timer applies)
 * @param deadlineReason the logout reason it will end with then (idle_timeout, max_duration, scheduled)
 * @param endedAt        null while it is open
 * @param endReason      why it ended (user, admin, idle_timeout, displaced, ...), or null while open
 * @param endedBy        who ended it (the audit actor), or null while open
 */
public record DeskSessionView(long id, long deviceId, String deviceName, long userId, String extension,
                              String userName, String method, Instant startedAt, Instant lastActivityAt,
                              Instant deadline, String deadlineReason, Instant endedAt, String endReason,
                              String endedBy) {

    /** @param device null when the device has been removed since; @param user null when unknown */
    public static DeskSessionView of(Session s, Device device, User user) {
        return new DeskSessionView(s.id(), s.deviceId(), device == null ? null : device.name(), s.userId(),
                user == null ? null : user.extension(), user == null ? null : user.name(), lower(s.method()),
                s.startedAt(), s.lastActivityAt(), s.deadline() == null ? null : s.deadline().at(),
                s.deadline() == null ? null : lower(s.deadline().reason()), s.endedAt(),
                s.endReason() == null ? null : lower(s.endReason()), s.endedBy());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
