-- Licence obligations, versioned: every edit is a new row (id, version); the current obligation is the newest version.
-- The obligation itself is its canonical JSON (without the version).
CREATE TABLE obligations (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL,
    json        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL,      -- ISO 8601, UTC
    PRIMARY KEY (id, version)
);
