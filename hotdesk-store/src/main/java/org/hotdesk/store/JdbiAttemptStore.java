package org.hotdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.login.AttemptStore;
import org.hotdesk.core.login.LockKey;

public final class JdbiAttemptStore implements AttemptStore {
    private final JdbiTransactions db;

    public JdbiAttemptStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void addFailure(long tenantId, LockKey key, Instant at) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO login_failures (tenant_id, key_kind, key_id, failed_at)
                        VALUES (:tenant, :kind, :id, :at)""")
                .bind("tenant", tenantId).bind("kind", key.kind().name()).bind("id", key.id()).bind("at", at).execute());
    }

    @Override
    public int countFailuresSince(long tenantId, LockKey key, Instant since) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM login_failures
                        WHERE tenant_id = :tenant AND key_kind = :kind AND key_id = :id AND failed_at > :since""")
                .bind("tenant", tenantId).bind("kind", key.kind().name()).bind("id", key.id()).bind("since", since)
                .mapTo(Integer.class).one());
    }

    @Override
    public void clearFailures(long tenantId, LockKey key) {
        db.withHandle(h -> h.createUpdate(
                        "DELETE FROM login_failures WHERE tenant_id = :tenant AND key_kind = :kind AND key_id = :id")
                .bind("tenant", tenantId).bind("kind", key.kind().name()).bind("id", key.id()).execute());
    }

    @Override
    public Optional<Instant> lockedUntil(long tenantId, List<LockKey> keys) {
        if (keys.isEmpty()) return Optional.empty();
        // one branch per key, each a primary-key look-up: an OR of the keys would read every lock of the tenant (H2)
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) sql.append(" UNION ALL ");
            sql.append("SELECT locked_until FROM lockouts WHERE tenant_id = :tenant AND key_kind = :kind")
                    .append(i).append(" AND key_id = :id").append(i);
        }
        return db.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("tenant", tenantId);
            for (int i = 0; i < keys.size(); i++) {
                query.bind("kind" + i, keys.get(i).kind().name()).bind("id" + i, keys.get(i).id());
            }
            return query.map((rs, ctx) -> Columns.instant(rs, "locked_until")).list().stream()
                    .max(Instant::compareTo);
        });
    }

    @Override
    public void lock(long tenantId, LockKey key, Instant until) {
        // delete + insert rather than a vendor-specific upsert; both run in the caller's transaction
        unlock(tenantId, key);
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO lockouts (tenant_id, key_kind, key_id, locked_until) VALUES (:tenant, :kind, :id, :until)""")
                .bind("tenant", tenantId).bind("kind", key.kind().name()).bind("id", key.id()).bind("until", until)
                .execute());
    }

    @Override
    public void unlock(long tenantId, LockKey key) {
        db.withHandle(h -> h.createUpdate(
                        "DELETE FROM lockouts WHERE tenant_id = :tenant AND key_kind = :kind AND key_id = :id")
                .bind("tenant", tenantId).bind("kind", key.kind().name()).bind("id", key.id()).execute());
    }
}
