//! Favorites: per user, so each colleague keeps their own shortlist.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::{Pool, StoreError, stored_time};

/// Marks a referral as a favorite; marking it twice is fine.
pub async fn add(
    pool: &Pool,
    user_id: &str,
    referral_id: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO favorites (user_id, referral_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, referral_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(referral_id)
    .bind(stored_time(now))
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn remove(pool: &Pool, user_id: &str, referral_id: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM favorites WHERE user_id = $1 AND referral_id = $2")
        .bind(user_id)
        .bind(referral_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn referral_ids(pool: &Pool, user_id: &str) -> Result<HashSet<String>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT referral_id FROM favorites WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Whether one referral is among the user's favorites.
pub async fn contains(pool: &Pool, user_id: &str, referral_id: &str) -> Result<bool, StoreError> {
    let found: Option<(String,)> =
        sqlx::query_as("SELECT referral_id FROM favorites WHERE user_id = $1 AND referral_id = $2")
            .bind(user_id)
            .bind(referral_id)
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}
