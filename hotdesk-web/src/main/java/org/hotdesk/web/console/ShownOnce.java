package org.hotdesk.web.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotdesk.web.session.WebSession;

/**
 * A secret (a one-time code, a new token) carried from the form that made it to the one page that shows it, in
 * memory and never in a cookie or a URL: taken when shown, so reloading that page shows it no more. One per
 * browser session; one that is never shown is forgotten after {@code until}.
 *
 * @param <T> what the page shows
 */
public final class ShownOnce<T> {
    private record Held<T>(String place, T value, Instant until) {
    }

    private final Map<String, Held<T>> held = new ConcurrentHashMap<>();
    private final Clock clock;

    public ShownOnce(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code value} for the next showing of {@code place} (e.g. "user 12") in this browser session. */
    public void keep(WebSession session, String place, T value, Instant until) {
        Instant now = clock.instant();
        // a few bytes per admin, but a secret nobody came back for should not wait in memory for the next restart
        held.values().removeIf(h -> now.isAfter(h.until()));
        held.put(session.id(), new Held<>(place, value, until));
    }

    /** The value kept for {@code place}, removed as it is handed out; empty when none, or kept for another page. */
    public Optional<T> take(WebSession session, String place) {
        Held<T> h = held.get(session.id());
        if (h == null || !h.place().equals(place) || !held.remove(session.id(), h)) {
            return Optional.empty();
        }
        return clock.instant().isAfter(h.until()) ? Optional.empty() : Optional.of(h.value());
    }
}
