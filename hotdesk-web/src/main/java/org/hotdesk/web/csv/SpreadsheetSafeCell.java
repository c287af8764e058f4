package org.hotdesk.web.csv;

/**
 * Keeps an exported cell from running as a formula when an admin opens the file in Excel or LibreOffice
 * (OWASP "CSV Injection"): a cell that starts with {@code = + - @}, a tab or a carriage return gets a leading
 * {@code '}, which spreadsheets read as "this is text". Otherwise a user name such as
 * {@code =HYPERLINK("http://evil","click")}, typed by anyone who may name something, becomes a live link or
 * command on the admin's machine.
 *
 * <p>A phone number or plain number stays as it is ({@code +4930123456}, {@code -5}, {@code +1 (555) 010-2000}):
 * callback and emergency numbers legitimately start with {@code +} and must stay readable and usable, and without
 * letters a spreadsheet can at most do arithmetic with them, never call a function.
 *
 * <p>The import takes the {@code '} off again, so an export imports back unchanged. A value that itself starts
 * with apostrophes before a trigger ({@code '=x}, even {@code '+49...}) gets one more on export, so it too comes
 * back exactly; the number exemption is only for a bare number.
 */
final class SpreadsheetSafeCell {
    private static final String TRIGGERS = "=+-@\t\r";
    private static final String PHONE_CHARACTERS = "0123456789 +-()./";

    private SpreadsheetSafeCell() {
    }

    /** The value as written to a file; null stays null. */
    static String forExport(String value) {
        if (value == null) return null;
        int apostrophes = leadingApostrophes(value);
        boolean quote = startsWithTrigger(value, apostrophes) && (apostrophes > 0 || !isNumber(value));
        return quote ? "'" + value : value;
    }

    /**
     * The value a cell read from a file stands for: apostrophes before a trigger lose one, which undoes
     * {@link #forExport} exactly (and takes off a {@code '} a person typed before {@code +49...} too).
     */
    static String fromImport(String cell) {
        int apostrophes = leadingApostrophes(cell);
        return apostrophes > 0 && startsWithTrigger(cell, apostrophes) ? cell.substring(1) : cell;
    }

    private static int leadingApostrophes(String value) {
        int n = 0;
        while (n < value.length() && value.charAt(n) == '\'') n++;
        return n;
    }

    private static boolean startsWithTrigger(String value, int at) {
        return at < value.length() && TRIGGERS.indexOf(value.charAt(at)) >= 0;
    }

    /** {@code +} or {@code -}, then only digits, spaces and {@code + - ( ) . /}, with at least one digit. */
    private static boolean isNumber(String value) {
        char first = value.charAt(0);
        if (first != '+' && first != '-') return false;
        boolean digit = false;
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (PHONE_CHARACTERS.indexOf(c) < 0) return false;
            digit |= Character.isDigit(c);
        }
        return digit;
    }
}
