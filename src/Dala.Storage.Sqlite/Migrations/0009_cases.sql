-- Quality inspectorate cases: one row per case (the violation's figures, where it stands, the fine once worked out)
-- and one row per dated step. steps counts the steps, so that a step is appended only to the case as it was read.
-- One open case per violation: a partial unique index on the violation's key (obligation, version, operator, unit,
-- period) among cases not closed. Dates are YYYY-MM-DD text; money is whole tenge.
CREATE TABLE cases (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    violation_key      TEXT NOT NULL,
    obligation_id      TEXT NOT NULL,
    obligation_version INTEGER,
    operator           TEXT NOT NULL,
    region             TEXT NOT NULL,
    settlement         TEXT,
    period_from        TEXT,
    period_to          TEXT,
    n                  INTEGER NOT NULL,
    k                  INTEGER NOT NULL,
    estimate           REAL,
    ci_low             REAL,
    ci_high            REAL,
    synthetic          INTEGER NOT NULL,
    state              TEXT NOT NULL,
    steps              INTEGER NOT NULL,
    fine_tier          TEXT,
    fine_mrp           INTEGER,
    fine_mrp_year      INTEGER,
    fine_mrp_tenge     INTEGER,
    fine_tenge         INTEGER,
    fine_decided_on    TEXT
);
CREATE UNIQUE INDEX cases_one_open ON cases (violation_key) WHERE state <> 'closed';
CREATE INDEX cases_operator ON cases (operator, id);

CREATE TABLE case_steps (
    case_id  INTEGER NOT NULL,
    ordinal  INTEGER NOT NULL,
    state    TEXT NOT NULL,
    on_date  TEXT NOT NULL,
    actor    TEXT NOT NULL,
    note     TEXT,
    outcome  TEXT,
    PRIMARY KEY (case_id, ordinal)
);
