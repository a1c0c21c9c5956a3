-- The columns the list's remaining sort keys read, so a cursor over `referrals`
-- can return rows in the list's order (the CSV export streams that way).
-- Portable SQL (SQLite and PostgreSQL). Like the other derived columns, these
-- are written from the domain value by one function (`store::referrals`); rows
-- stored before this migration are filled in at start-up, since JSON cannot be
-- read portably in SQL: `projection_version` says which rows are up to date.

-- Expiry of a referral that awaits an answer; NULL for every other referral
-- (`expires_at` keeps the raw `expirationDateTime` of all of them).
ALTER TABLE referrals ADD COLUMN answer_expires_at TEXT;
-- `details.dealValue` as fixed-width digits whose text order is numeric order
-- (see `store::referrals::deal_value_key`); NULL without a deal value.
ALTER TABLE referrals ADD COLUMN deal_value_key TEXT;
-- Best email / phone validity rank among the contacts a user is shown; NULL without any.
ALTER TABLE referrals ADD COLUMN best_email_rank BIGINT;
ALTER TABLE referrals ADD COLUMN best_phone_rank BIGINT;
ALTER TABLE referrals ADD COLUMN projection_version BIGINT NOT NULL DEFAULT 0;

CREATE INDEX referrals_by_projection_version ON referrals (projection_version);
