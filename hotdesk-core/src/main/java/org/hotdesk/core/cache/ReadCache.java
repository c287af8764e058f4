package org.hotdesk.core.cache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.hotdesk.core.transaction.Transactions;

/**
 * Rows by id, plus secondary keys (a domain, a SIP username, a MAC) that point at ids. Filled on a miss, emptied by
 * every write of that id, at once and again after the writing transaction commits.
 *
 * <p>Two rules keep it from ever answering something the database no longer says:
 * <ul>
 *   <li>It is filled only outside a transaction: a transaction reads its own uncommitted writes, and a rolled-back
 *       value must never be cached.</li>
 *   <li>A read that raced with a write is not kept: every eviction is numbered and noted on the id's stripe, and a
 *       loaded row is kept only if its stripe saw no eviction since the read began (checked and stored under the
 *       same lock as evictions). Striping keeps a busy row (a desk fetching its config) from blocking the rest.</li>
 * </ul>
 * Misses are not cached: an unknown name costs a lookup each time, as before.
 */
final class ReadCache<V> {
    private final Transactions tx;
    private final ToLongFunction<V> idOf;
    private final Map<Long, V> byId = new ConcurrentHashMap<>();
    private final Map<Object, Long> idByKey = new ConcurrentHashMap<>();
    private static final int STRIPES = 4096;
    private final long[] evictedAt = new long[STRIPES];
    private long evictions;

    ReadCache(Transactions tx, ToLongFunction<V> idOf) {
        this.tx = tx;
        this.idOf = idOf;
    }

    Optional<V> byId(long id, Supplier<Optional<V>> load) {
        V hit = byId.get(id);
        if (hit != null) return Optional.of(hit);
        return loadAndKeep(null, load);
    }

    /** By a secondary key; {@code stillMatches} guards against a row whose key changed since it was indexed. */
    Optional<V> byKey(Object key, Predicate<V> stillMatches, Supplier<Optional<V>> load) {
        Long id = idByKey.get(key);
        if (id != null) {
            V hit = byId.get(id);
            if (hit != null && stillMatches.test(hit)) return Optional.of(hit);
        }
        return loadAndKeep(key, load);
    }

    /** A write of this id: forgotten now, and again when the transaction commits. */
    void written(long id) {
        evict(id);
        tx.afterCommit(() -> evict(id));
    }

    /** A write of many rows: everything forgotten now, and again when the transaction commits. */
    void writtenAll() {
        clear();
        tx.afterCommit(this::clear);
    }

    /** A write whose rows are not known (e.g. another process changed something): everything is forgotten. */
    synchronized void clear() {
        evictions++;
        java.util.Arrays.fill(evictedAt, evictions);
        byId.clear();
        idByKey.clear();
    }

    private Optional<V> loadAndKeep(Object key, Supplier<Optional<V>> load) {
        if (tx.isOpen()) return load.get();
        long before;
        synchronized (this) {
            before = evictions;
        }
        Optional<V> loaded = load.get();
        loaded.ifPresent(v -> {
            synchronized (this) {
                long id = idOf.applyAsLong(v);
                if (evictedAt[stripe(id)] > before) return;
                byId.put(id, v);
                if (key != null) idByKey.put(key, id);
            }
        });
        return loaded;
    }

    private synchronized void evict(long id) {
        evictedAt[stripe(id)] = ++evictions;
        byId.remove(id);
    }

    private static int stripe(long id) {
        return (int) (id ^ id >>> 32) & (STRIPES - 1);
    }
}
