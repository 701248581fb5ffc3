-- Rollout plans: a header row (summary as JSON plus the columns a list shows), one typed row per settlement,
-- fibre segment and planned site. Ordinals keep every list in the order it was saved. No foreign keys: a plan
-- is written and deleted whole in one transaction. REAL columns allow NULL because SQLite stores a NaN as NULL:
-- here NULL means NaN (every double of a plan is a value, never absent).
CREATE TABLE plans (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL,
    created_at        TEXT NOT NULL,      -- ISO 8601, UTC
    synthetic         INTEGER NOT NULL,
    inputs_json       TEXT NOT NULL,
    mode              TEXT NOT NULL,
    total_npv_tenge   REAL,
    lower_bound_tenge REAL,
    targets_met       INTEGER NOT NULL,
    settlements       INTEGER NOT NULL,
    summary           TEXT NOT NULL,      -- PlanSummary as JSON
    sensitivity       TEXT NOT NULL       -- the tornado bars as a JSON array
);
CREATE INDEX plans_newest ON plans (created_at DESC, id DESC);

CREATE TABLE plan_settlements (
    plan_id                       INTEGER NOT NULL,
    settlement_id                 TEXT NOT NULL,
    ordinal                       INTEGER NOT NULL,
    name                          TEXT NOT NULL,
    region                        TEXT NOT NULL,
    lon                           REAL,
    lat                           REAL,
    population                    INTEGER NOT NULL,
    population_estimated          INTEGER NOT NULL,
    technology                    TEXT NOT NULL,
    option                        TEXT NOT NULL,
    year                          INTEGER,
    capex_tenge                   REAL,
    opex_tenge_per_year           REAL,
    npv_tenge                     REAL,
    meets_100mbps                 INTEGER NOT NULL,
    busy_hour_mbps_per_subscriber REAL,
    reason                        TEXT NOT NULL,
    facility                      TEXT,
    fibre_parent                  TEXT,
    fibre_km                      REAL,
    interim_year                  INTEGER,
    interim_technology            TEXT,
    earliest_year                 INTEGER,
    binding                       TEXT,
    PRIMARY KEY (plan_id, settlement_id)
);

CREATE TABLE plan_fibre (
    plan_id     INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    from_lon    REAL,
    from_lat    REAL,
    to_lon      REAL,
    to_lat      REAL,
    km          REAL,
    capex_tenge REAL,
    year        INTEGER NOT NULL,
    region      TEXT NOT NULL,
    PRIMARY KEY (plan_id, ordinal)
);

CREATE TABLE plan_sites (
    plan_id     INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    site_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    lon         REAL,
    lat         REAL,
    region      TEXT NOT NULL,
    year        INTEGER NOT NULL,
    capex_tenge REAL,
    settlements INTEGER NOT NULL,
    candidate   INTEGER NOT NULL,
    PRIMARY KEY (plan_id, ordinal)
);
