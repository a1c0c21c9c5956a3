//! Favorites: per user, so each colleague keeps their own shortlist.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::{DbError, stored_time};

/// Marks a referral as a favorite; marking it twice is fine. Returns whether it changed.
pub async fn add(
    conn: &mut AnyConnection,
    user_id: &str,
    referral_id: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let added = sqlx::query(
        "INSERT INTO favorites (user_id, referral_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, referral_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(referral_id)
    .bind(stored_time(now))
    .execute(conn)
    .await?;
    Ok(added.rows_affected() == 1)
}

/// Un-marks a referral; returns whether it was a favorite.
pub async fn remove(
    conn: &mut AnyConnection,
    user_id: &str,
    referral_id: &str,
) -> Result<bool, DbError> {
    let removed = sqlx::query("DELETE FROM favorites WHERE user_id = $1 AND referral_id = $2")
        .bind(user_id)
        .bind(referral_id)
        .execute(conn)
        .await?;
    Ok(removed.rows_affected() == 1)
}

/// The referrals the user has hearted.
pub async fn referral_ids(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<HashSet<String>, DbError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT referral_id FROM favorites WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// The user's hearts changed after change `after` (in the feed, as
/// `feed::record_favorite_change` recorded them): each referral and whether it is a
/// favorite now. Unbounded above, like `referrals::written_after`.
pub async fn changed_after(
    conn: &mut AnyConnection,
    user_id: &str,
    after: i64,
) -> Result<Vec<(String, bool)>, DbError> {
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT c.referral_id, f.referral_id FROM favorite_changes c \
         LEFT JOIN favorites f ON f.user_id = c.user_id AND f.referral_id = c.referral_id \
         WHERE c.user_id = $1 AND c.change_number > $2",
    )
    .bind(user_id)
    .bind(after)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, favorite)| (id, favorite.is_some()))
        .collect())
}

/// Whether one referral is among the user's favorites.
pub async fn contains(
    conn: &mut AnyConnection,
    user_id: &str,
    referral_id: &str,
) -> Result<bool, DbError> {
    let found: Option<(String,)> =
        sqlx::query_as("SELECT referral_id FROM favorites WHERE user_id = $1 AND referral_id = $2")
            .bind(user_id)
            .bind(referral_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}
