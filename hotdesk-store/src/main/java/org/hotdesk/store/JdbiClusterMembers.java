package org.hotdesk.store;

import java.time.Instant;
import java.util.List;
import org.hotdesk.core.cluster.ClusterMember;
import org.hotdesk.core.cluster.ClusterMembers;

/** The {@code cluster_nodes} table. */
public final class JdbiClusterMembers implements ClusterMembers {
    private final JdbiTransactions db;

    public JdbiClusterMembers(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public void beat(ClusterMember m) {
        db.withHandle(h -> {
            int updated = h.createUpdate("UPDATE cluster_nodes SET sip_address = :sip, http_address = :http, "
                            + "started_at = :started, last_seen = :seen WHERE node_id = :id")
                    .bind("id", m.nodeId()).bind("sip", m.sipAddress()).bind("http", m.httpAddress())
                    .bind("started", m.startedAt()).bind("seen", m.lastSeen()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO cluster_nodes (node_id, sip_address, http_address, started_at, last_seen) "
                                + "VALUES (:id, :sip, :http, :started, :seen)")
                        .bind("id", m.nodeId()).bind("sip", m.sipAddress()).bind("http", m.httpAddress())
                        .bind("started", m.startedAt()).bind("seen", m.lastSeen()).execute();
            }
            return null;
        });
    }

    @Override
    public void leave(String nodeId) {
        db.withHandle(h -> h.createUpdate("DELETE FROM cluster_nodes WHERE node_id = :id").bind("id", nodeId).execute());
    }

    @Override
    public List<ClusterMember> all() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM cluster_nodes ORDER BY node_id")
                .map((rs, ctx) -> new ClusterMember(rs.getString("node_id"), rs.getString("sip_address"),
                        rs.getString("http_address"), Columns.instant(rs, "started_at"), Columns.instant(rs, "last_seen")))
                .list());
    }

    @Override
    public int forgetSilentSince(Instant before) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM cluster_nodes WHERE last_seen < :before")
                .bind("before", before).execute());
    }
}
