-- Weak PINs (one digit repeated, 1234/4321, the extension) are refused unless the tenant allows them (issue 16).
ALTER TABLE tenants ADD COLUMN weak_pins_allowed BOOLEAN DEFAULT FALSE NOT NULL;
