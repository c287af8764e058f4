package org.hotdesk.web.self;

import java.util.List;

/**
 * Everything the self-service page shows.
 *
 * @param otp    the code just generated, shown on this one answer only; null otherwise
 * @param notice a one-time message ("Logged out of Desk 3"), or null
 * @param error  true when {@code notice} reports a failure
 * @param forwarding the person's forwarding as stored, or as typed when it was just refused
 */
public record MeView(String name, String extension, String company, String csrf, boolean hotDesk, OtpView otp,
                     List<DeskView> desks, List<CallView> calls, String notice, boolean error,
                     org.hotdesk.web.pages.ForwardingForm forwarding) {

    /** Up to two initials for the avatar: "Anna Berg" → "AB"; the extension's digits when there is no name. */
    public String initials() {
        String[] words = name == null ? new String[0] : name.trim().split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && Character.isLetter(w.codePointAt(0)) && sb.length() < 2) {
                sb.appendCodePoint(Character.toUpperCase(w.codePointAt(0)));
            }
        }
        return sb.isEmpty() ? extension.substring(0, Math.min(2, extension.length())) : sb.toString();
    }

    /**
     * A fresh login code.
     *
     * @param secondsLeft by the server's clock when the page was made; the browser counts down from there
     * @param dial        the code inside the tenant's dial pattern ({@code 00*123456#}), or null when it has none
     */
    public record OtpView(String code, long secondsLeft, long lifetimeSeconds, String dial) {
        @Override
        public String toString() {
            return "OtpView[secondsLeft=" + secondsLeft + "]";
        }
    }

    /**
     * One of the employee's recent calls.
     *
     * @param other        who was on the other end: "Anna Berg (201)", or the number
     * @param talk         talk time "3:07", empty when nobody answered
     * @param outcomeClass the badge class
     */
    public record CallView(String time, String other, boolean outgoing, String talk, String outcome,
                           String outcomeClass) {
    }

    /** A desk this employee is logged in at. */
    public record DeskView(long sessionId, String desk, String location, String since, String method) {
    }
}
