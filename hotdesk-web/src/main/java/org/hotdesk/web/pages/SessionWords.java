package org.hotdesk.web.pages;

import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;

/** The words the console uses for how a session began and why it ended, instead of enum names. */
public final class SessionWords {
    private SessionWords() {
    }

    public static String method(LoginMethod method) {
        if (method == null) return "";
        return switch (method) {
            case OTP -> "One-time code";
            case FEATURE_CODE_PIN -> "Extension + PIN";
            case PHONE_KEY -> "Phone key";
            case ADMIN -> "Admin";
            case API -> "API";
        };
    }

    /** The method as the end of "since 09:12 · by one-time code". */
    public static String byMethod(LoginMethod method) {
        return switch (method) {
            case OTP -> "by one-time code";
            case FEATURE_CODE_PIN -> "by extension + PIN";
            case PHONE_KEY -> "by phone key";
            case ADMIN -> "by admin";
            case API -> "by API";
        };
    }

    public static String endReason(LogoutReason reason) {
        if (reason == null) return "";
        return switch (reason) {
            case USER -> "Logged out";
            case ADMIN -> "Logged out by admin";
            case IDLE_TIMEOUT -> "Idle logout";
            case MAX_DURATION -> "Maximum duration";
            case SCHEDULED -> "Daily logout";
            case DISPLACED -> "Someone else logged in";
            case LOGGED_IN_ELSEWHERE -> "Logged in elsewhere";
            case DEVICE_REMOVED -> "Desk removed";
            case USER_DISABLED -> "User disabled";
            case REGISTRATION_EXPIRED -> "Phone went offline";
        };
    }

    /** How an upcoming automatic logout is announced: "idle logout", "daily logout"... */
    public static String deadline(LogoutReason reason) {
        return switch (reason) {
            case IDLE_TIMEOUT -> "idle logout";
            case MAX_DURATION -> "max. duration";
            case SCHEDULED -> "daily logout";
            default -> endReason(reason).toLowerCase(java.util.Locale.ROOT);
        };
    }
}
