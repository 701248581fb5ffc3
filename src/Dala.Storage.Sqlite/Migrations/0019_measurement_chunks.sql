-- Single tests packed in chunks (issue 11: a row with a random text key cost 9 us a test at 10 M, the 200,000 lines/s
-- intake needs under 5): each row holds up to 8,192 tests column by column in one BLOB (Chunks/TestChunk), in (time, id)
-- order, with what readers prune on (time span) and what counts sum (tests, valid, synthetic). Published tiles stay rows
-- in measurements. measurement_keys holds a 64-bit key of every stored test's id (Chunks/TestKeys) and its chunk, for
-- duplicates and look-ups by id (Chunks/KeyTable). The tests already stored as rows are moved into chunks when the store is next opened
-- for measurements (the 'measurement_chunks' mark).
CREATE TABLE measurement_chunks (
    id              INTEGER PRIMARY KEY,
    tests           INTEGER NOT NULL,
    valid           INTEGER NOT NULL,
    synthetic       INTEGER NOT NULL,
    synthetic_valid INTEGER NOT NULL,
    min_time_us     INTEGER NOT NULL,
    max_time_us     INTEGER NOT NULL,
    data            BLOB NOT NULL
);
-- 65,536 buckets by the key's top 16 bits: the bucket's keys sorted (int64 each), then their chunks (int32 each).
CREATE TABLE measurement_keys (
    bucket INTEGER PRIMARY KEY,
    keys   BLOB NOT NULL
);
INSERT INTO meta (key, value) VALUES ('measurement_chunks', 'rebuild');
