package org.hotdesk.web.csv;

/** Whole numbers and yes/no cells. */
final class Numbers {
    private Numbers() {
    }

    /** The cell as a number; {@code empty} when it is empty; null (and a problem noted) when it is not a number. */
    static Integer parse(CsvRow row, String column, Integer empty, CsvProblems problems) {
        String raw = row.get(column);
        if (raw == null) return empty;
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            problems.add(row.line(), column, column + " '" + raw + "' is not a whole number");
            return null;
        }
    }

    /** yes/no, true/false, 1/0 (any case); {@code empty} when empty; null (and a problem noted) otherwise. */
    static Boolean yesNo(CsvRow row, String column, Boolean empty, CsvProblems problems) {
        String raw = row.get(column);
        if (raw == null) return empty;
        return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> {
                problems.add(row.line(), column, column + " '" + raw + "' is not yes or no");
                yield null;
            }
        };
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
