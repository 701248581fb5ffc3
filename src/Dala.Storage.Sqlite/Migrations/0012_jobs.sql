-- Background jobs, shared by every web instance and worker on this file: seq gives the queue its order; a running
-- job belongs to its worker while its heartbeat is recent. Succeeded jobs with their input key are the result cache.
CREATE TABLE jobs (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    id               TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    input            TEXT NOT NULL,      -- the request, JSON
    input_key        TEXT,               -- the normalised inputs' key
    status           TEXT NOT NULL,      -- queued | running | succeeded | failed | cancelled
    phase            TEXT NOT NULL,
    progress         REAL NOT NULL,
    created_at       TEXT NOT NULL,      -- ISO 8601, UTC
    started_at       TEXT,
    finished_at      TEXT,
    error            TEXT,
    result_href      TEXT,
    result_plan_id   INTEGER,
    attempts         INTEGER NOT NULL,
    worker           TEXT,
    heartbeat_at     TEXT,
    cancel_requested INTEGER NOT NULL,
    submitted_by     TEXT
);
CREATE INDEX jobs_queue ON jobs (status, seq);
CREATE INDEX jobs_cache ON jobs (kind, input_key, status);
