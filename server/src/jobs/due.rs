//! Closes referrals whose time ran out: Inbox leads past their expiry (Closed/Expired,
//! contacts withheld from then on) and informational offer leads after six months.
//! The domain decides (`lifecycle::close_if_due`); this finds them by their indexed
//! due time and writes each transition once, in the feed.

use chrono::{DateTime, Utc};

use crate::db::{self, DbError, Pool};
use crate::live::Live;

/// Referrals closed per transaction: keeps each organisation's write lock short.
const BATCH: usize = 200;

/// Closes every referral due by `now`; returns how many this run closed.
///
/// Several instances may run this at the same moment: each batch first takes its
/// organisation's change number, which queues them, then reads the due referrals as
/// they are now, so a referral another instance closed is no longer due (one
/// transition, one history entry).
pub async fn close_due(pool: &Pool, live: &Live, now: DateTime<Utc>) -> Result<usize, DbError> {
    let organisations = {
        let mut conn = pool.acquire().await?;
        db::referrals::organisations_with_due(&mut conn, now).await?
    };
    let mut closed = 0;
    for organisation_id in organisations {
        loop {
            // One organisation's failure must not hold up the others' expiries.
            let batch = match close_batch(pool, &organisation_id, now).await {
                Ok(batch) => batch,
                Err(error) => {
                    tracing::error!(%error, organisation = %organisation_id, "cannot close due referrals");
                    break;
                }
            };
            closed += batch.closed;
            if let Some(change) = batch.last_change {
                live.changed(&organisation_id, change);
            }
            // A full batch may have left more; one that changed nothing would only repeat.
            if batch.read < BATCH || batch.closed + batch.set_aside == 0 {
                break;
            }
        }
    }
    Ok(closed)
}

struct Batch {
    /// Due referrals read.
    read: usize,
    /// Of those, closed.
    closed: usize,
    /// Of those, unreadable and taken out of the queue.
    set_aside: usize,
    last_change: Option<i64>,
}

/// One transaction: closes up to [`BATCH`] due referrals of the organisation.
async fn close_batch(
    pool: &Pool,
    organisation_id: &str,
    now: DateTime<Utc>,
) -> Result<Batch, DbError> {
    let mut transaction = pool.begin().await?;
    // The lock first (see `db::feed`); the numbers of referrals not closed after all are
    // simply skipped by the feed.
    let mut change = db::feed::next_change(&mut transaction, organisation_id).await?;
    let due =
        db::referrals::due_in_organisation(&mut transaction, organisation_id, now, BATCH).await?;
    let mut closed = 0;
    let mut last_change = None;
    for referral in &due.referrals {
        let Some(next) = domain::lifecycle::close_if_due(referral, now) else {
            continue;
        };
        if closed > 0 {
            change = db::feed::next_change(&mut transaction, organisation_id).await?;
        }
        let Ok(version) = db::referrals::version_of(referral) else {
            tracing::error!(id = %referral.id, "a due referral has no readable version");
            continue;
        };
        let stored =
            db::referrals::update(&mut transaction, organisation_id, &next, version, change)
                .await?;
        if let Some(stored) = stored {
            let settled = domain::notification_centre::settled_reminders(&stored);
            db::notifications::settle(&mut transaction, organisation_id, &stored.id, settled, now)
                .await?;
            closed += 1;
            last_change = Some(change);
        }
    }
    if closed == 0 && due.set_aside == 0 {
        // Nothing changed (another instance was first): leave the feed's counter as it was,
        // so open apps are not told of a change that is not there.
        transaction.rollback().await?;
    } else {
        transaction.commit().await?;
    }
    Ok(Batch {
        read: due.read,
        closed,
        set_aside: due.set_aside,
        last_change,
    })
}

/// When the next referral of any organisation falls due after `now`.
pub async fn next_due(pool: &Pool, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, DbError> {
    let mut conn = pool.acquire().await?;
    db::referrals::next_due(&mut conn, now).await
}
