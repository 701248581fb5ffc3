-- Platform: users (password hashes only), API keys (SHA-256 of the key only, a prefix for listing; revoked, never
-- deleted) and the audit log, which is append-only: triggers refuse every UPDATE and DELETE.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,      -- public | analyst | inspector | operator | admin
    operator_id   TEXT,               -- operator accounts only
    password_hash TEXT NOT NULL,      -- ASP.NET Core Identity v3 format
    disabled      INTEGER NOT NULL,
    created_at    TEXT NOT NULL       -- ISO 8601, UTC
);

CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    prefix      TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE, -- hex SHA-256 of the key
    role        TEXT NOT NULL,
    operator_id TEXT,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,             -- ISO 8601, UTC
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL,             -- a /24 or /48 network, or cli
    status INTEGER NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
