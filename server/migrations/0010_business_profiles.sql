-- Business profiles (DOMAIN.md §8): where the partner does business and who hears of
-- new leads there. Portable SQL (SQLite and PostgreSQL).

-- One row per profile. `region` is a column because the rule "one profile per region"
-- is the unique index below; everything else (locations with their contacts, keywords,
-- preferred company sizes) is the domain's BusinessProfile as JSON in `profile`, written
-- and read whole: a profile is always edited as one form (under one `version`), routing
-- reads all of an organisation's few profiles at once, and no query looks inside a
-- location. A child table would add joins and a second write for nothing; a country
-- cannot be in two profiles anyway, since it is in one region only.
CREATE TABLE business_profiles (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- The domain's Region, as the API spells it (`Europe`, `AsiaPacific`, …).
    region TEXT NOT NULL,
    profile TEXT NOT NULL,
    -- Starts at 1, one more on each change: the profile's ETag, checked against If-Match.
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
-- The guard of "one per region": two admins creating the same region at once cannot
-- both insert, whatever either read before.
CREATE UNIQUE INDEX business_profiles_one_per_region ON business_profiles (organisation_id, region);
