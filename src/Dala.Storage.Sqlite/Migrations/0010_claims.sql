-- Coverage claims (an operator's claimed service per settlement and technology, as of a date) and the challenges filed
-- against them. A claim is unique per settlement, operator, technology and as_of; withdrawn_by names the upheld
-- challenge that removed it (kept for the record). A challenge keeps the claim check's figures at filing time.
CREATE TABLE claims (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    settlement_id     TEXT NOT NULL,
    operator_id       TEXT NOT NULL,
    technology        TEXT NOT NULL,      -- wire name: 4G, 5G, fibre, ...
    claimed_down_mbps REAL NOT NULL,
    as_of             TEXT NOT NULL,      -- YYYY-MM-DD
    source_file       TEXT NOT NULL,
    synthetic         INTEGER NOT NULL,
    withdrawn_by      INTEGER,
    UNIQUE (settlement_id, operator_id, technology, as_of)
);

CREATE TABLE challenges (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id            INTEGER NOT NULL,
    state               TEXT NOT NULL,    -- filed | answered | upheld | rejected
    filed_by            TEXT NOT NULL,
    filed_at            TEXT NOT NULL,    -- ISO 8601, UTC
    note                TEXT,
    n                   INTEGER NOT NULL,
    k                   INTEGER NOT NULL,
    ci_low              REAL NOT NULL,
    ci_high             REAL NOT NULL,
    status              TEXT NOT NULL,    -- the claim check's status at filing time
    predicted_down_mbps REAL,
    window_from         TEXT NOT NULL,
    window_to           TEXT NOT NULL,
    synthetic           INTEGER NOT NULL,
    answered_by         TEXT,
    answered_at         TEXT,
    answer              TEXT,
    decided_by          TEXT,
    decided_at          TEXT,
    decision_note       TEXT
);
CREATE INDEX challenges_claim ON challenges (claim_id);
