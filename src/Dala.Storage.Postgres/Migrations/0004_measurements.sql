-- Internet-quality measurements and quarantined input lines. Under Citus measurements are distributed by id
-- (hash: even shards for a stream of tests); aggregates run on every shard.
CREATE TABLE measurements (
    id             text PRIMARY KEY,
    time           timestamptz NOT NULL,
    month          text NOT NULL,
    lon            double precision,
    lat            double precision,
    quadkey        text,
    settlement_id  text,
    region_code    text,
    operator_id    text,
    access         text,
    down_mbps      double precision,
    up_mbps        double precision,
    latency_ms     double precision,
    jitter_ms      double precision,
    loss_pct       double precision,
    bytes          bigint,
    duration_s     double precision,
    source         text NOT NULL,
    kind           smallint NOT NULL,
    dataset        text,
    client_network text,
    tests          integer NOT NULL,
    devices        integer,
    valid          boolean NOT NULL,
    reasons        text,
    synthetic      boolean NOT NULL,
    down_bucket    smallint
);
CREATE INDEX measurements_groups ON measurements (kind, valid, region_code, operator_id, month);
CREATE INDEX measurements_time ON measurements (time);

CREATE TABLE quarantine (
    id          text PRIMARY KEY,
    received_at timestamptz NOT NULL,
    origin      text NOT NULL,
    line        integer NOT NULL,
    content     text NOT NULL,
    reasons     text NOT NULL
);
