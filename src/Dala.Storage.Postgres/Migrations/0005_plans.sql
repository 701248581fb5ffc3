-- Rollout plans: a header row (summary as JSON plus the columns a list shows), one typed row per settlement,
-- fibre segment and planned site. Ordinals keep every list in the order it was saved. Under Citus plans is a
-- reference table, plan_settlements follows the settlements (its key contains settlement_id), and a plan's
-- fibre and sites are distributed by plan_id. No foreign keys: a plan is written and deleted whole.
CREATE TABLE plans (
    id                bigserial PRIMARY KEY,
    name              text NOT NULL,
    created_at        timestamptz NOT NULL,
    synthetic         boolean NOT NULL,
    inputs_json       text NOT NULL,
    mode              text NOT NULL,
    total_npv_tenge   double precision NOT NULL,
    lower_bound_tenge double precision NOT NULL,
    targets_met       boolean NOT NULL,
    settlements       integer NOT NULL,
    summary           json NOT NULL,      -- json, not jsonb: the text is kept as written, so doubles read back bit-exact
    sensitivity       json NOT NULL
);
CREATE INDEX plans_newest ON plans (created_at DESC, id DESC);

CREATE TABLE plan_settlements (
    plan_id                       bigint NOT NULL,
    settlement_id                 text NOT NULL,
    ordinal                       integer NOT NULL,
    name                          text NOT NULL,
    region                        text NOT NULL,
    lon                           double precision NOT NULL,
    lat                           double precision NOT NULL,
    population                    integer NOT NULL,
    population_estimated          boolean NOT NULL,
    technology                    text NOT NULL,
    option                        text NOT NULL,
    year                          integer,
    capex_tenge                   double precision NOT NULL,
    opex_tenge_per_year           double precision NOT NULL,
    npv_tenge                     double precision NOT NULL,
    meets_100mbps                 boolean NOT NULL,
    busy_hour_mbps_per_subscriber double precision NOT NULL,
    reason                        text NOT NULL,
    facility                      text,
    fibre_parent                  text,
    fibre_km                      double precision NOT NULL,
    interim_year                  integer,
    interim_technology            text,
    earliest_year                 integer,
    binding                       text,
    PRIMARY KEY (plan_id, settlement_id)
);

CREATE TABLE plan_fibre (
    plan_id     bigint NOT NULL,
    ordinal     integer NOT NULL,
    from_lon    double precision NOT NULL,
    from_lat    double precision NOT NULL,
    to_lon      double precision NOT NULL,
    to_lat      double precision NOT NULL,
    km          double precision NOT NULL,
    capex_tenge double precision NOT NULL,
    year        integer NOT NULL,
    region      text NOT NULL,
    PRIMARY KEY (plan_id, ordinal)
);

CREATE TABLE plan_sites (
    plan_id     bigint NOT NULL,
    ordinal     integer NOT NULL,
    site_id     text NOT NULL,
    kind        text NOT NULL,
    lon         double precision NOT NULL,
    lat         double precision NOT NULL,
    region      text NOT NULL,
    year        integer NOT NULL,
    capex_tenge double precision NOT NULL,
    settlements integer NOT NULL,
    candidate   boolean NOT NULL,
    PRIMARY KEY (plan_id, ordinal)
);
