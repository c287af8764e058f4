-- Phone-key login per tenant (issue 16): the SIP digest of extension:domain:PIN (V5) is kept only where a phone's
-- own hot-desk key may log people in; it lets a 4-digit PIN be found in 10^4 tries from a copy of the database.
ALTER TABLE tenants ADD COLUMN phone_key_login BOOLEAN DEFAULT FALSE NOT NULL;

-- Installs that use phone-key login keep it: a desk provisioned for the phone's own key, or any phone-key session
-- so far (a hot-desk key set up by hand on a dial-codes desk logs in the same way).
UPDATE tenants SET phone_key_login = TRUE
WHERE EXISTS (SELECT 1 FROM devices d WHERE d.tenant_id = tenants.id AND d.provisioning_mode = 'PHONE_KEY')
   OR EXISTS (SELECT 1 FROM sessions s WHERE s.tenant_id = tenants.id AND s.method = 'PHONE_KEY');

-- Everyone else keeps the bcrypt hash alone.
UPDATE users SET pin_ha1_md5 = NULL, pin_ha1_sha256 = NULL
WHERE tenant_id IN (SELECT id FROM tenants WHERE phone_key_login = FALSE);
