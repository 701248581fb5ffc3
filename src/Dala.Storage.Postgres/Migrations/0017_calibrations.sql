-- Radio model calibrations: a few columns to list by, the whole calibration (terms, metrics, samples, mismatches) as JSON.
CREATE TABLE calibrations (
    id              bigserial PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    from_time       timestamptz NOT NULL,
    to_time         timestamptz NOT NULL,
    coverage_run_id bigint,
    model           text NOT NULL,
    grouping        text NOT NULL,
    synthetic       boolean NOT NULL,
    samples         integer NOT NULL,
    rmse_before_db  double precision NOT NULL,
    rmse_after_db   double precision NOT NULL,
    body            text NOT NULL
);
