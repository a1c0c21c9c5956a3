-- Failed sign-ins are throttled per account *and* client address, with growing
-- delays, so a stranger's wrong passwords cannot lock a user out. The account is
-- stored as the SHA-256 of its normalised email (bounded, whatever was typed).
-- Portable SQL (SQLite and PostgreSQL).
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_failures (
    account_key TEXT NOT NULL,
    client TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_pair ON sign_in_failures (account_key, client, failed_at);
CREATE INDEX sign_in_failures_by_client ON sign_in_failures (client, failed_at);
CREATE INDEX sign_in_failures_by_age ON sign_in_failures (failed_at);
