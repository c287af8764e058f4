package org.hotdesk.web.pages;

import java.time.Duration;
import java.time.Instant;
import org.hotdesk.core.call.CallOutcome;

/** Calls in words, the same on the console's history and on /me. */
public final class CallWords {
    private CallWords() {
    }

    /** "Answered", "No answer", ...; "In progress" while the call is up (no outcome yet). */
    public static String outcome(CallOutcome outcome) {
        if (outcome == null) return "In progress";
        return switch (outcome) {
            case ANSWERED -> "Answered";
            case NO_ANSWER -> "No answer";
            case BUSY -> "Busy";
            case REJECTED -> "Rejected";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
        };
    }

    /** The badge class: ok answered or up, bad failed, warn the rest. */
    public static String outcomeClass(CallOutcome outcome) {
        if (outcome == null) return "ok";
        return switch (outcome) {
            case ANSWERED -> "plain ok";
            case FAILED -> "bad";
            default -> "warn";
        };
    }

    /**
     * Talk time to the second, "3:07" or "1:02:07": a call is measured in seconds, where a session's "under a
     * minute" would hide most short calls. Empty when nobody answered; counted to {@code now} while it is up.
     */
    public static String talkTime(Instant answeredAt, Instant endedAt, Instant now) {
        if (answeredAt == null) return "";
        long s = Math.max(0, Duration.between(answeredAt, endedAt == null ? now : endedAt).toSeconds());
        return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
    }
}
