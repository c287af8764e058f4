package org.hotdesk.core.error;

/**
 * Bad input from a user, admin, file or phone: names the field that is wrong and why.
 * Thrown before anything is written, so nothing changes.
 */
public final class InvalidInputException extends HotdeskException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
