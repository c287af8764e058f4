package org.hotdesk.core.routing;

import java.util.Optional;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.trunk.Trunk;
import org.hotdesk.core.user.User;

/** Who places a call, as the session decides it. */
public sealed interface Caller {
    Tenant tenant();

    /**
     * A phone of the tenant: a desk speaks for the user logged in on it, or for nobody when idle; a user's own
     * device ({@code device} null) speaks for that user.
     */
    record Phone(Tenant tenant, Device device, Optional<User> user) implements Caller {
        public boolean isIdleDevice() {
            return device != null && user.isEmpty();
        }

        public Long deviceId() {
            return device == null ? null : device.id();
        }

        public Long userId() {
            return user.map(User::id).orElse(null);
        }

        /** What the call record and the callee show: the user's extension, or the device account when idle. */
        public String identity() {
            return user.map(User::extension).orElseGet(() -> device.sipUsername());
        }

        public String displayName() {
            return user.map(User::name).orElseGet(() -> device.name());
        }
    }

    /** Someone outside, through one of the tenant's trunks: their own number stays their caller ID. */
    record Outside(Tenant tenant, Trunk trunk) implements Caller {
    }
}
