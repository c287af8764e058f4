package org.hotdesk.web.api.devices;

import java.time.LocalTime;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.policy.SessionPolicy;

/**
 * A desk's session timers, named as in the tenant's settings. In {@code timers} a null field is the tenant's value;
 * in {@code effectiveTimers} every number is set (0 = off) and a null time means no daily logout.
 *
 * @param idleLogoutMinutes minutes after the last call (or the login) that a session ends; 0 = never
 * @param maxSessionHours   hours after login that a session ends; 0 = never
 * @param dailyLogoutTime   {@code HH:MM} in the tenant's zone at which sessions end
 */
public record DeviceTimers(Integer idleLogoutMinutes, Integer maxSessionHours, String dailyLogoutTime) {

    static DeviceTimers of(DevicePolicyOverride o) {
        DevicePolicyOverride p = o == null ? DevicePolicyOverride.NONE : o;
        return new DeviceTimers(p.idleLogoutMinutes(), p.maxSessionHours(), time(p.dailyLogoutTime()));
    }

    static DeviceTimers of(SessionPolicy p) {
        return new DeviceTimers(p.idleLogoutMinutes(), p.maxSessionHours(), time(p.dailyLogoutTime()));
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString();
    }
}
