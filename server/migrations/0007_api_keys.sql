-- API keys, and what ingestion remembers to take a lead in once.
-- Portable SQL (SQLite and PostgreSQL).

-- A named key that lets another system send leads into one organisation. Only the
-- SHA-256 of the secret is kept (the secret is 32 random bytes, so a fast hash is
-- enough); the secret itself is shown once, when the key is made.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_keys_by_organisation ON api_keys (organisation_id, created_at);

-- What makes a resubmission the same lead, per organisation: the sender's own ID
-- (kind 'external', for good) or the payload's fingerprint (kind 'payload', for a day
-- after `arrived_at`). The primary key is the guard: two senders racing with the same
-- lead cannot both insert it, whatever either read before.
CREATE TABLE ingested_leads (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    referral_id TEXT NOT NULL REFERENCES referrals (id),
    arrived_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, kind, value)
);
