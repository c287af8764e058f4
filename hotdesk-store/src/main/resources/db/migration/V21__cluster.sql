-- The nodes of a cluster on this database: each running node writes last_seen every 5 s, so
-- `bin/hotdesk cluster status` can tell the live ones from those that died or were stopped.
CREATE TABLE cluster_nodes (
    node_id      VARCHAR(64)  PRIMARY KEY,
    sip_address  VARCHAR(300) NOT NULL,
    http_address VARCHAR(300) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Addresses the per-address limiter blocked, so every node (and a node that starts later) ignores them until the
-- block ends, not only the node that counted the failures.
CREATE TABLE source_blocks (
    address       VARCHAR(64) PRIMARY KEY,
    blocked_until TIMESTAMP WITH TIME ZONE NOT NULL
);
