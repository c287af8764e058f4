package org.hotdesk.core.error;

/** An expected failure of a use case that adapters turn into a clear answer (HTTP status, CLI message). */
public abstract sealed class HotdeskException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException {
    protected HotdeskException(String message) {
        super(message);
    }
}
