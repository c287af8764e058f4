package org.hotdesk.core.transaction;

import java.util.function.Supplier;

/**
 * Runs work as one database transaction. Every state change of a use case happens inside one call,
 * so it is all written (including its audit record) or none of it is. Nested calls join the outer one.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Is a transaction open on the calling thread (its reads may see its own writes, not yet committed)? */
    boolean isOpen();

    /**
     * Runs {@code action} once the current outermost transaction has committed, or at once when no
     * transaction is open. Dropped if the transaction rolls back: events must never announce a change
     * that did not happen.
     */
    void afterCommit(Runnable action);

    /** The same, but once per transaction for one {@code key}, however often it is asked (one notice for many rows). */
    void afterCommitOnce(Object key, Runnable action);
}
