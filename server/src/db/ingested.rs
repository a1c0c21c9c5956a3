//! What makes a resubmitted lead the same lead: the sender's own ID (for good) or the
//! payload's fingerprint (for a day). Claimed inside the transaction that stores the
//! lead, under the table's primary key, so two racing submissions cannot both store it.

use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use super::{DbError, stored_time};

/// A payload sent again within this long after it first arrived is the same lead.
pub const SAME_PAYLOAD_WITHIN: Duration = Duration::days(1);

/// What a resubmission is recognised by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark<'a> {
    /// The sender's own ID for the lead, in the intake `shape` it came in: a marketplace's
    /// lead IDs and a CRM's referral IDs are counted apart, so one never hides the other.
    ExternalId { shape: &'a str, id: &'a str },
    /// The fingerprint of the payload as sent (its JSON, keys sorted, with its shape).
    Payload(&'a str),
}

/// The kinds of the sender IDs stored before each shape kept its own: renamed by
/// migration 0012, or written under the old kind by an instance not yet upgraded while
/// others were. Either shape's ID matches them.
const LEGACY_SENDER_IDS: [&str; 2] = ["external:legacy", "external"];

impl Mark<'_> {
    fn kind(self) -> String {
        match self {
            Mark::ExternalId { shape, .. } => format!("external:{shape}"),
            Mark::Payload(_) => "payload".to_owned(),
        }
    }
}

/// Claims `mark` for `referral_id` arriving at `now`; `Some(id)` of the referral that
/// holds it already (the submission is a resubmission), `None` when the claim is ours.
/// A payload's mark older than a day is taken over; an external ID's never is.
pub async fn claim(
    conn: &mut AnyConnection,
    organisation_id: &str,
    mark: Mark<'_>,
    referral_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, DbError> {
    let value = match mark {
        Mark::ExternalId { id: value, .. } | Mark::Payload(value) => value,
    };
    // No stored time sorts before "": an external ID's claim is never taken over.
    let reclaim_before = match mark {
        Mark::ExternalId { .. } => String::new(),
        Mark::Payload(_) => stored_time(now - SAME_PAYLOAD_WITHIN),
    };
    if let Mark::ExternalId { id, .. } = mark {
        // No legacy mark is made once every instance is upgraded: until then one made by an
        // older instance may race this read, as it raced that instance's own claims.
        let legacy: Option<(String,)> = sqlx::query_as(
            "SELECT referral_id FROM ingested_leads \
             WHERE organisation_id = $1 AND kind IN ($2, $3) AND value = $4 \
             ORDER BY arrived_at LIMIT 1",
        )
        .bind(organisation_id)
        .bind(LEGACY_SENDER_IDS[0])
        .bind(LEGACY_SENDER_IDS[1])
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some((holder,)) = legacy {
            return Ok(Some(holder));
        }
    }
    let claimed = sqlx::query(
        "INSERT INTO ingested_leads (organisation_id, kind, value, referral_id, arrived_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (organisation_id, kind, value) DO UPDATE \
         SET referral_id = excluded.referral_id, arrived_at = excluded.arrived_at \
         WHERE ingested_leads.arrived_at < $6",
    )
    .bind(organisation_id)
    .bind(mark.kind())
    .bind(value)
    .bind(referral_id)
    .bind(stored_time(now))
    .bind(reclaim_before)
    .execute(&mut *conn)
    .await?;
    if claimed.rows_affected() == 1 {
        return Ok(None);
    }
    let (holder,): (String,) = sqlx::query_as(
        "SELECT referral_id FROM ingested_leads \
         WHERE organisation_id = $1 AND kind = $2 AND value = $3",
    )
    .bind(organisation_id)
    .bind(mark.kind())
    .bind(value)
    .fetch_one(conn)
    .await?;
    Ok(Some(holder))
}

/// Forgets payload fingerprints older than [`SAME_PAYLOAD_WITHIN`], which no longer
/// make a submission a resubmission; an external ID's mark is kept for good.
pub async fn purge_payload_marks(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let purged = sqlx::query("DELETE FROM ingested_leads WHERE kind = $1 AND arrived_at < $2")
        .bind(Mark::Payload("").kind())
        .bind(stored_time(now - SAME_PAYLOAD_WITHIN))
        .execute(conn)
        .await?;
    Ok(purged.rows_affected())
}
