-- Coverage claims (an operator's claimed service per settlement and technology, as of a date) and the challenges filed
-- against them. A claim is unique per settlement, operator, technology and as_of; withdrawn_by names the upheld
-- challenge that removed it (kept for the record). A challenge keeps the claim check's figures at filing time.
-- Both are small (thousands of rows): reference tables under Citus. No foreign keys.
CREATE TABLE claims (
    id                bigserial PRIMARY KEY,
    settlement_id     text NOT NULL,
    operator_id       text NOT NULL,
    technology        text NOT NULL,
    claimed_down_mbps double precision NOT NULL,
    as_of             date NOT NULL,
    source_file       text NOT NULL,
    synthetic         boolean NOT NULL,
    withdrawn_by      bigint,
    UNIQUE (settlement_id, operator_id, technology, as_of)
);

CREATE TABLE challenges (
    id                  bigserial PRIMARY KEY,
    claim_id            bigint NOT NULL,
    state               text NOT NULL,
    filed_by            text NOT NULL,
    filed_at            timestamptz NOT NULL,
    note                text,
    n                   integer NOT NULL,
    k                   integer NOT NULL,
    ci_low              double precision NOT NULL,
    ci_high             double precision NOT NULL,
    status              text NOT NULL,
    predicted_down_mbps double precision,
    window_from         timestamptz NOT NULL,
    window_to           timestamptz NOT NULL,
    synthetic           boolean NOT NULL,
    answered_by         text,
    answered_at         timestamptz,
    answer              text,
    decided_by          text,
    decided_at          timestamptz,
    decision_note       text
);
CREATE INDEX challenges_claim ON challenges (claim_id);
