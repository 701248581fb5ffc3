-- National programme indicators (Dala.Registry/Indicators) and their reported values. Derived values are never stored.
-- region '' is the country; otherwise an ISO 3166-2:KZ code. Both are reference tables under Citus (small).
CREATE TABLE indicators (
    id             text PRIMARY KEY,
    name           text NOT NULL,
    unit           text NOT NULL,
    target         double precision,
    target_date    date,
    target_source  text
);

CREATE TABLE indicator_values (
    indicator_id  text NOT NULL,
    region        text NOT NULL,
    date          date NOT NULL,
    value         double precision NOT NULL,
    source        text NOT NULL,
    source_url    text,
    synthetic     boolean NOT NULL,
    note          text,
    PRIMARY KEY (indicator_id, region, date)
);
