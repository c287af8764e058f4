package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.web.ErrorDetail;

/**
 * The problems found while checking a file, each with its line and column. Rows are checked completely before
 * anything is written, so one answer lists every problem of the file, not just the first.
 */
public final class CsvProblems {
    private final List<ErrorDetail> details = new ArrayList<>();
    private final Set<Integer> badLines = new LinkedHashSet<>();

    public void add(int line, String column, String reason) {
        details.add(new ErrorDetail(line, column, reason));
        badLines.add(line);
    }

    /** Runs one check of a row; a failure is noted against the column the core names (or {@code column}). */
    public <T> T check(int line, String column, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            add(e, line, column);
            return null;
        }
    }

    public void add(InvalidInputException e, int line, String column) {
        String field = e.field() == null ? column : snakeCase(e.field());
        String named = field.equals("location") || field.equals("provisioning") ? column : field;
        add(line, named, reason(named, e));
    }

    /** "mac 'zz' is not a MAC address": the core's message, led by the column name as the file spells it. */
    static String reason(String column, InvalidInputException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        String text = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        boolean readsOn = text.startsWith("'") || text.startsWith("is ") || text.startsWith("must ");
        return column + (readsOn ? " " : ": ") + text;
    }

    /** {@code sipDomain} → {@code sip_domain}: core fields as CSV columns. */
    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasLine(int line) {
        return badLines.contains(line);
    }

    public boolean isEmpty() {
        return details.isEmpty();
    }

    /** Throws the 422 answer listing every problem, when there is any. */
    public void throwIfAny(int rows) {
        if (!details.isEmpty()) {
            throw CsvRejected.rows(badLines.size(), rows, details);
        }
    }
}
