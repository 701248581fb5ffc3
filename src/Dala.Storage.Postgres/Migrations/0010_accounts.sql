-- Platform: users (password hashes only), API keys (SHA-256 of the key only, a prefix for listing; revoked, never
-- deleted) and the audit log, which is append-only: a trigger refuses every UPDATE, DELETE and TRUNCATE.
-- Small tables: reference tables under Citus. No foreign keys.
CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    role          text NOT NULL,
    operator_id   text,
    password_hash text NOT NULL,
    disabled      boolean NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL,
    prefix      text NOT NULL,
    hash        text NOT NULL UNIQUE,
    role        text NOT NULL,
    operator_id text,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE TABLE audit_log (
    id     bigserial PRIMARY KEY,
    at     timestamptz NOT NULL,
    actor  text NOT NULL,
    action text NOT NULL,
    target text NOT NULL,
    origin text NOT NULL,
    status integer NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
