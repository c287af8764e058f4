-- resync_requested: set when the server asks a phone to fetch its configuration again (a login, a logout, an
-- admin's edit) and cleared by that fetch, which the provision counter then does not count: a busy hot desk
-- fetches after every session change, and only fetches nobody asked for should bring it towards its limit.
-- resync_announced: false until the server's SIP side was told to send the NOTIFY; a change made from the
-- command line (another process, no SIP stack) waits here until the server picks it up.
ALTER TABLE devices ADD COLUMN resync_requested BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE devices ADD COLUMN resync_announced BOOLEAN DEFAULT TRUE NOT NULL;
