package org.hotdesk.sip.routing;

import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;

/**
 * Who is calling, as the session decides it: a device account speaks for the user logged in on it, or
 * for nobody when idle; a user's own account speaks for that user.
 */
record Caller(Tenant tenant, Device device, Optional<User> user) {
    boolean isIdleDevice() {
        return device != null && user.isEmpty();
    }

    Long deviceId() {
        return device == null ? null : device.id();
    }

    Long userId() {
        return user.map(User::id).orElse(null);
    }

    /** What the call record and the callee show: the user's extension, or the device account when idle. */
    String identity() {
        return user.map(User::extension).orElseGet(() -> device.sipUsername());
    }

    String displayName() {
        return user.map(User::name).orElseGet(() -> device.name());
    }
}
