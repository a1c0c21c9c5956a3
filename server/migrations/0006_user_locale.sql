-- The language each user chose for the app (and, later, their emails): one of the
-- catalogue's tags (`en`, `de`, `zh`, `ru`); NULL until they choose (the browser's is used).
-- Portable SQL (SQLite and PostgreSQL).
ALTER TABLE users ADD COLUMN locale TEXT;
