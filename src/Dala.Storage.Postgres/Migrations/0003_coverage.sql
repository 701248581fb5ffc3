-- Coverage runs: per-settlement predictions (distributed by settlement under Citus), road coverage and rasters.
CREATE TABLE coverage_runs (
    id          bigserial PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    model       text NOT NULL,
    terrain     boolean NOT NULL,
    synthetic   boolean NOT NULL,
    assumptions text NOT NULL,
    sites       integer NOT NULL
);

CREATE TABLE coverage_settlements (
    run_id          bigint NOT NULL,
    settlement_id   text NOT NULL,
    site_id         text,
    sector_id       text,
    rsrp_dbm        double precision,
    sinr_db         double precision,
    peak_mbps       double precision,
    busy_hour_mbps  double precision,
    covered         boolean NOT NULL,
    meets_100mbps   boolean NOT NULL,
    terrain         boolean NOT NULL,
    sites_in_range  integer NOT NULL,
    PRIMARY KEY (run_id, settlement_id)
);

CREATE TABLE coverage_roads (
    run_id     bigint NOT NULL,
    road_id    text NOT NULL,
    name       text,
    highway    text,
    km         double precision NOT NULL,
    covered_km double precision NOT NULL,
    line       geometry(Geometry, 4326) NOT NULL,
    synthetic  boolean NOT NULL,
    PRIMARY KEY (run_id, road_id)
);

CREATE TABLE coverage_rasters (
    run_id   bigint PRIMARY KEY,
    west     double precision NOT NULL,
    south    double precision NOT NULL,
    east     double precision NOT NULL,
    north    double precision NOT NULL,
    width    integer NOT NULL,
    height   integer NOT NULL,
    cell_deg double precision NOT NULL,
    png      bytea NOT NULL,
    geotiff  bytea NOT NULL,
    legend   text NOT NULL
);
