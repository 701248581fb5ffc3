-- Licence obligations, versioned: every edit is a new row (id, version); the current obligation is the newest version.
-- The obligation itself is its canonical JSON (without the version), kept as text. A reference table under Citus.
CREATE TABLE obligations (
    id          text NOT NULL,
    version     integer NOT NULL,
    json        text NOT NULL,
    actor       text NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (id, version)
);
