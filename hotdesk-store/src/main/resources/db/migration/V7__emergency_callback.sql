-- The number emergency services call back for a desk (RAY BAUM'S Act: the desk's, not the user's).
ALTER TABLE devices ADD COLUMN loc_callback VARCHAR(20);
