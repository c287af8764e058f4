package org.hotdesk.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for users. */
public interface UserStore {
    User insert(long tenantId, String extension, String name, boolean hotDesk, String pinHash,
                SipAccountHashes pinDigest, SipAccountHashes sipAccount, Instant createdAt);

    Optional<User> findById(long id);

    Optional<User> findByExtension(long tenantId, String extension);

    /** The tenant's users, deleted ones left out (as every look-up here but {@link #listWithDeleted} does). */
    List<User> list(long tenantId);

    /** The tenant's users including deleted ones: history and the audit log still name them. */
    List<User> listWithDeleted(long tenantId);

    /** The user is gone: no look-up finds them any more and their extension is free; their rows stay for history. */
    void markDeleted(long id, Instant at);

    /** Reads the user and holds a row lock until the transaction ends. */
    Optional<User> lockForUpdate(long id);

    void update(User user);

    /** Forgets the PIN digest of every user of the tenant; the number of users that had one. */
    int clearPinDigests(long tenantId);

    /** How many of the tenant's users have no PIN digest. */
    int countWithoutPinDigest(long tenantId);

    /** The user's programmable keys, in key order. */
    List<FunctionKey> keys(long userId);

    void replaceKeys(long userId, List<FunctionKey> keys);
}
