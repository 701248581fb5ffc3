-- Coverage runs: per-settlement predictions, road coverage and the raster of each run.
CREATE TABLE coverage_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  TEXT NOT NULL,
    model       TEXT NOT NULL,
    terrain     INTEGER NOT NULL,
    synthetic   INTEGER NOT NULL,
    assumptions TEXT NOT NULL,
    sites       INTEGER NOT NULL
);

CREATE TABLE coverage_settlements (
    run_id          INTEGER NOT NULL,
    settlement_id   TEXT NOT NULL,
    site_id         TEXT,
    sector_id       TEXT,
    rsrp_dbm        REAL,
    sinr_db         REAL,
    peak_mbps       REAL,
    busy_hour_mbps  REAL,
    covered         INTEGER NOT NULL,
    meets_100mbps   INTEGER NOT NULL,
    terrain         INTEGER NOT NULL,
    sites_in_range  INTEGER NOT NULL,
    PRIMARY KEY (run_id, settlement_id)
);

CREATE TABLE coverage_roads (
    run_id     INTEGER NOT NULL,
    road_id    TEXT NOT NULL,
    name       TEXT,
    highway    TEXT,
    km         REAL NOT NULL,
    covered_km REAL NOT NULL,
    line       BLOB NOT NULL,
    synthetic  INTEGER NOT NULL,
    PRIMARY KEY (run_id, road_id)
);

CREATE TABLE coverage_rasters (
    run_id   INTEGER PRIMARY KEY,
    west     REAL NOT NULL,
    south    REAL NOT NULL,
    east     REAL NOT NULL,
    north    REAL NOT NULL,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    cell_deg REAL NOT NULL,
    png      BLOB NOT NULL,
    geotiff  BLOB NOT NULL,
    legend   TEXT NOT NULL
);
