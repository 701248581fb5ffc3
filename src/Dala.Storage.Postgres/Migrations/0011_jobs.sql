-- Background jobs, shared by every web instance and worker on this database: seq gives the queue its order; workers
-- claim with FOR UPDATE SKIP LOCKED; a running job belongs to its worker while its heartbeat is recent. Succeeded jobs
-- with their input key are the result cache.
CREATE TABLE jobs (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               text NOT NULL UNIQUE,
    kind             text NOT NULL,
    input            text NOT NULL,
    input_key        text,
    status           text NOT NULL,
    phase            text NOT NULL,
    progress         double precision NOT NULL,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    error            text,
    result_href      text,
    result_plan_id   bigint,
    attempts         integer NOT NULL,
    worker           text,
    heartbeat_at     timestamptz,
    cancel_requested boolean NOT NULL,
    submitted_by     text
);
CREATE INDEX jobs_queue ON jobs (status, seq);
CREATE INDEX jobs_cache ON jobs (kind, input_key, status);
