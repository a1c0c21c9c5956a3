//! Partner organisations (tenants).

use chrono::{DateTime, Utc};

use super::{DbError, Pool, stored_time};

pub async fn insert(pool: &Pool, id: &str, name: &str, now: DateTime<Utc>) -> Result<(), DbError> {
    sqlx::query("INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(name)
        .bind(stored_time(now))
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn exists(pool: &Pool, id: &str) -> Result<bool, DbError> {
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

/// Holds the organisation's row until the transaction ends, without moving its feed:
/// writes that first check what a concurrent one may be writing (an invitation for the
/// same address, the account it makes) queue here. Call it first in the transaction
/// (SQLite then takes its write lock before reading anything).
pub async fn lock(conn: &mut sqlx::AnyConnection, id: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET last_change = last_change WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
