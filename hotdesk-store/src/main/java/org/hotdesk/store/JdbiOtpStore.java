package org.hotdesk.store;

import java.time.Instant;
import java.util.Optional;
import org.hotdesk.core.login.OtpStore;
import org.hotdesk.core.login.StoredOtp;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiOtpStore implements OtpStore {
    private static final RowMapper<StoredOtp> OTP = (rs, ctx) -> new StoredOtp(rs.getLong("id"), rs.getLong("tenant_id"),
            rs.getLong("user_id"), Columns.instant(rs, "created_at"), Columns.instant(rs, "expires_at"),
            Columns.instant(rs, "used_at"));

    private final JdbiTransactions db;

    public JdbiOtpStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void insert(long tenantId, long userId, String codeHash, Instant createdAt, Instant expiresAt) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO otps (tenant_id, user_id, code_hash, created_at, expires_at)
                        VALUES (:tenant, :user, :hash, :createdAt, :expiresAt)""")
                .bind("tenant", tenantId).bind("user", userId).bind("hash", codeHash)
                .bind("createdAt", createdAt).bind("expiresAt", expiresAt).execute());
    }

    @Override
    public Optional<StoredOtp> findByCode(long tenantId, String codeHash) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM otps WHERE tenant_id = :tenant AND code_hash = :hash")
                .bind("tenant", tenantId).bind("hash", codeHash).map(OTP).findOne());
    }

    @Override
    public void deleteForUser(long userId) {
        db.withHandle(h -> h.createUpdate("DELETE FROM otps WHERE user_id = :user").bind("user", userId).execute());
    }

    @Override
    public void deleteExpired(long tenantId, Instant before) {
        db.withHandle(h -> h.createUpdate("DELETE FROM otps WHERE tenant_id = :tenant AND expires_at < :before")
                .bind("tenant", tenantId).bind("before", before).execute());
    }

    @Override
    public boolean markUsed(long id, Instant at) {
        return db.withHandle(h -> h.createUpdate("UPDATE otps SET used_at = :at WHERE id = :id AND used_at IS NULL")
                .bind("id", id).bind("at", at).execute()) == 1;
    }
}
