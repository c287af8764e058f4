package org.hotdesk.core.policy;

/** What happens when a user who is already hot-desked somewhere logs in on another device (Cisco EM). */
public enum MultipleLoginPolicy {
    /** The user's previous hot-desk session ends with {@code LOGGED_IN_ELSEWHERE}. The default. */
    AUTO_LOGOUT_OTHER,
    /** The user may be logged in on several devices at once. */
    ALLOW,
    /** The new login is refused while another session of the user is open. */
    DENY
}
