//! Business profiles: one row per organisation and region (the unique index is the
//! guard), the domain's profile as JSON, and a version that every change moves on.

use chrono::{DateTime, Utc};
use domain::{BusinessProfile, Region, StoredBusinessProfile};
use sqlx::AnyConnection;

use super::{DbError, read_time, stored_time};

/// id, profile, version, updated_at.
type ProfileRow = (String, String, i64, String);

/// What replacing a profile came to.
#[derive(Debug)]
pub enum Replaced {
    /// Written: the profile as it is now.
    Done(StoredBusinessProfile),
    /// Another of the organisation's profiles covers the new region already.
    RegionTaken(Region),
}

/// Stores a new profile at version 1; `None` when the organisation already has one for
/// its region (the unique index decides, so of two concurrent creates one gets `None`).
pub async fn insert(
    conn: &mut AnyConnection,
    organisation_id: &str,
    profile: &BusinessProfile,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<StoredBusinessProfile>, DbError> {
    let id = uuid::Uuid::new_v4().to_string();
    let inserted = sqlx::query(
        "INSERT INTO business_profiles \
             (id, organisation_id, region, profile, version, created_at, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, 1, $5, $5, $6) \
         ON CONFLICT (organisation_id, region) DO NOTHING",
    )
    .bind(&id)
    .bind(organisation_id)
    .bind(profile.region.as_str())
    .bind(document(profile)?)
    .bind(stored_time(now))
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    if inserted.rows_affected() == 0 {
        return Ok(None);
    }
    find(conn, organisation_id, &id).await
}

/// The organisation's profiles, in the order of [`Region::ALL`].
pub async fn list(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Vec<StoredBusinessProfile>, DbError> {
    let rows = rows_of(conn, organisation_id).await?;
    let mut profiles = rows
        .into_iter()
        .map(stored)
        .collect::<Result<Vec<_>, _>>()?;
    profiles.sort_by_key(|stored| stored.profile.region);
    Ok(profiles)
}

/// The organisation's profiles as routing reads them, in the lead's transaction. A row
/// that cannot be read is logged and left out (its leads go to the partner admins): one
/// bad row must not refuse every lead the organisation is sent.
pub async fn profiles(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Vec<BusinessProfile>, DbError> {
    let rows = rows_of(conn, organisation_id).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| match stored(row) {
            Ok(stored) => Some(stored.profile),
            Err(error) => {
                tracing::error!(organisation = %organisation_id, %error, "a business profile cannot be read; its leads go to the partner admins");
                None
            }
        })
        .collect())
}

/// Every stored row of the organisation's profiles, in no order.
async fn rows_of(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Vec<ProfileRow>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, profile, version, updated_at FROM business_profiles \
         WHERE organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_all(conn)
    .await?)
}

/// One of the organisation's profiles; `None` for another organisation's id too.
pub async fn find(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
) -> Result<Option<StoredBusinessProfile>, DbError> {
    let row: Option<ProfileRow> = sqlx::query_as(
        "SELECT id, profile, version, updated_at FROM business_profiles \
         WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(stored).transpose()
}

/// Locks one of the organisation's profiles until the transaction ends, and reads it
/// (`None` for another organisation's id too). Call it first in a change: two changes
/// of one profile queue here, and the second reads what the first wrote (the no-op
/// write takes SQLite's write lock, PostgreSQL's row lock).
pub async fn lock(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
) -> Result<Option<StoredBusinessProfile>, DbError> {
    sqlx::query(
        "UPDATE business_profiles SET version = version WHERE organisation_id = $1 AND id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    find(conn, organisation_id, id).await
}

/// Replaces a profile [`lock`]ed in this transaction by `profile`, as its next version.
pub async fn replace(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
    profile: &BusinessProfile,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<Replaced, DbError> {
    let updated = sqlx::query(
        "UPDATE business_profiles \
         SET region = $1, profile = $2, version = version + 1, updated_at = $3, updated_by = $4 \
         WHERE organisation_id = $5 AND id = $6",
    )
    .bind(profile.region.as_str())
    .bind(document(profile)?)
    .bind(stored_time(now))
    .bind(user_id)
    .bind(organisation_id)
    .bind(id)
    .execute(&mut *conn)
    .await;
    match updated {
        Ok(_) => {}
        // The unique index: the organisation has a profile for the new region.
        Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
            return Ok(Replaced::RegionTaken(profile.region));
        }
        Err(error) => return Err(error.into()),
    }
    let stored = find(conn, organisation_id, id).await?.ok_or_else(|| {
        DbError::Corrupt(format!("business profile {id} vanished under its lock"))
    })?;
    Ok(Replaced::Done(stored))
}

/// Deletes one of the organisation's profiles (nothing if it has no such profile).
pub async fn delete(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM business_profiles WHERE organisation_id = $1 AND id = $2")
        .bind(organisation_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

fn document(profile: &BusinessProfile) -> Result<String, DbError> {
    serde_json::to_string(profile).map_err(|e| DbError::Corrupt(format!("business profile: {e}")))
}

fn stored(
    (id, profile, version, updated_at): ProfileRow,
) -> Result<StoredBusinessProfile, DbError> {
    let profile: BusinessProfile = serde_json::from_str(&profile)
        .map_err(|e| DbError::Corrupt(format!("business profile {id}: {e}")))?;
    Ok(StoredBusinessProfile {
        id,
        e_tag: version.to_string(),
        profile,
        updated_at: read_time("updated_at", &updated_at)?,
    })
}
