package org.hotdesk.core.location;

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

    /**
     * The key of the account whose bindings this is: a desk's (its device account, or a phone-key login there,
     * which shares the desk's bindings) or a user's own SIP account.
     */
    public String accountKey() {
        return deviceId != null ? LocationService.deviceKey(deviceId) : LocationService.userKey(userId);
    }

    /** The contact as compared for replacement (see {@link ContactKey}). */
    public String contactKey() {
        return ContactKey.of(contact);
    }

    /** The IP address the REGISTER came from. */
    public String sourceHost() {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    /** The port the REGISTER came from. */
    public int sourcePort() {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? 5060 : Integer.parseInt(source.substring(colon + 1));
    }

    /** The same binding, valid until {@code until} (a refresh that only moves the expiry). */
    Registration withExpiry(Instant until) {
        return new Registration(tenantId, deviceId, userId, account, contact, source, transport, userAgent, instanceId,
                path, registeredAt, until, callId);
    }
}
