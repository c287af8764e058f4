package org.hotdesk.web.api.devices;

import java.time.Instant;
import java.util.Locale;
import org.hotdesk.core.resync.ResyncOutcome;

/**
 * A desk's last re-sync NOTIFY since the server started, as {@code lastResync} of a device.
 *
 * @param state         {@code sent} (no final answer yet), {@code answered}, {@code retrying}, {@code failed} or
 *                      {@code not_registered} (a change came while the desk had no binding)
 * @param status        the phone's final answer (200, 489, ...), or null when none came
 * @param detail        in words: "200 OK", "489 Bad Event", "no answer after 4 attempts"
 * @param event         the Event sent ({@code check-sync}, {@code resync}, ...)
 * @param contact       the registered contact it went to
 * @param attempt       1 for the first NOTIFY of the change, 2 for the first retry, ...
 * @param at            when this happened
 * @param nextAttemptAt when it is sent again ({@code retrying} only)
 */
public record ResyncView(String state, Integer status, String detail, String event, String contact, int attempt,
                         Instant at, Instant nextAttemptAt) {

    static ResyncView of(ResyncOutcome o) {
        return new ResyncView(o.state().name().toLowerCase(Locale.ROOT), o.status(), o.detail(), o.event(),
                o.contact(), o.attempt(), o.at(), o.nextAttemptAt());
    }
}
