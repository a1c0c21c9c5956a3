-- The notification centre (the bell): items per user, each about one referral.
-- Portable SQL (SQLite and PostgreSQL); timestamps as fixed-width RFC 3339 UTC text.

-- `kind` is the domain's NotificationKind (NewLead, FlameNotContacted, ExpiringSoon).
-- The unique triple makes writing an item idempotent (INSERT … ON CONFLICT DO NOTHING):
-- a job run twice, or on two instances at once, writes each item once.
CREATE TABLE notification_items (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    read_at TEXT,
    UNIQUE (user_id, kind, referral_id)
);
-- A user's items newest first (the bell's page) and their unread count.
CREATE INDEX notification_items_by_user ON notification_items (user_id, created_at, id);
-- What the reminder job asks: has this referral had this kind of item yet?
CREATE INDEX notification_items_by_referral ON notification_items (referral_id, kind);
