-- V13: the edit generation, and indexes on MACs
-- Raised by every process after each edit of a tenant, device or user, so a running server notices edits made by
-- an admin command (or another node) and drops its in-memory copies of those rows.
CREATE TABLE edit_generation (
    id INT PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO edit_generation (id, generation) VALUES (1, 0);

-- "is this MAC in use?" is asked for every desk added (one at a time or 20,000 in a CSV); without an index each
-- question read the whole table, so importing a provider's desks took quadratic time
CREATE INDEX devices_mac ON devices (mac);
CREATE INDEX gateways_mac ON gateways (mac);
