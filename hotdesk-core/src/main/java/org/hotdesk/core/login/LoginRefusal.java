package org.hotdesk.core.login;

/**
 * Why a login was refused. Each reason knows the SIP final response a phone gets for it, whose reason
 * phrase the phone shows on its screen. Wrong PIN and unknown extension share one answer on purpose, so
 * a caller cannot learn which extensions exist.
 */
public enum LoginRefusal {
    INVALID_CODE(403, "Invalid code"),
    CODE_EXPIRED(403, "Code expired"),
    CODE_ALREADY_USED(403, "Code already used"),
    INVALID_CREDENTIALS(403, "Invalid extension or PIN"),
    LOCKED(403, "Locked, try later"),
    HOT_DESK_NOT_ALLOWED(403, "Hot desking not allowed"),
    USER_DISABLED(403, "User disabled"),
    DEVICE_DISABLED(403, "Device disabled"),
    UNTRUSTED_NETWORK(403, "Not from a trusted network"),
    PHONE_KEY_LOGIN_OFF(403, "Phone-key login is off"),
    LOGGED_IN_ELSEWHERE(486, "Logged in elsewhere"),
    UNKNOWN_DEVICE(404, "Unknown device");

    private final int sipStatus;
    private final String reasonPhrase;

    LoginRefusal(int sipStatus, String reasonPhrase) {
        this.sipStatus = sipStatus;
        this.reasonPhrase = reasonPhrase;
    }

    public int sipStatus() {
        return sipStatus;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** Does this refusal count towards the lockout? Only guesses of a secret do. */
    boolean countsAsFailedAttempt() {
        return switch (this) {
            case INVALID_CODE, CODE_EXPIRED, CODE_ALREADY_USED, INVALID_CREDENTIALS -> true;
            default -> false;
        };
    }
}
