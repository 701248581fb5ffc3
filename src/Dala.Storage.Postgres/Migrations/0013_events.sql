-- Mass events (Dala.Events): one row per event; the place as JSON ({"type":"circle",...} or {"type":"polygon",...}).
CREATE TABLE events (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    place      text NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    crowd      integer NOT NULL,
    synthetic  boolean NOT NULL,
    note       text,
    actor      text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX events_start ON events (starts_at);
