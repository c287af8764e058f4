package org.hotdesk.core.session;

/** Why a session ended. */
public enum LogoutReason {
    /** The user logged out (code or key). */
    USER,
    /** An administrator forced the logout. */
    ADMIN,
    /** No call for the idle period after the last call ended. */
    IDLE_TIMEOUT,
    /** The maximum session duration passed. */
    MAX_DURATION,
    /** The tenant's daily logout time passed. */
    SCHEDULED,
    /** Another user logged in on this device. */
    DISPLACED,
    /** The user logged in on another device under the single-login policy. */
    LOGGED_IN_ELSEWHERE,
    /** The device was removed. */
    DEVICE_REMOVED,
    /** The user was disabled. */
    USER_DISABLED,
    /** The phone that logged in with its hot-desk key let its registration expire (unplugged, off the network). */
    REGISTRATION_EXPIRED
}
