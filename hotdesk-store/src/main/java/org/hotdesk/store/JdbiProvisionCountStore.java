package org.hotdesk.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.device.ProvisionCountStore;

/** Each desk's count of configuration fetches, in the {@code devices} table's {@code provision_count}. */
public final class JdbiProvisionCountStore implements ProvisionCountStore {
    private final JdbiTransactions db;

    public JdbiProvisionCountStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public int countProvisioning(long id) {
        return db.withHandle(h -> {
            h.createUpdate("UPDATE devices SET provision_count = provision_count + 1 WHERE id = :id")
                    .bind("id", id).execute();
            return h.createQuery("SELECT provision_count FROM devices WHERE id = :id").bind("id", id)
                    .mapTo(Integer.class).one();
        });
    }

    @Override
    public Map<Long, Integer> addProvisionCounts(Map<Long, Integer> fetches) {
        if (fetches.isEmpty()) {
            return Map.of();
        }
        return db.withHandle(h -> {
            org.jdbi.v3.core.statement.PreparedBatch add = h.prepareBatch(
                    "UPDATE devices SET provision_count = provision_count + :n WHERE id = :id");
            int adds = 0;
            for (var f : fetches.entrySet()) {
                if (f.getValue() != 0) {
                    add.bind("id", f.getKey()).bind("n", f.getValue()).add();
                    adds++;
                }
            }
            if (adds > 0) {
                add.execute();
            }
            Map<Long, Integer> counts = new HashMap<>();
            h.createQuery("SELECT id, provision_count FROM devices WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(fetches.keySet()))
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getInt("provision_count")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    @Override
    public int countIfBelow(long key, List<Long> lines, int limit) {
        return db.withHandle(h -> {
            // the row lock of this UPDATE makes another server's count of the same desk wait for this transaction
            int counted = h.createUpdate("UPDATE devices SET provision_count = provision_count + 1 "
                            + "WHERE id = :key AND provision_count < :limit")
                    .bind("key", key).bind("limit", limit).execute();
            if (counted == 1) {
                for (long line : lines) {
                    if (line == key) continue;
                    h.createUpdate("UPDATE devices SET provision_count = provision_count + 1 WHERE id = :id")
                            .bind("id", line).execute();
                }
            }
            int stored = h.createQuery("SELECT provision_count FROM devices WHERE id = :id").bind("id", key)
                    .mapTo(Integer.class).one();
            return counted == 1 ? stored : -stored - 1;
        });
    }

    @Override
    public void resetProvisionCount(long id) {
        db.withHandle(h -> h.createUpdate("UPDATE devices SET provision_count = 0 WHERE id = :id")
                .bind("id", id).execute());
    }
}
