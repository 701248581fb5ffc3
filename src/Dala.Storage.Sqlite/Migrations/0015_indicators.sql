-- National programme indicators (Dala.Registry/Indicators) and their reported values. Derived values are never stored.
-- region '' is the country; otherwise an ISO 3166-2:KZ code.
CREATE TABLE indicators (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    unit           TEXT NOT NULL,
    target         REAL,
    target_date    TEXT,             -- YYYY-MM-DD
    target_source  TEXT
);

CREATE TABLE indicator_values (
    indicator_id  TEXT NOT NULL,
    region        TEXT NOT NULL,
    date          TEXT NOT NULL,     -- YYYY-MM-DD
    value         REAL NOT NULL,
    source        TEXT NOT NULL,
    source_url    TEXT,
    synthetic     INTEGER NOT NULL,
    note          TEXT,
    PRIMARY KEY (indicator_id, region, date)
);
