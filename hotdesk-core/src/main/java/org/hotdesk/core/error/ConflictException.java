package org.hotdesk.core.error;

/** The request clashes with existing state, e.g. a MAC or extension that is already taken. */
public final class ConflictException extends HotdeskException {
    public ConflictException(String message) {
        super(message);
    }
}
