-- Radio model calibrations: a few columns to list by, the whole calibration (terms, metrics, samples, mismatches) as JSON.
CREATE TABLE calibrations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at      TEXT NOT NULL,
    from_time       TEXT NOT NULL,
    to_time         TEXT NOT NULL,
    coverage_run_id INTEGER,
    model           TEXT NOT NULL,
    grouping        TEXT NOT NULL,
    synthetic       INTEGER NOT NULL,
    samples         INTEGER NOT NULL,
    rmse_before_db  REAL NOT NULL,
    rmse_after_db   REAL NOT NULL,
    body            TEXT NOT NULL
);
