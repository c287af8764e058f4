package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV as spreadsheets write it: fields in double quotes may hold commas, quotes (doubled) and line
 * breaks; lines end in CRLF, LF or CR; a UTF-8 byte order mark is skipped. Each record remembers the file line
 * it starts on, so errors can name the line a person sees in their editor even after a multi-line field.
 * The {@code '} that {@link CsvWriter} puts before a would-be formula is taken off ({@link SpreadsheetSafeCell}).
 */
public final class CsvReader {
    /** One record and the file line (1-based) it starts on. */
    public record Record(int line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }

        /** A line with nothing on it, which spreadsheets leave at the end of a file. */
        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** The text breaks the quoting rules; nothing in it can be trusted. */
    public static final class MalformedCsv extends RuntimeException {
        private final int line;

        MalformedCsv(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CsvReader() {
    }

    /** Every non-blank record, the header included. */
    public static List<Record> read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = s.length();
        boolean atFieldStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (atFieldStart && c == '"') {
                int openedOn = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedCsv(openedOn, "a quoted field opened on line " + openedOn + " is never closed");
                    }
                    char q = s.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\r' || q == '\n') {
                        // a line break inside a field: one more file line; kept as \n whatever the file used
                        line++;
                        field.append('\n');
                        i += (q == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
                        continue;
                    }
                    field.append(q);
                    i++;
                }
                atFieldStart = false;
                if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                    throw new MalformedCsv(line, "text after a closing quote: a quote inside a quoted field must be"
                            + " doubled (\"\")");
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                addRecord(records, recordLine, fields);
                fields = new ArrayList<>();
                i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
                line++;
                recordLine = line;
                atFieldStart = true;
            } else {
                if (c == '"') {
                    throw new MalformedCsv(line, "a quote in the middle of a field: quote the whole field and double"
                            + " the quote (\"\")");
                }
                field.append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (!fields.isEmpty() || field.length() > 0 || !atFieldStart) {
            fields.add(field.toString());
            addRecord(records, recordLine, fields);
        }
        return records;
    }

    private static void addRecord(List<Record> records, int line, List<String> fields) {
        Record record = new Record(line, fields.stream().map(SpreadsheetSafeCell::fromImport).toList());
        if (!record.isBlank()) {
            records.add(record);
        }
    }
}
