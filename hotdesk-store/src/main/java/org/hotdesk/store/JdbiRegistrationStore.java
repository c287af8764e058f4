package org.hotdesk.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /** Below this many ids one reader is quicker than starting several. */
    private static final long PARALLEL_FROM = 20_000;

    private final JdbiTransactions db;

    public JdbiRegistrationStore(JdbiTransactions db) {
        this.db = db;
    }

    /** Account keys per DELETE: a batch of a flush is split so no statement grows without bound. */
    private static final int DELETE_CHUNK = 500;

    @Override
    public List<Registration> active(Instant now) {
        long[] ids = db.withHandle(h -> h.createQuery("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM registrations")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2) + 1}).one());
        int parts = ids[1] - ids[0] < PARALLEL_FROM ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors());
        if (parts == 1) return activeIn(ids[0], ids[1], now);
        // a start-up reads every binding; decoding rows is most of it, so each core decodes its own range of ids
        long step = (ids[1] - ids[0] + parts - 1) / parts;
        List<CompletableFuture<List<Registration>>> ranges = new ArrayList<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(parts)) {
            for (long from = ids[0]; from < ids[1]; from += step) {
                long lo = from, hi = Math.min(ids[1], from + step);
                ranges.add(CompletableFuture.supplyAsync(() -> activeIn(lo, hi, now), readers));
            }
            List<Registration> all = new ArrayList<>();
            for (CompletableFuture<List<Registration>> range : ranges) all.addAll(range.join());
            return all;
        }
    }

    /** Rows with {@code from <= id < to}: a plain scan of that key range, filtered here (a condition on expires_at
     *  would have H2 walk that index and fetch every row by its key, three times slower when nearly all qualify). */
    private List<Registration> activeIn(long from, long to, Instant now) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM registrations WHERE id >= :from AND id < :to")
                .bind("from", from).bind("to", to).map(BINDING).filter(b -> b.expiresAt().isAfter(now)).list());
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
            return null;
        }));
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
