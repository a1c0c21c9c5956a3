//! Stored outcomes of mutations sent with an `Idempotency-Key`, so that a replay
//! (a phone re-sending its offline queue, a double click) never applies twice.

use chrono::{DateTime, Duration, Utc};

use super::{Pool, StoreError, stored_time};

/// How long a key is remembered: a week, so a phone that was offline over a weekend
/// replays its queue safely (the HTTP draft asks for at least 24 hours).
pub const KEPT_FOR: Duration = Duration::days(7);

/// A completed request's response, replayed as it was.
#[derive(Debug, Clone)]
pub struct StoredResponse {
    pub status: u16,
    pub etag: Option<String>,
    pub body: String,
}

/// fingerprint, response status, ETag and body of a stored key.
type KeyRow = (String, Option<i64>, Option<String>, Option<String>);

pub enum Claim {
    /// This request owns the key: run it, then `complete` or `release`.
    Claimed,
    /// The key's request finished before: answer with its response.
    Completed(StoredResponse),
    /// The key's request is still running.
    InProgress,
    /// The key was used for a different request.
    Mismatch,
}

/// Claims `key` for a request with `fingerprint`; exactly one of concurrent claims wins.
pub async fn claim(
    pool: &Pool,
    user_id: &str,
    key: &str,
    fingerprint: &str,
    now: DateTime<Utc>,
) -> Result<Claim, StoreError> {
    // A key older than the retention period is forgotten, so it may be claimed afresh.
    sqlx::query("DELETE FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2 AND created_at < $3")
        .bind(user_id)
        .bind(key)
        .bind(stored_time(now - KEPT_FOR))
        .execute(pool)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (user_id, idempotency_key, request_fingerprint, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, idempotency_key) DO NOTHING",
    )
    .bind(user_id)
    .bind(key)
    .bind(fingerprint)
    .bind(stored_time(now))
    .execute(pool)
    .await?;
    if inserted.rows_affected() == 1 {
        return Ok(Claim::Claimed);
    }
    let row: Option<KeyRow> = sqlx::query_as(
        "SELECT request_fingerprint, response_status, response_etag, response_body \
         FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2",
    )
    .bind(user_id)
    .bind(key)
    .fetch_optional(pool)
    .await?;
    Ok(match row {
        // Released between our insert and select: the caller may simply retry.
        None => Claim::InProgress,
        Some((stored, _, _, _)) if stored != fingerprint => Claim::Mismatch,
        Some((_, None, _, _)) => Claim::InProgress,
        Some((_, Some(status), etag, body)) => Claim::Completed(StoredResponse {
            status: u16::try_from(status).unwrap_or(500),
            etag,
            body: body.unwrap_or_default(),
        }),
    })
}

pub async fn complete(
    pool: &Pool,
    user_id: &str,
    key: &str,
    response: &StoredResponse,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE idempotency_keys SET response_status = $1, response_etag = $2, response_body = $3 \
         WHERE user_id = $4 AND idempotency_key = $5",
    )
    .bind(i64::from(response.status))
    .bind(response.etag.as_deref())
    .bind(&response.body)
    .bind(user_id)
    .bind(key)
    .execute(pool)
    .await?;
    Ok(())
}

/// Forgets a claim whose request failed on our side, so the client may retry it.
pub async fn release(pool: &Pool, user_id: &str, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2")
        .bind(user_id)
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}
