-- Raised by every process after each edit of a tenant, device or user, so a running server notices edits made by
-- an admin command (or another node) and drops its in-memory copies of those rows.
CREATE TABLE edit_generation (
    id INT PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO edit_generation (id, generation) VALUES (1, 0);
