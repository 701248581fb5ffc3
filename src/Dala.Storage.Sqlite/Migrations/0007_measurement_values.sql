-- The values the aggregates need, kept per group as they arrive: for every (region, operator, month, synthetic),
-- chunks of the valid single tests' download, upload and latency as little-endian float64 arrays (NULL: none).
-- Exact percentiles then read a few hundred MB of packed numbers instead of walking millions of rows.
-- Written in the same transaction as the measurements; rebuilt from them when marked 'rebuild' in meta.
CREATE TABLE measurement_values (
    region_code  TEXT,
    operator_id  TEXT,
    month        TEXT NOT NULL,
    synthetic    INTEGER NOT NULL,
    tests        INTEGER NOT NULL,       -- valid single tests in the chunk (some may lack a value)
    down         BLOB,
    up           BLOB,
    latency      BLOB
);
CREATE INDEX measurement_values_group ON measurement_values (region_code, operator_id, month, synthetic);
INSERT INTO meta (key, value) VALUES ('measurement_values', 'rebuild');
