-- Portable SQL: the same migrations run on SQLite and PostgreSQL.
-- Timestamps are fixed-width RFC 3339 UTC text, so text order is time order on both.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One row per referral: the columns that scope, sort and page the lists, plus
-- the whole referral as JSON in the public API's shape (`document`). The columns
-- are always derived from the document by one function on write.
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL,
    substatus TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    country TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    version BIGINT NOT NULL,
    document TEXT NOT NULL
);

CREATE INDEX referrals_by_organisation_created ON referrals (organisation_id, created_at);
CREATE INDEX referrals_by_organisation_updated ON referrals (organisation_id, updated_at);
