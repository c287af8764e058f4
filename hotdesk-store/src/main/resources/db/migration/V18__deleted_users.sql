-- Deleted users stay (sessions, calls, one-time codes and the audit log refer to them) with deleted_at set.
-- active_extension is their extension while they exist and NULL once deleted, so its UNIQUE constraint binds
-- only people who exist and a deleted person's extension is free for someone new (as active_mac_port for devices;
-- NULLs are distinct in a UNIQUE constraint on both H2 and PostgreSQL).
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN active_extension VARCHAR(15);
UPDATE users SET active_extension = extension;
ALTER TABLE users DROP CONSTRAINT users_extension_unique;
ALTER TABLE users ADD CONSTRAINT users_active_extension_unique UNIQUE (tenant_id, active_extension);
ALTER TABLE users ADD CONSTRAINT users_active_check CHECK ((deleted_at IS NULL) = (active_extension IS NOT NULL));
