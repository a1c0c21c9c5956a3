//! Forgets what no longer counts: expired sessions, failed sign-ins older than their
//! window, idempotency keys older than their seven days.

use chrono::{DateTime, Utc};

use crate::auth::FAILED_SIGN_IN_WINDOW;
use crate::db::{self, DbError, Pool};

/// Returns how many rows were forgotten.
pub async fn purge(pool: &Pool, now: DateTime<Utc>) -> Result<u64, DbError> {
    let mut conn = pool.acquire().await?;
    let sessions = db::sessions::purge_expired(&mut conn, now).await?;
    let failures =
        db::sessions::purge_failed_sign_ins(&mut conn, now - FAILED_SIGN_IN_WINDOW).await?;
    let keys = db::idempotency::purge(&mut conn, now).await?;
    Ok(sessions + failures + keys)
}
