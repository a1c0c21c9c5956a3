//! What follows a new lead's arrival, inside the transaction that stores it: the
//! organisation's people get notification-centre items, and the mails the lead calls
//! for are queued in the outbox. Being in the same transaction, a lead is never
//! stored without them, and they never exist for a lead that was rolled back.

use chrono::{DateTime, Utc};
use domain::Referral;
use sqlx::AnyConnection;

use crate::db::{self, DbError};

/// Records everything a newly arrived `referral` of `organisation_id` sets off.
/// Call it in the transaction that inserts the referral.
pub async fn lead_arrived(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referral: &Referral,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    crate::mail::queue_new_lead(&mut *conn, organisation_id, referral, now).await?;
    notify_people(conn, organisation_id, referral, now).await?;
    Ok(())
}

/// The bell's "new lead" item for each person of the organisation, when the domain says
/// the lead deserves one. Open apps hear of it with the lead itself: the lead's insert
/// moved the organisation's feed, and an app refreshes its items whenever its feed moves.
async fn notify_people(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referral: &Referral,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    if let Some(kind) = domain::notification_centre::on_arrival(referral) {
        db::notifications::give_organisation(conn, organisation_id, &referral.id, kind, now)
            .await?;
    }
    Ok(())
}
