package org.hotdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.SipAccountHashes;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiUserStore implements UserStore {
    private static final RowMapper<User> USER = (rs, ctx) -> new User(
            rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("extension"), rs.getString("name"),
            rs.getBoolean("hot_desk"), rs.getBoolean("enabled"), rs.getString("pin_hash"),
            rs.getString("pin_ha1_md5") == null ? null
                    : new SipAccountHashes(rs.getString("pin_ha1_md5"), rs.getString("pin_ha1_sha256")),
            rs.getString("sip_ha1_md5") == null ? null
                    : new SipAccountHashes(rs.getString("sip_ha1_md5"), rs.getString("sip_ha1_sha256")),
            Columns.instant(rs, "created_at"));

    private final JdbiTransactions db;

    public JdbiUserStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public User insert(long tenantId, String extension, String name, boolean hotDesk, String pinHash,
                       SipAccountHashes pinDigest, SipAccountHashes sipAccount, Instant createdAt) {
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO users (tenant_id, extension, active_extension, name, hot_desk, enabled, pin_hash,
                          pin_ha1_md5, pin_ha1_sha256, sip_ha1_md5, sip_ha1_sha256, created_at)
                        VALUES (:tenant, :extension, :extension, :name, :hotDesk, TRUE, :pinHash, :pinMd5, :pinSha256,
                          :md5, :sha256, :createdAt)""")
                .bind("tenant", tenantId).bind("extension", extension).bind("name", name)
                .bind("hotDesk", hotDesk).bind("pinHash", pinHash)
                .bind("pinMd5", pinDigest == null ? null : pinDigest.ha1Md5())
                .bind("pinSha256", pinDigest == null ? null : pinDigest.ha1Sha256())
                .bind("md5", sipAccount == null ? null : sipAccount.ha1Md5())
                .bind("sha256", sipAccount == null ? null : sipAccount.ha1Sha256())
                .bind("createdAt", createdAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new User(id, tenantId, extension, name, hotDesk, true, pinHash, pinDigest, sipAccount, createdAt);
    }

    @Override
    public Optional<User> findById(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).map(USER).findOne());
    }

    @Override
    public Optional<User> findByExtension(long tenantId, String extension) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM users WHERE tenant_id = :tenant AND active_extension = :ext")
                .bind("tenant", tenantId).bind("ext", extension).map(USER).findOne());
    }

    @Override
    public List<User> list(long tenantId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM users WHERE tenant_id = :tenant AND deleted_at IS NULL ORDER BY extension")
                .bind("tenant", tenantId).map(USER).list());
    }

    @Override
    public List<User> listWithDeleted(long tenantId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE tenant_id = :tenant ORDER BY extension, id")
                .bind("tenant", tenantId).map(USER).list());
    }

    @Override
    public void markDeleted(long id, Instant at) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE users SET deleted_at = :at, active_extension = NULL, enabled = FALSE, hot_desk = FALSE
                        WHERE id = :id AND deleted_at IS NULL""")
                .bind("id", id).bind("at", at).execute());
    }

    @Override
    public Optional<User> lockForUpdate(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id AND deleted_at IS NULL FOR UPDATE")
                .bind("id", id).map(USER).findOne());
    }

    @Override
    public void update(User user) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE users SET name = :name, hot_desk = :hotDesk, enabled = :enabled, pin_hash = :pinHash,
                          pin_ha1_md5 = :pinMd5, pin_ha1_sha256 = :pinSha256, sip_ha1_md5 = :md5, sip_ha1_sha256 = :sha256
                        WHERE id = :id""")
                .bind("id", user.id()).bind("name", user.name()).bind("hotDesk", user.hotDesk())
                .bind("enabled", user.enabled()).bind("pinHash", user.pinHash())
                .bind("pinMd5", user.pinDigest() == null ? null : user.pinDigest().ha1Md5())
                .bind("pinSha256", user.pinDigest() == null ? null : user.pinDigest().ha1Sha256())
                .bind("md5", user.sipAccount() == null ? null : user.sipAccount().ha1Md5())
                .bind("sha256", user.sipAccount() == null ? null : user.sipAccount().ha1Sha256())
                .execute());
    }

    @Override
    public int clearPinDigests(long tenantId) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE users SET pin_ha1_md5 = NULL, pin_ha1_sha256 = NULL
                        WHERE tenant_id = :tenant AND (pin_ha1_md5 IS NOT NULL OR pin_ha1_sha256 IS NOT NULL)""")
                .bind("tenant", tenantId).execute());
    }

    @Override
    public int countWithoutPinDigest(long tenantId) {
        return db.withHandle(h -> h.createQuery(
                        
                        """
                        SELECT COUNT(*) FROM users
                        WHERE tenant_id = :tenant AND deleted_at IS NULL AND pin_ha1_sha256 IS NULL""")
                .bind("tenant", tenantId).mapTo(Integer.class).one());
    }

    @Override
    public List<FunctionKey> keys(long userId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT key_type, key_value, key_label FROM user_keys WHERE user_id = :user ORDER BY position")
                .bind("user", userId)
                .map((rs, ctx) -> new FunctionKey(FunctionKey.Type.valueOf(rs.getString("key_type")),
                        rs.getString("key_value"), rs.getString("key_label")))
                .list());
    }

    @Override
    public void replaceKeys(long userId, List<FunctionKey> keys) {
        db.withHandle(h -> {
            h.createUpdate("DELETE FROM user_keys WHERE user_id = :user").bind("user", userId).execute();
            int position = 1;
            for (FunctionKey k : keys) {
                h.createUpdate("""
                                INSERT INTO user_keys (user_id, position, key_type, key_value, key_label)
                                VALUES (:user, :position, :type, :value, :label)""")
                        .bind("user", userId).bind("position", position++).bind("type", k.type().name())
                        .bind("value", k.value()).bind("label", k.label()).execute();
            }
            return null;
        });
    }
}
