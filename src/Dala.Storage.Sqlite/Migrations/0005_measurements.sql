-- Internet-quality measurements (single tests and published tiles) and the lines that could not become one.
CREATE TABLE measurements (
    id             TEXT PRIMARY KEY,
    time_us        INTEGER NOT NULL,      -- microseconds since 1970-01-01 UTC
    month          TEXT NOT NULL,         -- YYYY-MM (UTC), for grouping
    lon            REAL,
    lat            REAL,
    quadkey        TEXT,
    settlement_id  TEXT,
    region_code    TEXT,
    operator_id    TEXT,
    access         TEXT,
    down_mbps      REAL,
    up_mbps        REAL,
    latency_ms     REAL,
    jitter_ms      REAL,
    loss_pct       REAL,
    bytes          INTEGER,
    duration_s     REAL,
    source         TEXT NOT NULL,
    kind           INTEGER NOT NULL,      -- 0 test, 1 tile
    dataset        TEXT,
    client_network TEXT,
    tests          INTEGER NOT NULL,
    devices        INTEGER,
    valid          INTEGER NOT NULL,
    reasons        TEXT,                  -- newline-separated rule names
    synthetic      INTEGER NOT NULL,
    down_bucket    INTEGER
);
CREATE INDEX measurements_groups ON measurements (kind, valid, region_code, operator_id, month);
CREATE INDEX measurements_time ON measurements (time_us);

CREATE TABLE quarantine (
    id          TEXT PRIMARY KEY,
    received_us INTEGER NOT NULL,
    origin      TEXT NOT NULL,
    line        INTEGER NOT NULL,
    content     TEXT NOT NULL,
    reasons     TEXT NOT NULL
);
