-- The role a job was submitted under: each role may have only so many jobs waiting or running at once.
ALTER TABLE jobs ADD COLUMN role TEXT;
CREATE INDEX jobs_role ON jobs (role, status);

-- What a succeeded job made (a fibre plan's summary, GeoJSON and CSV), so that any instance on this file can answer
-- with it; forgotten with its job.
CREATE TABLE job_outputs (
    job_id     TEXT NOT NULL,
    name       TEXT NOT NULL,
    media_type TEXT NOT NULL,
    body       BLOB NOT NULL,
    PRIMARY KEY (job_id, name)
);
