//! Rings the bell about leads that need someone now: a flame lead nobody has answered,
//! and a lead expiring within 48 hours. The domain decides which lead deserves which
//! item (`notification_centre::reminders_due`); this finds the candidates and writes
//! each item once per person.
//!
//! Safe on several instances at once: an item is written with `ON CONFLICT DO NOTHING`
//! on its (user, kind, referral) triple, so a second runner writes nothing twice.
//!
//! How open apps hear of the items: the items are not referrals, so the feed carries
//! nothing for them; but a batch that wrote any also takes the organisation's next
//! change number, in its transaction, and announces it live. The feed then moves
//! (with a number no referral holds, which readers skip), every open app of the
//! organisation pulls, and an app refreshes its notification items whenever its feed
//! moved. A batch that wrote nothing rolls back and moves nothing.

use chrono::{DateTime, Utc};

use crate::db::{self, DbError, Pool};
use crate::live::Live;

/// Leads read per batch (and written about per transaction).
const BATCH: usize = 200;

/// Writes the reminders due at `now`; returns how many items this run wrote.
pub async fn remind(pool: &Pool, live: &Live, now: DateTime<Utc>) -> Result<u64, DbError> {
    let organisations = {
        let mut conn = pool.acquire().await?;
        db::notifications::organisations_with_waiting_leads(&mut conn, now).await?
    };
    let mut written = 0;
    for organisation_id in organisations {
        // One organisation's failure must not hold up the others' reminders.
        match remind_organisation(pool, live, &organisation_id, now).await {
            Ok(count) => written += count,
            Err(error) => {
                tracing::error!(%error, organisation = %organisation_id, "cannot write reminders");
            }
        }
    }
    Ok(written)
}

async fn remind_organisation(
    pool: &Pool,
    live: &Live,
    organisation_id: &str,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let expiring_by = now + domain::notification_centre::EXPIRING_WITHIN;
    let mut after = String::new();
    let mut written = 0;
    loop {
        let candidates = {
            let mut conn = pool.acquire().await?;
            db::notifications::reminder_candidates(
                &mut conn,
                organisation_id,
                now,
                expiring_by,
                &after,
                BATCH,
            )
            .await?
        };
        let due: Vec<_> = candidates
            .iter()
            .flat_map(|referral| {
                domain::notification_centre::reminders_due(referral, now)
                    .into_iter()
                    .map(|kind| (referral.id.as_str(), kind))
            })
            .collect();
        if !due.is_empty() {
            written += write_batch(pool, live, organisation_id, &due, now).await?;
        }
        match candidates.last() {
            Some(last) if candidates.len() == BATCH => after = last.id.clone(),
            _ => return Ok(written),
        }
    }
}

/// One transaction: the items of one batch, and a feed move if any was new.
async fn write_batch(
    pool: &Pool,
    live: &Live,
    organisation_id: &str,
    due: &[(&str, domain::NotificationKind)],
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let mut transaction = pool.begin().await?;
    // The organisation's counter first, as every writer takes it (see `db::feed`).
    let change = db::feed::next_change(&mut transaction, organisation_id).await?;
    let mut written = 0;
    for (referral_id, kind) in due {
        written += db::notifications::give_organisation(
            &mut transaction,
            organisation_id,
            referral_id,
            *kind,
            now,
        )
        .await?;
    }
    if written == 0 {
        // Another instance was first: no feed move for a change that is not there.
        transaction.rollback().await?;
    } else {
        transaction.commit().await?;
        live.changed(organisation_id, change);
    }
    Ok(written)
}
