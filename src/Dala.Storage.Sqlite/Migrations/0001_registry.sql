-- Registry: regions, settlements, operators, connectivity history, KATO, outline, dataset sources.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('revision', '0');

CREATE TABLE regions (
    code    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    name_kk TEXT,
    name_ru TEXT,
    name_en TEXT,
    area    BLOB,            -- WKB, WGS84
    source  TEXT NOT NULL
);

CREATE TABLE settlements (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    name_kk           TEXT,
    name_ru           TEXT,
    name_en           TEXT,
    kind              TEXT NOT NULL CHECK (kind IN ('city', 'town', 'village', 'hamlet')),
    population        INTEGER CHECK (population IS NULL OR population > 0),
    population_source TEXT,
    lon               REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    lat               REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    region_code       TEXT NOT NULL,
    kato_code         TEXT,
    source            TEXT NOT NULL
);
CREATE INDEX settlements_region ON settlements (region_code);

CREATE TABLE operators (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

-- History: one row per observation; the current status is derived, never stored.
CREATE TABLE connectivity (
    settlement_id TEXT NOT NULL,
    operator_id   TEXT NOT NULL DEFAULT '',
    technology    TEXT NOT NULL,
    as_of         TEXT NOT NULL,   -- YYYY-MM-DD
    down_mbps     REAL,
    up_mbps       REAL,
    source        TEXT NOT NULL,
    synthetic     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (settlement_id, operator_id, technology, as_of)
);

CREATE TABLE kato (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER NOT NULL,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL
);

CREATE TABLE outline (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    area   BLOB NOT NULL,
    source TEXT NOT NULL
);

CREATE TABLE sources (
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    synthetic   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, sha256)
);
