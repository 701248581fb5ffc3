-- Measurements keyed by a bigint (the first 64 bits of md5(id), as MeasurementKeys.Key computes it) ahead of the text
-- id: primary key (key, id), ordered by the integer (the texts are compared only when two ids share a key). The writer
-- tells new ids from stored ones by their keys (in memory for its own, by this key for those stored before it). The
-- five-column groups index over every test goes: it now holds only the published tiles (kind 1, few: what TileSums
-- reads); every reader of tests scans, aggregates or reads by time.
ALTER TABLE measurements ADD COLUMN key bigint;
UPDATE measurements SET key = ('x' || left(md5(id), 16))::bit(64)::bigint;
ALTER TABLE measurements ALTER COLUMN key SET NOT NULL;
ALTER TABLE measurements DROP CONSTRAINT measurements_pkey;
DROP INDEX measurements_groups;
CREATE INDEX measurements_groups ON measurements (region_code, operator_id, month) WHERE kind = 1;
ALTER TABLE measurements ADD PRIMARY KEY (key, id);
