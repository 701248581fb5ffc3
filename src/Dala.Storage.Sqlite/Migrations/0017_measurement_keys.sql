-- Measurements keyed by an INTEGER (MeasurementKeys.Key: 64 bits of the id's MD5) instead of a TEXT primary key, rows in
-- the order they arrive (rowid). A bulk load appends rows, deduplicates ids in memory and builds the two indexes once at
-- the end; a random text key outgrew the page cache and made each insert of a 10 M-row load cost 9 µs. The groups index
-- now holds only the published tiles (kind 1, few): the aggregates and the histogram of single tests read
-- measurement_values, everything else about tests scans or reads by time.
-- The keys of the rows moved here are computed by the next writer (meta 'measurement_keys'), before it adds anything.
CREATE TABLE measurements_keyed (
    key            INTEGER NOT NULL,      -- MeasurementKeys.Key(id); 0 until computed
    id             TEXT NOT NULL,
    time_us        INTEGER NOT NULL,
    month          TEXT NOT NULL,
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
    kind           INTEGER NOT NULL,
    dataset        TEXT,
    client_network TEXT,
    tests          INTEGER NOT NULL,
    devices        INTEGER,
    valid          INTEGER NOT NULL,
    reasons        TEXT,
    synthetic      INTEGER NOT NULL,
    down_bucket    INTEGER
);
INSERT INTO measurements_keyed (key, id, time_us, month, lon, lat, quadkey, settlement_id, region_code, operator_id, access, down_mbps, up_mbps,
    latency_ms, jitter_ms, loss_pct, bytes, duration_s, source, kind, dataset, client_network, tests, devices, valid, reasons, synthetic, down_bucket)
SELECT 0, id, time_us, month, lon, lat, quadkey, settlement_id, region_code, operator_id, access, down_mbps, up_mbps,
    latency_ms, jitter_ms, loss_pct, bytes, duration_s, source, kind, dataset, client_network, tests, devices, valid, reasons, synthetic, down_bucket
FROM measurements ORDER BY time_us, id;
DROP TABLE measurements;
ALTER TABLE measurements_keyed RENAME TO measurements;
CREATE INDEX measurements_key ON measurements (key);
CREATE INDEX measurements_time ON measurements (time_us);
CREATE INDEX measurements_groups ON measurements (region_code, operator_id, month) WHERE kind = 1;
INSERT INTO meta (key, value) SELECT 'measurement_keys', 'rebuild' WHERE EXISTS (SELECT 1 FROM measurements);
