package org.hotdesk.core.registration;

import java.time.Instant;
import java.util.List;

/**
 * One SIP binding: a contact at which an account can be reached, as the registrar accepted it.
 *
 * @param deviceId   the device whose device account registered (or where a user's phone-key login registered), or
 *                   null for a user's own account
 * @param userId     the user whose own account or phone-key login registered, or null for a device account
 * @param account    the SIP username (device account) or extension (user account)
 * @param contact    the Contact URI the phone asked to be reached at
 * @param source     where the REGISTER really came from ({@code ip:port}); requests go there, so phones behind NAT work
 * @param transport  {@code udp} or {@code tcp}
 * @param userAgent  the phone's User-Agent header, or empty
 * @param instanceId the {@code +sip.instance} of the contact, or null
 * @param path       the Path headers (RFC 3327) of the REGISTER, in order
 * @param callId     the REGISTER's Call-ID, which the phone keeps for its refreshes; null for bindings stored before it was kept
 */
public record Registration(long tenantId, Long deviceId, Long userId, String account, String contact, String source,
                           String transport, String userAgent, String instanceId, List<String> path,
                           Instant registeredAt, Instant expiresAt, String callId) {

    public Registration {
        path = List.copyOf(path);
    }

    public boolean isDeviceAccount() {
        return deviceId != null;
    }
}
