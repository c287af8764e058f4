package org.hotdesk.core.history;

import java.time.Instant;
import org.hotdesk.core.error.InvalidInputException;

/**
 * Which part of a long history to read: entries from {@code from} (inclusive) to {@code to} (exclusive), newest
 * first, skipping {@code offset} and taking at most {@code limit}. Sessions, calls and the audit log are read this
 * way, so a console page or an export never loads a year at once.
 */
public record HistoryWindow(Instant from, Instant to, int offset, int limit) {
    /** Earlier than anything recorded, later than anything recorded: a window without bounds uses these. */
    public static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("9999-01-01T00:00:00Z");
    public static final int MAX_LIMIT = 10_000;

    public HistoryWindow {
        from = from == null ? BEGINNING : from;
        to = to == null ? END : to;
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "the end of the period must come after its start");
        }
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static HistoryWindow newest(int limit) {
        return new HistoryWindow(null, null, 0, limit);
    }
}
