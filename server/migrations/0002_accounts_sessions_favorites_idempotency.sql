-- Users of partner organisations, their sessions, favorites and idempotent requests.
-- Portable SQL (SQLite and PostgreSQL); timestamps as fixed-width RFC 3339 UTC text.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL UNIQUE, -- lower-case
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL, -- argon2id PHC string
    created_at TEXT NOT NULL
);
CREATE INDEX users_by_organisation ON users (organisation_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of the
-- database does not let anyone sign in.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE sign_in_failures (
    email TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, failed_at);

-- Favorites are per user, not per referral.
CREATE TABLE favorites (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, referral_id)
);

-- One row per (user, Idempotency-Key): the request's fingerprint, and its response
-- once complete (`response_status` is NULL while the first request still runs).
CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    request_fingerprint TEXT NOT NULL,
    response_status BIGINT,
    response_etag TEXT,
    response_body TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
