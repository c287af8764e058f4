package org.hotdesk.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.registration.Registration;
import org.hotdesk.core.registration.RegistrationStore;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiRegistrationStore implements RegistrationStore {
    private static final RowMapper<Registration> BINDING = (rs, ctx) -> new Registration(
            rs.getLong("tenant_id"), Columns.nullableLong(rs, "device_id"), Columns.nullableLong(rs, "user_id"),
            rs.getString("account"), rs.getString("contact"), rs.getString("source"), rs.getString("transport"),
            rs.getString("user_agent"), rs.getString("instance_id"),
            rs.getString("path").isEmpty() ? List.of() : Arrays.asList(rs.getString("path").split("\n")),
            Columns.instant(rs, "registered_at"), Columns.instant(rs, "expires_at"), rs.getString("call_id"));

    private final JdbiTransactions db;

    public JdbiRegistrationStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void save(String accountKey, String contactKey, Registration b) {
        try {
            replace(accountKey, contactKey, b);
        } catch (JdbiException e) {
            // two REGISTERs of one contact at once: the other one's insert won; this one replaces it
            replace(accountKey, contactKey, b);
        }
    }

    private void replace(String accountKey, String contactKey, Registration b) {
        db.inTransaction(() -> db.withHandle(h -> {
            h.createUpdate("""
                            DELETE FROM registrations WHERE account_key = :account
                              AND (contact_key = :contactKey OR (instance_id IS NOT NULL AND instance_id = :instance))""")
                    .bind("account", accountKey).bind("contactKey", contactKey).bind("instance", b.instanceId()).execute();
            return h.createUpdate("""
                            INSERT INTO registrations (account_key, tenant_id, device_id, user_id, account, contact,
                              contact_key, source, transport, user_agent, instance_id, path, registered_at, expires_at, call_id)
                            VALUES (:account, :tenant, :device, :user, :name, :contact, :contactKey, :source,
                              :transport, :ua, :instance, :path, :registeredAt, :expiresAt, :callId)""")
                    .bind("account", accountKey).bind("tenant", b.tenantId()).bind("device", b.deviceId())
                    .bind("user", b.userId()).bind("name", b.account()).bind("contact", b.contact())
                    .bind("contactKey", contactKey).bind("source", b.source()).bind("transport", b.transport())
                    .bind("ua", b.userAgent().length() > 300 ? b.userAgent().substring(0, 300) : b.userAgent())
                    .bind("instance", b.instanceId()).bind("path", String.join("\n", b.path()))
                    .bind("registeredAt", b.registeredAt()).bind("expiresAt", b.expiresAt())
                    .bind("callId", b.callId() == null || b.callId().length() <= 200 ? b.callId() : b.callId().substring(0, 200))
                    .execute();
        }));
    }

    @Override
    public void remove(String accountKey, String contactKey) {
        db.withHandle(h -> h.createUpdate("DELETE FROM registrations WHERE account_key = :account AND contact_key = :contactKey")
                .bind("account", accountKey).bind("contactKey", contactKey).execute());
    }

    @Override
    public void removeAll(String accountKey) {
        db.withHandle(h -> h.createUpdate("DELETE FROM registrations WHERE account_key = :account")
                .bind("account", accountKey).execute());
    }

    @Override
    public List<Registration> ofAccount(String accountKey, Instant now) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM registrations WHERE account_key = :account AND expires_at > :now ORDER BY registered_at, id")
                .bind("account", accountKey).bind("now", now).map(BINDING).list());
    }

    @Override
    public List<Registration> inTenant(long tenantId, Instant now) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM registrations WHERE tenant_id = :tenant AND expires_at > :now ORDER BY account, registered_at")
                .bind("tenant", tenantId).bind("now", now).map(BINDING).list());
    }

    @Override
    public Optional<Registration> byContact(String contactKey, Instant now) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM registrations WHERE contact_key = :contactKey AND expires_at > :now ORDER BY registered_at DESC")
                .bind("contactKey", contactKey).bind("now", now).map(BINDING).findFirst());
    }

    @Override
    public int purgeExpired(Instant now) {
        db.withHandle(h -> h.createUpdate("DELETE FROM revoked_bindings WHERE revoked_until <= :now").bind("now", now).execute());
        return db.withHandle(h -> h.createUpdate("DELETE FROM registrations WHERE expires_at <= :now").bind("now", now).execute());
    }

    @Override
    public void revoke(long deviceId, long userId, String callId, Instant until) {
        String id = callId.length() <= 200 ? callId : callId.substring(0, 200);
        db.inTransaction(() -> db.withHandle(h -> {
            h.createUpdate("DELETE FROM revoked_bindings WHERE device_id = :device AND user_id = :user AND call_id = :callId")
                    .bind("device", deviceId).bind("user", userId).bind("callId", id).execute();
            return h.createUpdate("""
                            INSERT INTO revoked_bindings (device_id, user_id, call_id, revoked_until)
                            VALUES (:device, :user, :callId, :until)""")
                    .bind("device", deviceId).bind("user", userId).bind("callId", id).bind("until", until).execute();
        }));
    }

    @Override
    public boolean isRevoked(long deviceId, long userId, String callId, Instant now) {
        String id = callId.length() <= 200 ? callId : callId.substring(0, 200);
        return db.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM revoked_bindings
                        WHERE device_id = :device AND user_id = :user AND call_id = :callId AND revoked_until > :now""")
                .bind("device", deviceId).bind("user", userId).bind("callId", id).bind("now", now)
                .mapTo(Integer.class).one() > 0);
    }
}
