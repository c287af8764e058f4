-- Every new one-time code clears its tenant's long-expired codes (OtpService.generate). Without this index that
-- DELETE read the whole otps table each time: a morning's 10,000 codes cost a quadratic number of row reads
-- (a quarter of the server's CPU in a profile of bench/morning-storm.sh).
CREATE INDEX otps_tenant_expiry ON otps (tenant_id, expires_at);
