package org.hotdesk.web.csv;

import java.util.List;

/**
 * Writes RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, line break or edge spaces.
 * A field a spreadsheet would run as a formula gets a leading {@code '} ({@link SpreadsheetSafeCell}).
 * What it writes, {@link CsvReader} reads back to the same values, which is what makes exports importable.
 */
public final class CsvWriter {
    private final StringBuilder out = new StringBuilder();

    public CsvWriter(List<String> header) {
        row(header);
    }

    /** One record; null fields are written empty. */
    public CsvWriter row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            out.append(quote(SpreadsheetSafeCell.forExport(fields.get(i))));
        }
        out.append("\r\n");
        return this;
    }

    static String quote(String value) {
        if (value == null) return "";
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty()
                && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))));
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
