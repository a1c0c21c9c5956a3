//! Server-side sessions (shared by every server instance through the database).

use chrono::{DateTime, Utc};

use sqlx::{AnyConnection, Row};

use super::users::{USER_COLUMNS, UserRecord, from_row};
use crate::throttle::Failures;

use super::{DbError, Pool, read_time, stored_time};

pub struct SessionRecord {
    pub user: UserRecord,
    pub csrf_token: String,
    pub expires_at: String,
    /// The organisation's newest change number, read in the same query.
    pub feed_head: i64,
}

/// Starts session `id` of `user_id`; `false` (nothing stored) when they were deactivated
/// or their password is no longer `password_hash`.
pub async fn create(
    conn: &mut AnyConnection,
    id: &str,
    user_id: &str,
    password_hash: &str,
    csrf_token: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<bool, DbError> {
    // Only while the person is active and their password is still the one just checked:
    // a deactivation or password change that commits between the check and this insert
    // leaves no session behind to outlive it.
    let created = sqlx::query(
        "INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at) \
         SELECT $1, id, $3, $4, $5 FROM users \
         WHERE id = $2 AND deactivated_at IS NULL AND password_hash = $6",
    )
    .bind(id)
    .bind(user_id)
    .bind(csrf_token)
    .bind(stored_time(now))
    .bind(stored_time(expires_at))
    .bind(password_hash)
    .execute(&mut *conn)
    .await?;
    if created.rows_affected() == 0 {
        return Ok(false);
    }
    super::users::record_sign_in(conn, user_id, now).await?;
    Ok(true)
}

/// The session with this id, unless it has expired or its user was deactivated, and
/// where its organisation's change feed stands (so a request that needs only that reads
/// nothing else).
pub async fn find_active(
    pool: &Pool,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Option<SessionRecord>, DbError> {
    let query = format!(
        "SELECT s.csrf_token, s.expires_at, o.last_change, {USER_COLUMNS} \
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id \
         WHERE s.id = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL"
    );
    let Some(row) = sqlx::query(&query)
        .bind(id)
        .bind(stored_time(now))
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(SessionRecord {
        csrf_token: row.try_get(0)?,
        expires_at: row.try_get(1)?,
        feed_head: row.try_get(2)?,
        user: from_row(&row, 3)?,
    }))
}

pub async fn extend(pool: &Pool, id: &str, expires_at: DateTime<Utc>) -> Result<(), DbError> {
    sqlx::query("UPDATE sessions SET expires_at = $1 WHERE id = $2")
        .bind(stored_time(expires_at))
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn delete(pool: &Pool, id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends every session of the user except `keep` (none: all of them); returns how many.
pub async fn delete_for_user(
    conn: &mut AnyConnection,
    user_id: &str,
    keep: Option<&str>,
) -> Result<u64, DbError> {
    let deleted = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2")
        .bind(user_id)
        // No session id is empty: with nothing to keep, every one goes.
        .bind(keep.unwrap_or_default())
        .execute(conn)
        .await?;
    Ok(deleted.rows_affected())
}

/// Records a failed sign-in for an account (the SHA-256 of its normalised email) from a client.
pub async fn record_failed_sign_in(
    pool: &Pool,
    account_key: &str,
    client: &str,
    attempt: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sign_in_failures (account_key, client, attempt, failed_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(account_key)
    .bind(client)
    .bind(attempt)
    .bind(stored_time(now))
    .execute(pool)
    .await?;
    Ok(())
}

/// Takes back an attempt recorded as failed that was refused before it was made (found
/// through the account and client's index).
pub async fn forget_sign_in_attempt(
    pool: &Pool,
    account_key: &str,
    client: &str,
    attempt: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "DELETE FROM sign_in_failures WHERE account_key = $1 AND client = $2 AND attempt = $3",
    )
    .bind(account_key)
    .bind(client)
    .bind(attempt)
    .execute(pool)
    .await?;
    Ok(())
}

/// Failed sign-ins since `since` of the account from the client, and from the client
/// overall, besides `attempt` (the one asking).
pub async fn failed_sign_ins_since(
    pool: &Pool,
    account_key: &str,
    client: &str,
    attempt: &str,
    since: DateTime<Utc>,
) -> Result<(Failures, Failures), DbError> {
    let pair: (i64, Option<String>) = sqlx::query_as(
        "SELECT COUNT(*), MAX(failed_at) FROM sign_in_failures \
         WHERE account_key = $1 AND client = $2 AND failed_at > $3 AND attempt <> $4",
    )
    .bind(account_key)
    .bind(client)
    .bind(stored_time(since))
    .bind(attempt)
    .fetch_one(pool)
    .await?;
    let from_client: (i64, Option<String>) = sqlx::query_as(
        "SELECT COUNT(*), MAX(failed_at) FROM sign_in_failures \
         WHERE client = $1 AND failed_at > $2 AND attempt <> $3",
    )
    .bind(client)
    .bind(stored_time(since))
    .bind(attempt)
    .fetch_one(pool)
    .await?;
    Ok((failures(pair)?, failures(from_client)?))
}

fn failures((count, last): (i64, Option<String>)) -> Result<Failures, DbError> {
    let last = last.map(|text| read_time("failed_at", &text)).transpose()?;
    Ok(Failures { count, last })
}

/// Forgets the account's failures from the client once it signed in there.
pub async fn clear_failed_sign_ins(
    pool: &Pool,
    account_key: &str,
    client: &str,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sign_in_failures WHERE account_key = $1 AND client = $2")
        .bind(account_key)
        .bind(client)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes sessions past their expiry (the purge job); returns how many.
pub async fn purge_expired(
    conn: &mut sqlx::AnyConnection,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let purged = sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(stored_time(now))
        .execute(conn)
        .await?;
    Ok(purged.rows_affected())
}

/// Deletes failed sign-ins from before `before`, which no longer count (the purge job).
pub async fn purge_failed_sign_ins(
    conn: &mut sqlx::AnyConnection,
    before: DateTime<Utc>,
) -> Result<u64, DbError> {
    let purged = sqlx::query("DELETE FROM sign_in_failures WHERE failed_at < $1")
        .bind(stored_time(before))
        .execute(conn)
        .await?;
    Ok(purged.rows_affected())
}
