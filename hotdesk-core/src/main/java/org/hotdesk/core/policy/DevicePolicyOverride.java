package org.hotdesk.core.policy;

import java.time.LocalTime;

/**
 * Per-device overrides of the tenant's {@link SessionPolicy}; a null field inherits the tenant's value.
 * Set a number to 0 to switch that timer off on this device only.
 */
public record DevicePolicyOverride(Integer idleLogoutMinutes, Integer maxSessionHours, LocalTime dailyLogoutTime) {
    public static final DevicePolicyOverride NONE = new DevicePolicyOverride(null, null, null);

    public DevicePolicyOverride {
        // validate the same bounds as the tenant policy by building one
        new SessionPolicy(idleLogoutMinutes == null ? 0 : idleLogoutMinutes,
                maxSessionHours == null ? 0 : maxSessionHours, dailyLogoutTime);
    }
}
