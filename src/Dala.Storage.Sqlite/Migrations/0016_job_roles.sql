-- The role a job was submitted under: each role may have only so many jobs waiting or running at once.
ALTER TABLE jobs ADD COLUMN role TEXT;
CREATE INDEX jobs_role ON jobs (role, status);
