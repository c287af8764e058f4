package org.hotdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.location.RegistrationStore;
import org.hotdesk.core.location.Revocation;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiRegistrationStore implements RegistrationStore {
    private static final RowMapper<Registration> BINDING = (rs, ctx) -> new Registration(
            rs.getLong("tenant_id"), Columns.nullableLong(rs, "device_id"), Columns.nullableLong(rs, "user_id"),
            rs.getString("account"), rs.getString("contact"), rs.getString("source"), rs.getString("transport"),
            rs.getString("user_agent"), rs.getString("instance_id"),
            rs.getString("path").isEmpty() ? List.of() : Arrays.asList(rs.getString("path").split("\n")),
            Columns.instant(rs, "registered_at"), Columns.instant(rs, "expires_at"), rs.getString("call_id"));

    /** The cluster notice topic naming accounts whose bindings a node wrote. */
    static final String TOPIC = "bindings";

    private final JdbiTransactions db;
    private final ClusterNotices notices;

    public JdbiRegistrationStore(JdbiTransactions db, ClusterNotices notices) {
        this.db = db;
        this.notices = notices;
    }

    /** Account keys per DELETE (and per read of many accounts): no statement grows without bound. */
    private static final int DELETE_CHUNK = 500;

    @Override
    public List<Registration> active(Instant now) {
        // one reader, a plain scan filtered here: the server answers SIP while this runs (LocationService#loadAll),
        // and a reader per core took the CPU the first REGISTERs after a restart need (of 100,000 desks
        // re-registering at 1,000/s right after the start, SIPp gave up on ~2,400 with one reader, 5,000-6,900 with two)
        return db.withHandle(h -> h.createQuery("SELECT * FROM registrations")
                .map(BINDING).filter(b -> b.expiresAt().isAfter(now)).list());
    }

    @Override
    public void write(Map<String, List<Registration>> rewritten, List<Registration> refreshed) {
        if (rewritten.isEmpty() && refreshed.isEmpty()) return;
        List<String> keys = new ArrayList<>(rewritten.keySet());
        db.inTransaction(() -> db.withHandle(h -> {
            for (int from = 0; from < keys.size(); from += DELETE_CHUNK) {
                h.createUpdate("DELETE FROM registrations WHERE account_key IN (<keys>)")
                        .bindList("keys", keys.subList(from, Math.min(keys.size(), from + DELETE_CHUNK))).execute();
            }
            List<Registration> inserts = new ArrayList<>();
            rewritten.values().forEach(inserts::addAll);
            if (!refreshed.isEmpty()) {
                PreparedBatch update = h.prepareBatch("""
                        UPDATE registrations SET contact = :contact, source = :source, transport = :transport,
                          user_agent = :ua, instance_id = :instance, path = :path, registered_at = :registeredAt,
                          expires_at = :expiresAt, call_id = :callId
                        WHERE account_key = :account AND contact_key = :contactKey""");
                for (Registration b : refreshed) bind(update, b).add();
                int[] counts = update.execute();
                for (int i = 0; i < counts.length; i++) {
                    // a row a failed earlier flush never wrote
                    if (counts[i] == 0) inserts.add(refreshed.get(i));
                }
            }
            if (!inserts.isEmpty()) {
                PreparedBatch insert = h.prepareBatch("""
                        INSERT INTO registrations (account_key, tenant_id, device_id, user_id, account, contact,
                          contact_key, source, transport, user_agent, instance_id, path, registered_at, expires_at, call_id)
                        VALUES (:account, :tenant, :device, :user, :name, :contact, :contactKey, :source,
                          :transport, :ua, :instance, :path, :registeredAt, :expiresAt, :callId)""");
                for (Registration b : inserts) bind(insert, b).add();
                insert.execute();
            }
            // the other nodes re-read these accounts once this commits (a refresh that only moved an expiry too: a
            // node holding the old expiry would drop a binding that still lives)
            Set<String> written = new LinkedHashSet<>(keys);
            for (Registration b : refreshed) written.add(b.accountKey());
            notices.publish(h, TOPIC, written);
            return null;
        }));
    }

    @Override
    public void whenWrittenElsewhere(Consumer<List<String>> accountKeys) {
        notices.listen(TOPIC, accountKeys);
    }

    private static PreparedBatch bind(PreparedBatch batch, Registration b) {
        return batch.bind("account", b.accountKey()).bind("tenant", b.tenantId()).bind("device", b.deviceId())
                .bind("user", b.userId()).bind("name", b.account()).bind("contact", b.contact())
                .bind("contactKey", b.contactKey()).bind("source", b.source()).bind("transport", b.transport())
                .bind("ua", b.userAgent().length() > 300 ? b.userAgent().substring(0, 300) : b.userAgent())
                .bind("instance", b.instanceId()).bind("path", String.join("\n", b.path()))
                .bind("registeredAt", b.registeredAt()).bind("expiresAt", b.expiresAt())
                .bind("callId", b.callId() == null || b.callId().length() <= 200 ? b.callId() : b.callId().substring(0, 200));
    }

    @Override
    public List<Registration> ofAccount(String accountKey, Instant now) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM registrations WHERE account_key = :account AND expires_at > :now ORDER BY registered_at, id")
                .bind("account", accountKey).bind("now", now).map(BINDING).list());
    }

    @Override
    public Map<String, List<Registration>> ofAccounts(Collection<String> accountKeys, Instant now) {
        Map<String, List<Registration>> found = new HashMap<>();
        List<String> keys = new ArrayList<>(accountKeys);
        for (String key : keys) found.put(key, new ArrayList<>());
        for (int from = 0; from < keys.size(); from += DELETE_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + DELETE_CHUNK));
            db.withHandle(h -> h.createQuery("""
                            SELECT * FROM registrations WHERE account_key IN (<keys>) AND expires_at > :now
                            ORDER BY registered_at, id""")
                    .bindList("keys", chunk).bind("now", now).map(BINDING).list())
                    .forEach(b -> found.get(b.accountKey()).add(b));
        }
        return found;
    }

    @Override
    public List<Registration> inTenant(long tenantId, Instant now) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT * FROM registrations WHERE tenant_id = :tenant AND expires_at > :now ORDER BY account, registered_at")
                .bind("tenant", tenantId).bind("now", now).map(BINDING).list());
    }

    @Override
    public int purgeExpired(Instant now) {
        db.withHandle(h -> h.createUpdate("DELETE FROM revoked_bindings WHERE revoked_until <= :now").bind("now", now).execute());
        return db.withHandle(h -> h.createUpdate("DELETE FROM registrations WHERE expires_at <= :now").bind("now", now).execute());
    }

    @Override
    public void revoke(Revocation r) {
        db.inTransaction(() -> db.withHandle(h -> {
            h.createUpdate("DELETE FROM revoked_bindings WHERE device_id = :device AND user_id = :user AND call_id = :callId")
                    .bind("device", r.deviceId()).bind("user", r.userId()).bind("callId", r.callId()).execute();
            return h.createUpdate("""
                            INSERT INTO revoked_bindings (device_id, user_id, call_id, revoked_until)
                            VALUES (:device, :user, :callId, :until)""")
                    .bind("device", r.deviceId()).bind("user", r.userId()).bind("callId", r.callId())
                    .bind("until", r.until()).execute();
        }));
    }

    @Override
    public List<Revocation> revocations(Instant now) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM revoked_bindings WHERE revoked_until > :now")
                .bind("now", now)
                .map((rs, ctx) -> new Revocation(rs.getLong("device_id"), rs.getLong("user_id"), rs.getString("call_id"),
                        Columns.instant(rs, "revoked_until")))
                .list());
    }
}
