package org.hotdesk.web.api.devices;

import java.time.Instant;

/**
 * A desk as admins see it: where it is (its own fields completed by its site's), how it is provisioned, whether
 * it is registered and who is logged in. Never its SIP password: that is shown once, when it is created.
 *
 * @param location                 the effective location: the desk's own fields, the rest from its site
 * @param ownLocation              the desk's own fields only, as a PATCH sets them
 * @param emergencyLocationMissing no dispatchable address (country, city, street) for emergency calls
 * @param status                   {@code in_use} (someone is logged in), {@code idle} (registered, nobody logged in) or
 *                                 {@code unregistered}
 * @param provisioning             for a gateway line, its gateway's (the lines share one configuration)
 * @param provisionLimit           fetches allowed before an admin must reset the counter (the tenant's setting)
 * @param session                  who is logged in, or null
 * @param gatewayId                the gateway of a line, or null for a phone
 * @param linePort                 the line's port, or 0 for a phone
 * @param lastResync               the desk's last re-sync NOTIFY and its answer since the server started, or null
 * @param timers                   the desk's own timer overrides; a null field is the tenant's setting
 * @param effectiveTimers          the timers a session at this desk runs by (overrides, else the tenant's)
 */
public record DeviceView(long id, String mac, String name, String vendor, String model, DeviceLocation location,
                         DeviceLocation ownLocation, boolean emergencyLocationMissing, Long siteId, boolean enabled,
                         String status, DeviceProvisioningFields provisioning, int provisionCount, int provisionLimit,
                         String sipUsername, RegistrationView registration, DeviceSessionView session, Long gatewayId,
                         int linePort, Instant createdAt, ResyncView lastResync, DeviceTimers timers,
                         DeviceTimers effectiveTimers) {

    /**
     * The desk's SIP binding (the newest, when the phone keeps several).
     *
     * @param source where the phone's REGISTER really came from ({@code ip:port})
     */
    public record RegistrationView(boolean registered, String contact, String source, String userAgent,
                                   Instant expiresAt) {
        static final RegistrationView NONE = new RegistrationView(false, null, null, null, null);
    }

    /** Who is logged in at the desk, since when and how. */
    public record DeviceSessionView(long id, long userId, String extension, String userName, String method,
                                    Instant since) {
    }
}
