-- The server looks every few seconds (timers.checkIntervalSeconds) for re-syncs that no one here announced, i.e.
-- made by the command line. Without an index that look read every device row each time: 20,000 rows during the
-- morning-storm benchmark (1 % of the server's CPU in its profile), 100,000 at a provider. Nearly every row is
-- announced, so this finds the few that are not without reading the others.
CREATE INDEX devices_resync_unannounced ON devices (resync_announced, id);
