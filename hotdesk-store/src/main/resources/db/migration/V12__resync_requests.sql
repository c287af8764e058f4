-- Set when the server asks a phone to fetch its configuration again (a login, a logout, an admin's edit) and
-- cleared by that fetch, which the provision counter then does not count: a busy hot desk fetches after every
-- session change, and only fetches nobody asked for should bring it towards its limit.
ALTER TABLE devices ADD COLUMN resync_requested BOOLEAN DEFAULT FALSE NOT NULL;
