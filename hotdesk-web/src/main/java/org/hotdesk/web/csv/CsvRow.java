package org.hotdesk.web.csv;

import java.util.Map;

/**
 * One data row, its values by (lower-case) column name. A column the file does not have is absent, which an
 * import reads as "leave as it is"; a column present but empty means "none" (or the default).
 */
public record CsvRow(int line, Map<String, String> values) {
    public CsvRow {
        values = Map.copyOf(values);
    }

    /** Does the file have this column at all? */
    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** The trimmed value, or null when empty or when the file has no such column. */
    public String get(String column) {
        String v = values.get(column);
        if (v == null) return null;
        String t = v.strip();
        return t.isEmpty() ? null : t;
    }

    /** The value when the file has the column (null when empty), else {@code current}. */
    public String getOr(String column, String current) {
        return has(column) ? get(column) : current;
    }
}
