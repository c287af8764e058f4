package org.hotdesk.web.console.devices;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hotdesk.core.resync.ResyncOutcome;
import org.hotdesk.web.pages.TenantTime;

/**
 * A desk's last re-sync NOTIFY in words for its page: "answered · 200 OK at 11:02:03", "failed · no answer after
 * 4 attempts at 11:04:40", with what was sent where. To the second: retries are seconds apart.
 *
 * @param outcome the last outcome since the server started, or null when there is none
 */
public record ResyncLine(ResyncOutcome outcome, TenantTime time) {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_SECONDS = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.ENGLISH);

    public boolean none() {
        return outcome == null;
    }

    /** The badge's class: ok, warn or bad. */
    public String badge() {
        return switch (outcome.state()) {
            case ANSWERED -> "ok";
            case FAILED -> "bad";
            case SENT, RETRYING, NOT_REGISTERED -> "warn";
        };
    }

    public String label() {
        return switch (outcome.state()) {
            case ANSWERED -> "answered";
            case SENT -> "sent";
            case RETRYING -> "retrying";
            case FAILED -> "failed";
            case NOT_REGISTERED -> "not sent";
        };
    }

    /** What happened and when: "200 OK at 11:02:03", "503 Service Unavailable at 11:02:03; attempt 2 at 11:02:05". */
    public String text() {
        String at = " at " + at(outcome.at());
        return switch (outcome.state()) {
            case SENT -> (outcome.attempt() > 1 ? "attempt " + outcome.attempt() + at : at.substring(1)) + ", no answer yet";
            case RETRYING -> outcome.detail() + at + "; attempt " + (outcome.attempt() + 1) + " at "
                    + at(outcome.nextAttemptAt());
            case ANSWERED, FAILED, NOT_REGISTERED -> outcome.detail() + at;
        };
    }

    /** "(check-sync;reboot=false to sip:d1@10.0.0.7:5060)", or "" when nothing was sent. */
    public String sentTo() {
        return outcome.event() == null ? "" : "(" + outcome.event() + " to " + outcome.contact() + ")";
    }

    private String at(Instant instant) {
        return (time.isToday(instant) ? SECONDS : DAY_SECONDS).format(instant.atZone(time.zone()));
    }
}
