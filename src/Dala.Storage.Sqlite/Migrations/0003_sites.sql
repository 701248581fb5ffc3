-- Radio sites and their sectors (cells).
CREATE TABLE sites (
    id          TEXT PRIMARY KEY,
    name        TEXT,
    lon         REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    lat         REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    ground_m    REAL,
    mast_m      REAL NOT NULL CHECK (mast_m > 0),
    operator_id TEXT,
    source      TEXT NOT NULL,
    synthetic   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sectors (
    site_id       TEXT NOT NULL,
    id            TEXT NOT NULL,
    ordinal       INTEGER NOT NULL,
    azimuth_deg   REAL NOT NULL,
    tilt_deg      REAL NOT NULL,
    frequency_mhz REAL NOT NULL,
    bandwidth_mhz REAL NOT NULL,
    eirp_dbm      REAL NOT NULL,
    pattern       TEXT NOT NULL,
    technology    TEXT NOT NULL,
    PRIMARY KEY (site_id, id)
);
