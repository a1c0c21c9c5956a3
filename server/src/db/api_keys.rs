//! API keys: named secrets, stored as their SHA-256 only, that let another system send
//! leads into one organisation.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::{DbError, read_time, stored_time};

/// A key as lists show it: never its secret, nor the secret's hash.
#[derive(Debug, Clone)]
pub struct ApiKeyRecord {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// The name of the user who made it (their id if they are gone).
    pub created_by: String,
    /// Whether the person who made it has been deactivated since: the key still works
    /// (it is the organisation's), and the screen says so.
    pub creator_deactivated: bool,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// id, name, created_at, the creator's name, created_by, when the creator was
/// deactivated, last_used_at.
type KeyRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

pub struct NewApiKey<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub name: &'a str,
    pub secret_hash: &'a str,
    pub created_by: &'a str,
}

pub async fn insert(
    conn: &mut AnyConnection,
    key: NewApiKey<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO api_keys (id, organisation_id, name, secret_hash, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(key.id)
    .bind(key.organisation_id)
    .bind(key.name)
    .bind(key.secret_hash)
    .bind(stored_time(now))
    .bind(key.created_by)
    .execute(conn)
    .await?;
    Ok(())
}

/// The organisation's keys that are not revoked, oldest first.
pub async fn list_active(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Vec<ApiKeyRecord>, DbError> {
    let rows: Vec<KeyRow> = sqlx::query_as(
        "SELECT k.id, k.name, k.created_at, u.name, k.created_by, u.deactivated_at, k.last_used_at \
             FROM api_keys k LEFT JOIN users u ON u.id = k.created_by \
             WHERE k.organisation_id = $1 AND k.revoked_at IS NULL \
             ORDER BY k.created_at, k.id",
    )
    .bind(organisation_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(
            |(id, name, created_at, creator, created_by, deactivated_at, last_used_at)| {
                Ok(ApiKeyRecord {
                    id,
                    name,
                    created_at: read_time("created_at", &created_at)?,
                    created_by: creator.unwrap_or(created_by),
                    creator_deactivated: deactivated_at.is_some(),
                    last_used_at: last_used_at
                        .map(|text| read_time("last_used_at", &text))
                        .transpose()?,
                })
            },
        )
        .collect()
}

/// Revokes one of the organisation's keys; `false` when it has no such key. Revoking a
/// revoked key changes nothing and is no error.
pub async fn revoke(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let found: Option<(String,)> =
        sqlx::query_as("SELECT id FROM api_keys WHERE organisation_id = $1 AND id = $2")
            .bind(organisation_id)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    if found.is_none() {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE api_keys SET revoked_at = $1 \
         WHERE organisation_id = $2 AND id = $3 AND revoked_at IS NULL",
    )
    .bind(stored_time(now))
    .bind(organisation_id)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(true)
}

/// The key with this secret hash, if it is not revoked: its id and organisation.
pub async fn find_active_by_hash(
    conn: &mut AnyConnection,
    secret_hash: &str,
) -> Result<Option<(String, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, organisation_id FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL",
    )
    .bind(secret_hash)
    .fetch_optional(conn)
    .await?)
}

/// Whether the key `id` is still in force (not revoked).
pub async fn is_active(conn: &mut AnyConnection, id: &str) -> Result<bool, DbError> {
    let found: Option<(String,)> =
        sqlx::query_as("SELECT id FROM api_keys WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// Notes that the key was used at `now`.
pub async fn touch(conn: &mut AnyConnection, id: &str, now: DateTime<Utc>) -> Result<(), DbError> {
    sqlx::query("UPDATE api_keys SET last_used_at = $1 WHERE id = $2")
        .bind(stored_time(now))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
