-- Lead emails waiting to be sent, and where each user wants them.
-- Portable SQL (SQLite and PostgreSQL).

-- The preferred address for lead emails (account settings, DOMAIN.md §7); NULL: the
-- sign-in address, or the business profile contact's own.
ALTER TABLE users ADD COLUMN notification_email TEXT;

-- The mail outbox: written in the transaction that stores the lead, sent by a job.
-- A row holds what its mail says (`content`, JSON: the organisation's name and the
-- leads as their page shows them), so every attempt sends the same mail, with the
-- same Message-ID.
CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    -- The language it is written in: `en`, `de`, `zh` or `ru`.
    locale TEXT NOT NULL,
    -- `lead` (one lead, sent at once) or `digest` (the day's leads after the first ten).
    kind TEXT NOT NULL,
    -- The recipient's UTC day the lead(s) arrived on, `YYYY-MM-DD`: the digest rule counts by it.
    day TEXT NOT NULL,
    -- For a digest, `<organisation>|<recipient>|<day>`: one per recipient and day. NULL otherwise.
    digest_key TEXT UNIQUE,
    content TEXT NOT NULL,
    -- `<…@…>`, fixed when the row is written, so a resent mail is recognisably the same.
    message_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    -- Not sent before this instant (a digest's day end, or a retry's backoff).
    due_at TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    -- A sender holds the row until then; after it, a crashed sender's row is taken again.
    lease_until TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (sent_at, due_at);
CREATE INDEX mail_outbox_by_recipient_day ON mail_outbox (organisation_id, recipient, day, kind);
