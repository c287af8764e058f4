package org.hotdesk.core.cache;

import java.util.concurrent.atomic.AtomicLong;
import org.hotdesk.core.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory copies of tenants, devices and users that the hot paths (REGISTER, calls, config fetches) read
 * instead of the database. Edits made through this process empty the entry they touch at once (see
 * {@link ReadCache}); edits made by another process are noticed by {@link #catchUp}, which the server runs every
 * second: a change made with {@code bin/hotdesk} takes effect here within that second.
 */
public final class Caches {
    private static final Logger log = LoggerFactory.getLogger(Caches.class);

    private final Ports ports;
    private final EditGeneration generation;
    private final AtomicLong seen = new AtomicLong(-1);
    private final ReadCache<?>[] all;
    private final java.util.List<Runnable> dropListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Caches(Ports raw) {
        this.generation = raw.editGeneration();
        Edits edits = new Edits(raw.transactions(), generation, seen);
        CachedTenantStore tenants = new CachedTenantStore(raw.tenants(), raw.transactions(), edits);
        CachedDeviceStore devices = new CachedDeviceStore(raw.devices(), raw.transactions(), edits);
        CachedUserStore users = new CachedUserStore(raw.users(), raw.transactions(), edits);
        this.all = new ReadCache<?>[] {tenants.cache(), devices.cache(), users.cache()};
        CachedProvisionCounts counts = new CachedProvisionCounts(raw.provisionCounts(), devices.cache(), edits);
        this.ports = new Ports(raw.transactions(), tenants, users, devices, raw.gateways(), counts,
                raw.resyncRequests(), raw.sessions(), raw.otps(), raw.attempts(), raw.audit(), raw.calls(),
                raw.registrations(), raw.emergencyAlerts(), raw.sites(), raw.accessTokens(), generation,
                raw.webhooks(), raw.trunks(), raw.forwarding());
    }

    /** The ports with their reads cached. */
    public Ports ports() {
        return ports;
    }

    /** Drops every cached row when another process has edited any since the last look. */
    public void catchUp() {
        long now = generation.current();
        long before = seen.getAndSet(now);
        if (before != now) {
            clear();
            if (before >= 0) log.debug("caches dropped: edits made elsewhere generation={}", now);
        }
    }

    /** Drops everything (tests, and an admin's explicit reload), and tells whoever built on the dropped rows. */
    public void clear() {
        for (ReadCache<?> c : all) c.clear();
        dropListeners.forEach(Runnable::run);
    }

    /**
     * {@code listener} runs whenever everything is dropped: answers made from rows held here (e.g. rendered phone
     * configurations) may have used a row another process changed, and must go too.
     */
    public void onDropAll(Runnable listener) {
        dropListeners.add(listener);
    }

    /** What a decorator does on each write: forget the row, and count the edit for other processes. */
    static final class Edits {
        private final org.hotdesk.core.transaction.Transactions tx;
        private final EditGeneration generation;
        private final AtomicLong seen;

        Edits(org.hotdesk.core.transaction.Transactions tx, EditGeneration generation, AtomicLong seen) {
            this.tx = tx;
            this.generation = generation;
            this.seen = seen;
        }

        /**
         * An edit other processes must see: raises the generation once the transaction has committed (so whoever
         * sees the new number also sees the edit), once per transaction; our own raise is not news to us.
         */
        void shared(ReadCache<?> cache, long id) {
            cache.written(id);
            announceAfterCommit();
        }

        /** An edit of rows this process cannot name one by one: every row of the cache is forgotten. */
        void sharedAll(ReadCache<?> cache) {
            cache.writtenAll();
            announceAfterCommit();
        }

        private void announceAfterCommit() {
            tx.afterCommitOnce(this, () -> {
                long mine = generation.bump();
                seen.compareAndSet(mine - 1, mine);
            });
        }

        /** An edit of bookkeeping no other process caches (provision counts, re-sync flags). */
        void local(ReadCache<?> cache, long id) {
            cache.written(id);
        }
    }
}
