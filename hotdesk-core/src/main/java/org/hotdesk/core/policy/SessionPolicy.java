package org.hotdesk.core.policy;

import java.time.LocalTime;
import org.hotdesk.core.error.InvalidInputException;

/**
 * When a session ends by itself.
 *
 * @param idleLogoutMinutes minutes after the last call ends (or the login, if no call yet); 0 = never
 * @param maxSessionHours   hours after login; 0 = never
 * @param dailyLogoutTime   wall-clock time in the tenant's zone at which every session ends; null = off
 */
public record SessionPolicy(int idleLogoutMinutes, int maxSessionHours, LocalTime dailyLogoutTime) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(5, 8, null);

    public SessionPolicy {
        requireIdleLogoutMinutes("idleLogoutMinutes", idleLogoutMinutes);
        requireMaxSessionHours("maxSessionHours", maxSessionHours);
    }

    /** The one bound for a tenant's idle timer and a desk's override of it. */
    static void requireIdleLogoutMinutes(String field, int minutes) {
        if (minutes < 0 || minutes > 7 * 24 * 60) {
            throw new InvalidInputException(field, "must be between 0 (off) and 10080, was " + minutes);
        }
    }

    static void requireMaxSessionHours(String field, int hours) {
        if (hours < 0 || hours > 24 * 31) {
            throw new InvalidInputException(field, "must be between 0 (off) and 744, was " + hours);
        }
    }

    /** This policy with a device's overrides applied on top. */
    public SessionPolicy overriddenBy(DevicePolicyOverride override) {
        if (override == null) {
            return this;
        }
        return new SessionPolicy(
                override.idleLogoutMinutes() != null ? override.idleLogoutMinutes() : idleLogoutMinutes,
                override.maxSessionHours() != null ? override.maxSessionHours() : maxSessionHours,
                override.dailyLogoutTime() != null ? override.dailyLogoutTime() : dailyLogoutTime);
    }
}
