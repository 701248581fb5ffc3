-- Spatial lookups in the database: an R*Tree over settlement points (kept by triggers) and region bounding boxes.
CREATE VIRTUAL TABLE settlements_rtree USING rtree (rid, min_lon, max_lon, min_lat, max_lat);
INSERT INTO settlements_rtree SELECT rowid, lon, lon, lat, lat FROM settlements;
CREATE TRIGGER settlements_rtree_insert AFTER INSERT ON settlements BEGIN
    INSERT INTO settlements_rtree VALUES (new.rowid, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER settlements_rtree_update AFTER UPDATE OF lon, lat ON settlements BEGIN
    UPDATE settlements_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat WHERE rid = new.rowid;
END;
CREATE TRIGGER settlements_rtree_delete AFTER DELETE ON settlements BEGIN
    DELETE FROM settlements_rtree WHERE rid = old.rowid;
END;

ALTER TABLE regions ADD COLUMN min_lon REAL;
ALTER TABLE regions ADD COLUMN max_lon REAL;
ALTER TABLE regions ADD COLUMN min_lat REAL;
ALTER TABLE regions ADD COLUMN max_lat REAL;
