package org.hotdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.access.AccessToken;
import org.hotdesk.core.access.AccessTokenStore;
import org.hotdesk.core.access.Role;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiAccessTokenStore implements AccessTokenStore {
    private static final RowMapper<AccessToken> TOKEN = (rs, ctx) -> new AccessToken(rs.getLong("id"),
            Role.valueOf(rs.getString("role")), Columns.nullableLong(rs, "tenant_id"),
            Columns.nullableLong(rs, "user_id"), rs.getString("name"), rs.getString("token_hash"),
            Columns.instant(rs, "created_at"), Columns.instant(rs, "expires_at"));

    private final JdbiTransactions db;

    public JdbiAccessTokenStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public AccessToken insert(Role role, Long tenantId, Long userId, String name, String tokenHash, Instant createdAt,
                              Instant expiresAt) {
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO access_tokens (role, tenant_id, user_id, name, token_hash, created_at, expires_at)
                        VALUES (:role, :tenant, :user, :name, :hash, :createdAt, :expiresAt)""")
                .bind("role", role.name()).bind("tenant", tenantId).bind("user", userId).bind("name", name)
                .bind("hash", tokenHash).bind("createdAt", createdAt).bind("expiresAt", expiresAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return findById(id).orElseThrow();
    }

    @Override
    public Optional<AccessToken> findByHash(String tokenHash) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM access_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash).map(TOKEN).findOne());
    }

    @Override
    public Optional<AccessToken> findById(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM access_tokens WHERE id = :id")
                .bind("id", id).map(TOKEN).findOne());
    }

    @Override
    public List<AccessToken> listAdminTokens(long tenantId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM access_tokens WHERE tenant_id = :tenant AND role = :role ORDER BY id")
                .bind("tenant", tenantId).bind("role", Role.TENANT_ADMIN.name()).map(TOKEN).list());
    }

    @Override
    public boolean anyOfRole(Role role) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM access_tokens WHERE role = :role")
                .bind("role", role.name()).mapTo(Long.class).one()) > 0;
    }

    @Override
    public void delete(long id) {
        db.withHandle(h -> h.createUpdate("DELETE FROM access_tokens WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public void deleteRole(Role role) {
        db.withHandle(h -> h.createUpdate("DELETE FROM access_tokens WHERE role = :role").bind("role", role.name())
                .execute());
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.withHandle(h -> h.createUpdate(
                "DELETE FROM access_tokens WHERE expires_at IS NOT NULL AND expires_at <= :now")
                .bind("now", now).execute());
    }
}
