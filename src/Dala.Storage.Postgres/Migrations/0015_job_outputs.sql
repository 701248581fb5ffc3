-- The role a job was submitted under: each role may have only so many jobs waiting or running at once.
ALTER TABLE jobs ADD COLUMN role text;
CREATE INDEX jobs_role ON jobs (role, status);

-- What a succeeded job made (a fibre plan's summary, GeoJSON and CSV), so that any instance on this database can answer
-- with it; forgotten with its job.
CREATE TABLE job_outputs (
    job_id     text NOT NULL,
    name       text NOT NULL,
    media_type text NOT NULL,
    body       bytea NOT NULL,
    PRIMARY KEY (job_id, name)
);
