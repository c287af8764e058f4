package org.hotdesk.web.console.devices;

import java.time.LocalTime;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.policy.SessionPolicy;

/**
 * The Timers panel of a desk: each timer as the desk's own value or "tenant default (X)".
 *
 * @param own       the desk's overrides (null fields: the tenant's)
 * @param tenant    the tenant's settings
 * @param effective what a session at this desk runs by (computed by the core)
 */
public record DeviceTimersPanel(DevicePolicyOverride own, SessionPolicy tenant, SessionPolicy effective) {

    public DeviceTimersPanel {
        own = own == null ? DevicePolicyOverride.NONE : own;
    }

    public String idle() {
        return own.idleLogoutMinutes() == null ? "tenant default (" + minutes(tenant.idleLogoutMinutes()) + ")"
                : minutes(own.idleLogoutMinutes()) + " on this desk";
    }

    public String maxHours() {
        return own.maxSessionHours() == null ? "tenant default (" + hours(tenant.maxSessionHours()) + ")"
                : hours(own.maxSessionHours()) + " on this desk";
    }

    public String daily() {
        return own.dailyLogoutTime() == null ? "tenant default (" + time(tenant.dailyLogoutTime()) + ")"
                : time(own.dailyLogoutTime()) + " on this desk";
    }

    /** The form's values: the desk's own, blank where it inherits. */
    public String ownIdle() {
        return own.idleLogoutMinutes() == null ? "" : own.idleLogoutMinutes().toString();
    }

    public String ownMaxHours() {
        return own.maxSessionHours() == null ? "" : own.maxSessionHours().toString();
    }

    public String ownDaily() {
        return own.dailyLogoutTime() == null ? "" : own.dailyLogoutTime().toString();
    }

    public boolean overridden() {
        return !own.equals(DevicePolicyOverride.NONE);
    }

    public String tenantIdle() {
        return String.valueOf(tenant.idleLogoutMinutes());
    }

    public String tenantMaxHours() {
        return String.valueOf(tenant.maxSessionHours());
    }

    public String tenantDaily() {
        return tenant.dailyLogoutTime() == null ? "none" : tenant.dailyLogoutTime().toString();
    }

    private static String minutes(int m) {
        return m == 0 ? "off" : m == 1 ? "1 minute" : m + " minutes";
    }

    private static String hours(int h) {
        return h == 0 ? "off" : h == 1 ? "1 hour" : h + " hours";
    }

    private static String time(LocalTime t) {
        return t == null ? "none" : t.toString();
    }
}
