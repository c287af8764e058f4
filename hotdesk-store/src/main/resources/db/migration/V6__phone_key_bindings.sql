-- The Call-ID of each binding: a phone keeps it for its refreshes (RFC 3261 §10.2.4).
ALTER TABLE registrations ADD COLUMN call_id VARCHAR(200);

-- Phone-key registrations whose session an admin (or another login, a timer) ended: their refresh is refused
-- until the binding would have expired, across restarts.
CREATE TABLE revoked_bindings (
    device_id     BIGINT       NOT NULL REFERENCES devices (id),
    user_id       BIGINT       NOT NULL REFERENCES users (id),
    call_id       VARCHAR(200) NOT NULL,
    revoked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT revoked_bindings_pk PRIMARY KEY (device_id, user_id, call_id)
);
