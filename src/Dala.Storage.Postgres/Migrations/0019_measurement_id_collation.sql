-- Measurement ids compare byte by byte (COLLATE "C"), as the embedded store compares them (ordinally). Every row
-- of a large import goes through the primary key's comparisons: under a database locale such as en_US.UTF-8 each
-- is a strcoll() call, under "C" a memcmp(). Equality is the same under both (the locales are deterministic), so no
-- id that was unique stops being unique; only the order of ids changes, to the embedded store's. The primary key
-- index is rebuilt once here. (Under Citus the id is the distribution column: run this before distributing.)
ALTER TABLE measurements ALTER COLUMN id TYPE text COLLATE "C";
