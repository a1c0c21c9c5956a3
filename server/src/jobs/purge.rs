//! Forgets what no longer counts: expired sessions, failed sign-ins older than their
//! window, idempotency keys older than their seven days, ingested payload fingerprints
//! older than their day, mails sent a month ago, notification items read long ago, and
//! the links of invitation mails given up.

use chrono::{DateTime, Duration, Utc};

use crate::auth::FAILED_SIGN_IN_WINDOW;
use crate::db::{self, DbError, Pool};
use crate::jobs::mail::MAX_ATTEMPTS;
use crate::mail::invitation;

/// A sent mail is kept this long: the day's count of single-lead mails (the digest rule)
/// reads the day's rows, and a month answers "was I sent that?".
pub const SENT_MAIL_KEPT: Duration = Duration::days(30);

/// A read notification item is kept this long, well past any lead's fourteen days.
pub const READ_ITEM_KEPT: Duration = Duration::days(90);

/// Returns how many rows were forgotten.
pub async fn purge(pool: &Pool, now: DateTime<Utc>) -> Result<u64, DbError> {
    let mut conn = pool.acquire().await?;
    let sessions = db::sessions::purge_expired(&mut conn, now).await?;
    let failures =
        db::sessions::purge_failed_sign_ins(&mut conn, now - FAILED_SIGN_IN_WINDOW).await?;
    let keys = db::idempotency::purge(&mut conn, now).await?;
    let marks = db::ingested::purge_payload_marks(&mut conn, now).await?;
    let mails = db::mail_outbox::purge_sent(&mut conn, now - SENT_MAIL_KEPT).await?;
    let items = db::notifications::purge_read(&mut conn, now - READ_ITEM_KEPT).await?;
    let links = forget_given_up_links(&mut conn, now).await?;
    Ok(sessions + failures + keys + marks + mails + items + links)
}

/// Forgets the link of every invitation mail given up that still holds one: the sender
/// forgets it when it gives a mail up, but one that died on the last try never did.
async fn forget_given_up_links(
    conn: &mut sqlx::AnyConnection,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let mut forgotten = 0;
    let given_up = db::mail_outbox::given_up_invitations(conn, MAX_ATTEMPTS, now).await?;
    for (id, content) in given_up {
        if let Some(without) = invitation::without_link(&content)
            && db::mail_outbox::forget_content(conn, &id, &without).await?
        {
            forgotten += 1;
        }
    }
    Ok(forgotten)
}
