package org.hotdesk.core.cache;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.SipAccountHashes;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;

/**
 * Users by id and by extension from memory (the registrar's and the router's look-ups); every write goes through
 * and forgets the user, so a changed PIN, password or access counts from the very next request.
 */
final class CachedUserStore implements UserStore {
    private final UserStore store;
    private final ReadCache<User> cache;
    private final Caches.Edits edits;

    CachedUserStore(UserStore store, Transactions tx, Caches.Edits edits) {
        this.store = store;
        this.edits = edits;
        this.cache = new ReadCache<>(tx, User::id);
    }

    ReadCache<User> cache() {
        return cache;
    }

    @Override
    public User insert(long tenantId, String extension, String name, boolean hotDesk, String pinHash,
                       SipAccountHashes pinDigest, SipAccountHashes sipAccount, Instant createdAt) {
        User u = store.insert(tenantId, extension, name, hotDesk, pinHash, pinDigest, sipAccount, createdAt);
        edits.shared(cache, u.id());
        return u;
    }

    @Override
    public Optional<User> findById(long id) {
        return cache.byId(id, () -> store.findById(id));
    }

    @Override
    public Optional<User> findByExtension(long tenantId, String extension) {
        return cache.byKey(new Extension(tenantId, extension),
                u -> u.tenantId() == tenantId && u.extension().equals(extension),
                () -> store.findByExtension(tenantId, extension));
    }

    @Override
    public List<User> list(long tenantId) {
        return store.list(tenantId);
    }

    @Override
    public List<User> listWithDeleted(long tenantId) {
        return store.listWithDeleted(tenantId);
    }

    @Override
    public void markDeleted(long id, Instant at) {
        store.markDeleted(id, at);
        edits.shared(cache, id);
    }

    @Override
    public Optional<User> lockForUpdate(long id) {
        return store.lockForUpdate(id);
    }

    @Override
    public void update(User user) {
        store.update(user);
        edits.shared(cache, user.id());
    }

    @Override
    public int clearPinDigests(long tenantId) {
        int cleared = store.clearPinDigests(tenantId);
        // rare (a tenant turning phone-key login off) and touching many rows: forget every user, not row by row
        edits.sharedAll(cache);
        return cleared;
    }

    @Override
    public int countWithoutPinDigest(long tenantId) {
        return store.countWithoutPinDigest(tenantId);
    }

    @Override
    public List<FunctionKey> keys(long userId) {
        return store.keys(userId);
    }

    @Override
    public void replaceKeys(long userId, List<FunctionKey> keys) {
        store.replaceKeys(userId, keys);
        edits.shared(cache, userId);
    }

    private record Extension(long tenantId, String extension) {
    }
}
