-- Networks a tenant's phone-key (PIN) registrations are accepted from: CIDRs separated by commas, '' = none.
ALTER TABLE tenants ADD COLUMN trusted_cidrs VARCHAR(2000) DEFAULT '' NOT NULL;
