-- Radio sites and their sectors (cells). Reference tables under Citus (thousands of rows).
CREATE TABLE sites (
    id          text PRIMARY KEY,
    name        text,
    location    geometry(Point, 4326) NOT NULL,
    ground_m    double precision,
    mast_m      double precision NOT NULL CHECK (mast_m > 0),
    operator_id text,
    source      text NOT NULL,
    synthetic   boolean NOT NULL DEFAULT false
);
CREATE INDEX sites_location ON sites USING gist (location);

CREATE TABLE sectors (
    site_id       text NOT NULL,
    id            text NOT NULL,
    ordinal       integer NOT NULL,
    azimuth_deg   double precision NOT NULL,
    tilt_deg      double precision NOT NULL,
    frequency_mhz double precision NOT NULL,
    bandwidth_mhz double precision NOT NULL,
    eirp_dbm      double precision NOT NULL,
    pattern       text NOT NULL,
    technology    text NOT NULL,
    PRIMARY KEY (site_id, id)
);
