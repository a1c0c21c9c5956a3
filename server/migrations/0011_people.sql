-- People: deactivated accounts, when each person last signed in, and invitations.
-- Portable SQL (SQLite and PostgreSQL); timestamps as fixed-width RFC 3339 UTC text.

-- A deactivated person cannot sign in, has no sessions, and is left out of team
-- pickers, lead emails and the bell. NULL: active.
ALTER TABLE users ADD COLUMN deactivated_at TEXT;
-- Shown on the people screen; NULL until their first sign-in.
ALTER TABLE users ADD COLUMN last_signed_in_at TEXT;

-- An invitation to join an organisation with a role. Its link carries a random token
-- that only the invitation email holds; the table keeps the token's SHA-256 (32 random
-- bytes: nothing to guess, so a fast hash is enough), so a copy of the database cannot
-- accept one. `email` is lower-case, as users' are.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL,
    -- The name the inviter gave, offered on the set-password page; NULL when none.
    name TEXT,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    revoked_at TEXT
);
CREATE INDEX invitations_by_organisation ON invitations (organisation_id, created_at);
-- At most one invitation per organisation and address that is neither used nor revoked:
-- the guard under two partner admins inviting the same colleague at once. Inviting an
-- address again retires its expired invitation (revoked_at) in the same transaction.
CREATE UNIQUE INDEX invitations_one_open ON invitations (organisation_id, email)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
