package org.hotdesk.core.registration;

import java.time.Clock;
import java.util.List;

/** Who is registered where, read from the store: what the CLI, the API and the console show. */
public final class StoredRegistrations implements Registrations {
    private final RegistrationStore store;
    private final Clock clock;

    public StoredRegistrations(RegistrationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The account key of a device account's bindings. */
    public static String deviceKey(long deviceId) {
        return "device:" + deviceId;
    }

    /** The account key of a user's own SIP account's bindings. */
    public static String userKey(long userId) {
        return "user:" + userId;
    }

    @Override
    public List<Registration> ofDevice(long deviceId) {
        return store.ofAccount(deviceKey(deviceId), clock.instant());
    }

    @Override
    public List<Registration> ofUser(long userId) {
        return store.ofAccount(userKey(userId), clock.instant());
    }

    @Override
    public List<Registration> inTenant(long tenantId) {
        return store.inTenant(tenantId, clock.instant());
    }
}
