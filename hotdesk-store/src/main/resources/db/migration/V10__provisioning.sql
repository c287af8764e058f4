-- Provisioning: how each desk's configuration is rendered, the provision counter, a tenant's phone defaults and
-- the secret of its provisioning URL, and the programmable keys that follow a person from desk to desk.

ALTER TABLE tenants ADD COLUMN ntp_server VARCHAR(253) DEFAULT 'pool.ntp.org' NOT NULL;
ALTER TABLE tenants ADD COLUMN provision_limit INT DEFAULT 20 NOT NULL;
ALTER TABLE tenants ADD COLUMN register_expiry_seconds INT DEFAULT 500 NOT NULL;
ALTER TABLE tenants ADD COLUMN provisioning_access VARCHAR(20) DEFAULT 'URL_TOKEN' NOT NULL;
ALTER TABLE tenants ADD COLUMN provisioning_token VARCHAR(64);
-- tenants created before this migration get a token on first start (TenantService.ensureProvisioningTokens)
ALTER TABLE tenants ADD CONSTRAINT tenants_provisioning_token_unique UNIQUE (provisioning_token);
ALTER TABLE tenants ADD CONSTRAINT tenants_provisioning_access_check
    CHECK (provisioning_access IN ('URL_TOKEN', 'DIGEST'));

ALTER TABLE devices ADD COLUMN provisioning_mode VARCHAR(20) DEFAULT 'DIAL_CODES' NOT NULL;
ALTER TABLE devices ADD COLUMN sip_transport VARCHAR(5) DEFAULT 'UDP' NOT NULL;
ALTER TABLE devices ADD COLUMN sip_port INT DEFAULT 0 NOT NULL;
ALTER TABLE devices ADD COLUMN sip_domain VARCHAR(253);
ALTER TABLE devices ADD COLUMN ntp_server VARCHAR(253);
ALTER TABLE devices ADD COLUMN provision_count INT DEFAULT 0 NOT NULL;
ALTER TABLE devices ADD CONSTRAINT devices_provisioning_mode_check CHECK (provisioning_mode IN ('DIAL_CODES', 'PHONE_KEY'));
ALTER TABLE devices ADD CONSTRAINT devices_sip_transport_check CHECK (sip_transport IN ('UDP', 'TCP', 'TLS'));

ALTER TABLE gateways ADD COLUMN sip_transport VARCHAR(5) DEFAULT 'UDP' NOT NULL;
ALTER TABLE gateways ADD COLUMN sip_port INT DEFAULT 0 NOT NULL;
ALTER TABLE gateways ADD COLUMN sip_domain VARCHAR(253);
ALTER TABLE gateways ADD COLUMN ntp_server VARCHAR(253);

CREATE TABLE user_keys (
    user_id  BIGINT      NOT NULL REFERENCES users (id),
    position INT         NOT NULL,
    key_type VARCHAR(20) NOT NULL,
    key_value VARCHAR(32) NOT NULL,
    key_label VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, position),
    CONSTRAINT user_keys_type_check CHECK (key_type IN ('BLF', 'SPEED_DIAL'))
);
