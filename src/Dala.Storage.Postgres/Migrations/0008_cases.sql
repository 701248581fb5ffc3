-- Quality inspectorate cases: one row per case (the violation's figures, where it stands, the fine once worked out)
-- and one row per dated step. steps counts the steps, so that a step is appended only to the case as it was read.
-- One open case per violation: a partial unique index on the violation's key among cases not closed. Small tables:
-- under Citus both are reference tables. Money is whole tenge.
CREATE TABLE cases (
    id                 bigserial PRIMARY KEY,
    violation_key      text NOT NULL,
    obligation_id      text NOT NULL,
    obligation_version integer,
    operator           text NOT NULL,
    region             text NOT NULL,
    settlement         text,
    period_from        date,
    period_to          date,
    n                  bigint NOT NULL,
    k                  bigint NOT NULL,
    estimate           double precision,
    ci_low             double precision,
    ci_high            double precision,
    synthetic          boolean NOT NULL,
    state              text NOT NULL,
    steps              integer NOT NULL,
    fine_tier          text,
    fine_mrp           integer,
    fine_mrp_year      integer,
    fine_mrp_tenge     integer,
    fine_tenge         bigint,
    fine_decided_on    date
);
CREATE UNIQUE INDEX cases_one_open ON cases (violation_key) WHERE state <> 'closed';
CREATE INDEX cases_operator ON cases (operator, id);

CREATE TABLE case_steps (
    case_id  bigint NOT NULL,
    ordinal  integer NOT NULL,
    state    text NOT NULL,
    on_date  date NOT NULL,
    actor    text NOT NULL,
    note     text,
    outcome  text,
    PRIMARY KEY (case_id, ordinal)
);
