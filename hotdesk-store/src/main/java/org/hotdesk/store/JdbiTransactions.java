package org.hotdesk.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotdesk.core.transaction.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions bound to the calling thread: every store call made inside {@link #inTransaction} uses the
 * same JDBI handle, so a use case's reads, row locks and writes are one database transaction.
 * A transaction the database aborted for a deadlock or serialization failure is retried.
 */
public final class JdbiTransactions implements Transactions {
    private static final Logger log = LoggerFactory.getLogger(JdbiTransactions.class);
    private static final int ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
    private final ThreadLocal<java.util.Set<Object>> onceKeys = new ThreadLocal<>();

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            List<Runnable> hooks = new ArrayList<>();
            T result;
            try (Handle handle = jdbi.open()) {
                current.set(handle);
                afterCommit.set(hooks);
                onceKeys.set(new java.util.HashSet<>());
                result = handle.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> work.get());
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isTransient(e)) {
                    log.debug("transaction retried attempt={} cause={}", attempt, e.toString());
                    continue;
                }
                throw e;
            } finally {
                current.remove();
                afterCommit.remove();
                onceKeys.remove();
            }
            hooks.forEach(Runnable::run);
            return result;
        }
    }

    @Override
    public void afterCommitOnce(Object key, Runnable action) {
        java.util.Set<Object> keys = onceKeys.get();
        if (keys == null) {
            action.run();
        } else if (keys.add(key)) {
            afterCommit(action);
        }
    }

    @Override
    public boolean isOpen() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> hooks = afterCommit.get();
        if (hooks == null) {
            action.run();
        } else {
            hooks.add(action);
        }
    }

    /** Runs store work on the thread's transaction, or on a short-lived handle of its own. */
    <T> T withHandle(Function<Handle, T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
        }
        return jdbi.withHandle(work::apply);
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 40001 serialization failure / H2 deadlock, 40P01 PostgreSQL deadlock
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
