-- The change feed, the system jobs' due times and idempotency leases.
-- Portable SQL (SQLite and PostgreSQL).

-- Each organisation's change number: bumped inside every write's transaction
-- (which locks the row until commit), so numbers are handed out in commit order
-- and a reader that has seen N has seen every change up to N.
ALTER TABLE organisations ADD COLUMN last_change BIGINT NOT NULL DEFAULT 0;

-- The change that last wrote each referral. Rows stored before this migration
-- are numbered at start-up (they have 0 until then), like the derived columns.
ALTER TABLE referrals ADD COLUMN change_number BIGINT NOT NULL DEFAULT 0;
CREATE INDEX referrals_by_organisation_change ON referrals (organisation_id, change_number);

-- When a system job (expiry, the informational archive) next has to look at a
-- referral; NULL when none ever will. Derived from the document by the domain.
ALTER TABLE referrals ADD COLUMN due_at TEXT;
CREATE INDEX referrals_by_due ON referrals (due_at);

-- A user's last heart change on each referral: hearts are per user, so they
-- are in that user's feed only. Kept after un-hearting, which is a change too.
CREATE TABLE favorite_changes (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    change_number BIGINT NOT NULL,
    PRIMARY KEY (user_id, referral_id)
);
CREATE INDEX favorite_changes_by_user ON favorite_changes (user_id, change_number);

-- The change that last changed a user's account (their role), so their feed tells them.
ALTER TABLE users ADD COLUMN change_number BIGINT NOT NULL DEFAULT 0;

-- A claimed key whose request died is taken over once its lease has run out;
-- the claim token says which request holds it, so only that one may finish it.
ALTER TABLE idempotency_keys ADD COLUMN leased_until TEXT;
ALTER TABLE idempotency_keys ADD COLUMN claim_token TEXT;

