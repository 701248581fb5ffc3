-- A large import spent more server CPU on the five-column groups index than on the rows themselves (at 1 M tests,
-- 14.0 s of server CPU with it, 7.7 s without). No reader of single tests needs it: aggregates, histograms, rankings
-- and point cells scan the tests they group; recent tests and windows go by the time index. Published tiles (few
-- rows, grouped by TileSums) keep an index of their own, which tests do not enter.
DROP INDEX IF EXISTS measurements_groups;
CREATE INDEX IF NOT EXISTS measurements_tiles ON measurements (valid, region_code, operator_id, month) WHERE kind = 1;
