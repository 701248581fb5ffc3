-- Registry on PostgreSQL + PostGIS. Laid out for Citus (see ARCHITECTURE.md, "Growth beyond one machine"):
-- no foreign keys; the large tables carry their distribution column (settlement id) in every unique key;
-- small tables become reference tables.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO meta (key, value) VALUES ('revision', '0');

-- reference table
CREATE TABLE regions (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    name_kk text,
    name_ru text,
    name_en text,
    area    geometry(Geometry, 4326),
    source  text NOT NULL
);
CREATE INDEX regions_area ON regions USING gist (area);

-- distributed by id (co-located with connectivity.settlement_id)
CREATE TABLE settlements (
    id                text PRIMARY KEY,
    name              text NOT NULL,
    name_kk           text,
    name_ru           text,
    name_en           text,
    kind              text NOT NULL CHECK (kind IN ('city', 'town', 'village', 'hamlet')),
    population        integer CHECK (population IS NULL OR population > 0),
    population_source text,
    location          geometry(Point, 4326) NOT NULL,
    region_code       text NOT NULL,
    kato_code         text,
    source            text NOT NULL
);
CREATE INDEX settlements_location ON settlements USING gist (location);
CREATE INDEX settlements_region ON settlements (region_code);

-- reference table
CREATE TABLE operators (
    id   text PRIMARY KEY,
    name text NOT NULL
);

-- distributed by settlement_id: history, one row per observation; the current status is derived, never stored.
CREATE TABLE connectivity (
    settlement_id text NOT NULL,
    operator_id   text NOT NULL DEFAULT '',
    technology    text NOT NULL,
    as_of         date NOT NULL,
    down_mbps     double precision,
    up_mbps       double precision,
    source        text NOT NULL,
    synthetic     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (settlement_id, operator_id, technology, as_of)
);

-- reference tables
CREATE TABLE kato (
    id        integer PRIMARY KEY,
    parent_id integer NOT NULL,
    code      text NOT NULL,
    name      text NOT NULL
);

CREATE TABLE outline (
    id     integer PRIMARY KEY CHECK (id = 1),
    area   geometry(Geometry, 4326) NOT NULL,
    source text NOT NULL
);

CREATE TABLE sources (
    kind        text NOT NULL,
    name        text NOT NULL,
    sha256      text NOT NULL,
    imported_at timestamptz NOT NULL,
    rows        integer NOT NULL,
    synthetic   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kind, sha256)
);
