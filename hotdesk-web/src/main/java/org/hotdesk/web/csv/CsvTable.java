package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotdesk.web.ErrorDetail;

/**
 * A CSV file read against the columns an import knows: the header is required, columns are matched by name
 * whatever their case and order, an unknown or repeated column or a missing required one rejects the file.
 * Rows whose field count differs from the header's are noted as problems.
 */
public final class CsvTable {
    private final List<CsvRow> rows;
    private final CsvProblems problems;

    private CsvTable(List<CsvRow> rows, CsvProblems problems) {
        this.rows = rows;
        this.problems = problems;
    }

    /** @throws org.hotdesk.web.ApiException 422 when the file cannot be read or its header is wrong */
    public static CsvTable read(String text, List<String> known, List<String> required) {
        List<CsvReader.Record> records;
        try {
            records = CsvReader.read(text == null ? "" : text);
        } catch (CsvReader.MalformedCsv e) {
            throw CsvRejected.file("the file is not valid CSV",
                    List.of(new ErrorDetail(e.line(), null, e.getMessage())));
        }
        if (records.isEmpty()) {
            throw CsvRejected.file("the file is empty", List.of(new ErrorDetail(1, null,
                    "the first line must name the columns, e.g. " + String.join(",", known))));
        }
        CsvReader.Record header = records.get(0);
        List<ErrorDetail> headerProblems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            names.add(name);
            if (name.isEmpty()) {
                headerProblems.add(new ErrorDetail(header.line(), null, "column " + (i + 1) + " has no name"));
            } else if (!known.contains(name)) {
                headerProblems.add(new ErrorDetail(header.line(), name, "unknown column '" + header.fields().get(i).strip()
                        + "'; the columns are " + String.join(", ", known)));
            } else if (seen.putIfAbsent(name, i) != null) {
                headerProblems.add(new ErrorDetail(header.line(), name, "column '" + name + "' appears twice"));
            }
        }
        for (String column : required) {
            if (!names.contains(column)) {
                headerProblems.add(new ErrorDetail(header.line(), column, "the required column '" + column + "' is missing"));
            }
        }
        if (!headerProblems.isEmpty()) {
            throw CsvRejected.file("the header (line " + header.line() + ") is invalid", headerProblems);
        }
        CsvProblems problems = new CsvProblems();
        List<CsvRow> rows = new ArrayList<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != names.size()) {
                problems.add(record.line(), null, "has " + record.fields().size() + " fields, the header has "
                        + names.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), i < record.fields().size() ? record.fields().get(i) : "");
            }
            rows.add(new CsvRow(record.line(), values));
        }
        return new CsvTable(List.copyOf(rows), problems);
    }

    public List<CsvRow> rows() {
        return rows;
    }

    /** Problems found so far; the import adds its own per row. */
    public CsvProblems problems() {
        return problems;
    }
}
