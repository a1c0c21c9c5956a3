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
    let mut after = String::new();
    let mut written = 0;
    loop {
        let candidates = candidates(pool, organisation_id, now, &after).await?;
        // A batch with nothing due takes no lock; `write_batch` decides again under it.
        let due: Vec<&str> = candidates
            .iter()
            .filter(|referral| {
                !domain::notification_centre::reminders_due(referral, now).is_empty()
            })
            .map(|referral| referral.id.as_str())
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

/// The job's first step: up to a batch of the organisation's leads after `after` (by
/// id) that may still lack a reminder at `now`. Read outside any lock, so a lead may be
/// answered or expire before [`write_batch`] writes about it (which is why that step
/// reads them again); public so a test can make that happen in between.
pub async fn candidates(
    pool: &Pool,
    organisation_id: &str,
    now: DateTime<Utc>,
    after: &str,
) -> Result<Vec<domain::Referral>, DbError> {
    let expiring_by = now + domain::notification_centre::EXPIRING_WITHIN;
    let mut conn = pool.acquire().await?;
    db::notifications::reminder_candidates(
        &mut conn,
        organisation_id,
        now,
        expiring_by,
        after,
        BATCH,
    )
    .await
}

/// The job's second step, one transaction: the reminders still due at `now` about the
/// leads `referral_ids`, and a feed move if any was new. The leads are read again under
/// the organisation's lock, which every change to them takes too: one answered or
/// expired since the candidates were read gets no reminder (nobody would settle it).
pub async fn write_batch(
    pool: &Pool,
    live: &Live,
    organisation_id: &str,
    referral_ids: &[&str],
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let mut transaction = pool.begin().await?;
    // The organisation's counter first, as every writer takes it (see `db::feed`).
    let change = db::feed::next_change(&mut transaction, organisation_id).await?;
    let current = db::referrals::find_many(&mut transaction, organisation_id, referral_ids).await?;
    let mut written = 0;
    for referral in &current {
        for kind in domain::notification_centre::reminders_due(referral, now) {
            written += db::notifications::give_organisation(
                &mut transaction,
                organisation_id,
                &referral.id,
                kind,
                now,
            )
            .await?;
        }
    }
    if written == 0 {
        // Another instance was first, or the leads were answered meanwhile: no feed move
        // for a change that is not there.
        transaction.rollback().await?;
    } else {
        transaction.commit().await?;
        live.changed(organisation_id, change);
    }
    Ok(written)
}
