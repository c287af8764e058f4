-- The voice menu's language per tenant (e.g. 'en'); NULL = the server's media.language.
ALTER TABLE tenants ADD COLUMN prompt_language VARCHAR(10);
