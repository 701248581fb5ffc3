-- Mass events (Dala.Events): one row per event; the place as JSON ({"type":"circle",...} or {"type":"polygon",...}).
CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    place      TEXT NOT NULL,
    starts_at  TEXT NOT NULL,      -- ISO 8601, UTC
    ends_at    TEXT NOT NULL,
    crowd      INTEGER NOT NULL,
    synthetic  INTEGER NOT NULL,
    note       TEXT,
    actor      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX events_start ON events (starts_at);
