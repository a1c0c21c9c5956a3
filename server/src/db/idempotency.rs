//! Stored outcomes of mutations sent with an `Idempotency-Key`, so that a replay
//! (a phone re-sending its offline queue, a double click) never applies twice.
//!
//! A request first [`claim`]s its key for a short lease, in a statement of its own.
//! Its outcome is then stored by [`complete`] inside the write's own transaction, so
//! the response commits with the write or neither does. A claim whose request died
//! (a crash, a lost connection to the database) is taken over once its lease ran out;
//! the takeover hands out a new claim token, so the old request can no longer finish.

use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use super::{DbError, stored_time};

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

/// The right to run the request of one key, held until its lease runs out.
#[derive(Debug, Clone)]
pub struct Lease {
    pub user_id: String,
    pub key: String,
    token: String,
}

/// fingerprint, response status, ETag, body, lease end of a stored key.
type KeyRow = (
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

pub enum Claim {
    /// This request owns the key: run it, then `complete` it (or `release` it when it failed).
    Claimed(Lease),
    /// The key's request finished before: answer with its response.
    Completed(StoredResponse),
    /// The key's request is still running (its lease has not run out).
    InProgress,
    /// The key was used for a different request.
    Mismatch,
}

/// Claims `key` for a request with `fingerprint` until `now + lease`; exactly one of
/// concurrent claims wins.
pub async fn claim(
    conn: &mut AnyConnection,
    user_id: &str,
    key: &str,
    fingerprint: &str,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<Claim, DbError> {
    // A key older than the retention period is forgotten, so it may be claimed afresh.
    sqlx::query("DELETE FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2 AND created_at < $3")
        .bind(user_id)
        .bind(key)
        .bind(stored_time(now - KEPT_FOR))
        .execute(&mut *conn)
        .await?;
    let token = uuid::Uuid::new_v4().to_string();
    let leased_until = stored_time(now + lease);
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (user_id, idempotency_key, request_fingerprint, created_at, leased_until, claim_token) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, idempotency_key) DO NOTHING",
    )
    .bind(user_id)
    .bind(key)
    .bind(fingerprint)
    .bind(stored_time(now))
    .bind(&leased_until)
    .bind(&token)
    .execute(&mut *conn)
    .await?;
    let lease = Lease {
        user_id: user_id.to_owned(),
        key: key.to_owned(),
        token,
    };
    if inserted.rows_affected() == 1 {
        return Ok(Claim::Claimed(lease));
    }
    let row: Option<KeyRow> = sqlx::query_as(
        "SELECT request_fingerprint, response_status, response_etag, response_body, leased_until \
         FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2",
    )
    .bind(user_id)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        // Released between our insert and select: the caller may simply retry.
        None => Claim::InProgress,
        Some((stored, ..)) if stored != fingerprint => Claim::Mismatch,
        Some((_, Some(status), etag, body, _)) => Claim::Completed(StoredResponse {
            status: u16::try_from(status).unwrap_or(500),
            etag,
            body: body.unwrap_or_default(),
        }),
        Some((_, None, _, _, previous_lease)) => {
            // The claim's request died: take it over, unless another retry just did.
            let taken = sqlx::query(
                "UPDATE idempotency_keys SET leased_until = $1, claim_token = $2 \
                 WHERE user_id = $3 AND idempotency_key = $4 AND response_status IS NULL \
                 AND COALESCE(leased_until, '') < $5 AND COALESCE(leased_until, '') = $6",
            )
            .bind(&leased_until)
            .bind(&lease.token)
            .bind(user_id)
            .bind(key)
            .bind(stored_time(now))
            .bind(previous_lease.unwrap_or_default())
            .execute(&mut *conn)
            .await?;
            if taken.rows_affected() == 1 {
                Claim::Claimed(lease)
            } else {
                Claim::InProgress
            }
        }
    })
}

/// Stores the response of the claimed request; call it inside the write's transaction.
/// Returns `false` when the lease was lost (taken over by a retry): the caller must then
/// roll its transaction back, since the other request's outcome stands.
pub async fn complete(
    conn: &mut AnyConnection,
    lease: &Lease,
    response: &StoredResponse,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE idempotency_keys SET response_status = $1, response_etag = $2, response_body = $3, \
         leased_until = NULL WHERE user_id = $4 AND idempotency_key = $5 AND claim_token = $6 \
         AND response_status IS NULL",
    )
    .bind(i64::from(response.status))
    .bind(response.etag.as_deref())
    .bind(&response.body)
    .bind(&lease.user_id)
    .bind(&lease.key)
    .bind(&lease.token)
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Forgets a claim whose request is known not to have written anything (it failed on
/// our side before its transaction committed), so the client may retry it at once.
pub async fn release(conn: &mut AnyConnection, lease: &Lease) -> Result<(), DbError> {
    sqlx::query(
        "DELETE FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2 \
         AND claim_token = $3 AND response_status IS NULL",
    )
    .bind(&lease.user_id)
    .bind(&lease.key)
    .bind(&lease.token)
    .execute(conn)
    .await?;
    Ok(())
}

/// Forgets keys older than [`KEPT_FOR`] (the purge job); returns how many.
pub async fn purge(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<u64, DbError> {
    let purged = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
        .bind(stored_time(now - KEPT_FOR))
        .execute(conn)
        .await?;
    Ok(purged.rows_affected())
}
