-- Digest HA1 (MD5 and SHA-256) of extension:domain:PIN, so a phone's own hot-desk key can register as the
-- user with extension + PIN (phone-key login). NULL for PINs set before this column existed: setting the PIN
-- again fills it.
ALTER TABLE users ADD COLUMN pin_ha1_md5 VARCHAR(32);
ALTER TABLE users ADD COLUMN pin_ha1_sha256 VARCHAR(64);
