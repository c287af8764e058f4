package org.hotdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.trunk.PhoneNumber;
import org.hotdesk.core.trunk.Trunk;
import org.hotdesk.core.trunk.TrunkStore;
import org.jdbi.v3.core.Handle;

public final class JdbiTrunkStore implements TrunkStore {
    private record Row(long id, long tenantId, String name, List<String> cidrs, Instant createdAt) {
    }

    private final JdbiTransactions db;

    public JdbiTrunkStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Trunk insert(long tenantId, String name, List<String> sourceCidrs, Map<PhoneNumber, String> dids,
                        Instant createdAt) {
        long id = db.withHandle(h -> {
            long trunkId = h.createUpdate("""
                            INSERT INTO trunks (tenant_id, name, source_cidrs, created_at)
                            VALUES (:tenant, :name, :cidrs, :createdAt)""")
                    .bind("tenant", tenantId).bind("name", name).bind("cidrs", String.join(",", sourceCidrs))
                    .bind("createdAt", createdAt)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertDids(h, trunkId, dids);
            return trunkId;
        });
        return findById(id).orElseThrow();
    }

    @Override
    public Optional<Trunk> findById(long id) {
        return db.withHandle(h -> withDids(h, h.createQuery("SELECT * FROM trunks WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).list())).stream().findFirst();
    }

    @Override
    public List<Trunk> list(long tenantId) {
        return db.withHandle(h -> withDids(h, h.createQuery("SELECT * FROM trunks WHERE tenant_id = :tenant ORDER BY name")
                .bind("tenant", tenantId).map((rs, ctx) -> row(rs)).list()));
    }

    @Override
    public List<Trunk> all() {
        return db.withHandle(h -> withDids(h, h.createQuery("SELECT * FROM trunks ORDER BY id")
                .map((rs, ctx) -> row(rs)).list()));
    }

    @Override
    public Optional<Trunk> findByDid(PhoneNumber number) {
        Optional<Long> id = db.withHandle(h -> h.createQuery("SELECT trunk_id FROM trunk_dids WHERE digits = :digits")
                .bind("digits", number.digits()).mapTo(Long.class).findOne());
        return id.flatMap(this::findById);
    }

    @Override
    public void update(long id, String name, List<String> sourceCidrs, Map<PhoneNumber, String> dids) {
        db.withHandle(h -> {
            h.createUpdate("UPDATE trunks SET name = :name, source_cidrs = :cidrs WHERE id = :id")
                    .bind("id", id).bind("name", name).bind("cidrs", String.join(",", sourceCidrs)).execute();
            h.createUpdate("DELETE FROM trunk_dids WHERE trunk_id = :id").bind("id", id).execute();
            insertDids(h, id, dids);
            return null;
        });
    }

    @Override
    public void delete(long id) {
        db.withHandle(h -> {
            h.createUpdate("DELETE FROM trunk_dids WHERE trunk_id = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM trunks WHERE id = :id").bind("id", id).execute();
        });
    }

    private static void insertDids(Handle h, long trunkId, Map<PhoneNumber, String> dids) {
        for (Map.Entry<PhoneNumber, String> did : dids.entrySet()) {
            h.createUpdate("""
                            INSERT INTO trunk_dids (digits, number, trunk_id, extension)
                            VALUES (:digits, :number, :trunk, :extension)""")
                    .bind("digits", did.getKey().digits()).bind("number", did.getKey().text())
                    .bind("trunk", trunkId).bind("extension", did.getValue()).execute();
        }
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String cidrs = rs.getString("source_cidrs");
        return new Row(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
                cidrs.isEmpty() ? List.of() : Arrays.asList(cidrs.split(",")), Columns.instant(rs, "created_at"));
    }

    private static List<Trunk> withDids(Handle h, List<Row> rows) {
        List<Trunk> trunks = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> dids = new LinkedHashMap<>();
            h.createQuery("SELECT number, extension FROM trunk_dids WHERE trunk_id = :id ORDER BY number")
                    .bind("id", r.id())
                    .map((rs, ctx) -> Map.entry(rs.getString("number"), rs.getString("extension")))
                    .forEach(e -> dids.put(e.getKey(), e.getValue()));
            trunks.add(new Trunk(r.id(), r.tenantId(), r.name(), r.cidrs(), dids, r.createdAt()));
        }
        return trunks;
    }
}
