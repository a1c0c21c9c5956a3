//! The notification centre's items: per user, one of each kind per referral (the
//! table's unique triple), so writing them is idempotent. Which referral deserves
//! which item is the domain's rule (`domain::notification_centre`), not this module's.

use chrono::{DateTime, Utc};
use domain::{NotificationItem, NotificationKind, Referral};
use sqlx::AnyConnection;

use super::referrals::parse;
use super::{DbError, read_time, stored_time};

/// Rows per multi-row `INSERT` (7 parameters each): well under both databases' limits.
const ROWS_PER_INSERT: usize = 500;

/// Gives every active person of the organisation who hears of its leads an item of `kind` about
/// the referral, unless they have one already; returns how many were written. Runs in
/// the caller's transaction (a lead's arrival, the reminder job).
pub async fn give_organisation(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referral_id: &str,
    kind: NotificationKind,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    // A deactivated person hears of nothing.
    let people: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, role FROM users WHERE organisation_id = $1 AND deactivated_at IS NULL ORDER BY id",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut recipients = Vec::with_capacity(people.len());
    for (id, role) in people {
        let role: domain::Role = role
            .parse()
            .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?;
        if domain::notification_centre::is_notified(role) {
            recipients.push(id);
        }
    }
    let created_at = stored_time(now);
    let mut written = 0;
    for batch in recipients.chunks(ROWS_PER_INSERT) {
        let rows: Vec<String> = (0..batch.len())
            .map(|row| {
                let first = row * 7 + 1;
                let numbers: Vec<String> = (first..first + 7).map(|n| format!("${n}")).collect();
                format!("({})", numbers.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO notification_items \
             (id, organisation_id, user_id, kind, referral_id, created_at, read_at) VALUES {} \
             ON CONFLICT (user_id, kind, referral_id) DO NOTHING",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for user_id in batch {
            query = query
                .bind(uuid::Uuid::new_v4().to_string())
                .bind(organisation_id.to_owned())
                .bind(user_id.clone())
                .bind(kind.as_str())
                .bind(referral_id.to_owned())
                .bind(created_at.clone())
                .bind(None::<String>);
        }
        written += query.execute(&mut *conn).await?.rows_affected();
    }
    Ok(written)
}

/// One of a user's items as a place in their list (newest first): a page starts
/// strictly after it, "read all" stops at it.
pub struct Before {
    created_at: String,
    id: String,
}

/// The user's item `id` as a place in their list; `None` when it is not theirs.
pub async fn before(
    conn: &mut AnyConnection,
    user_id: &str,
    id: &str,
) -> Result<Option<Before>, DbError> {
    if !super::may_be_stored(id) {
        return Ok(None);
    }
    let row: Option<(String,)> =
        sqlx::query_as("SELECT created_at FROM notification_items WHERE user_id = $1 AND id = $2")
            .bind(user_id)
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(created_at,)| Before {
        created_at,
        id: id.to_owned(),
    }))
}

type ItemRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
);

/// Up to `limit` of the user's items in their organisation, newest first (ties by id),
/// after `before` when given; each with its lead's customer and deal name.
pub async fn page(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
    before: Option<&Before>,
    limit: usize,
) -> Result<Vec<NotificationItem>, DbError> {
    let select = "SELECT n.id, n.kind, n.referral_id, n.created_at, n.read_at, \
                  r.customer_name, r.document \
                  FROM notification_items n JOIN referrals r ON r.id = n.referral_id \
                  WHERE n.user_id = $1 AND n.organisation_id = $2";
    let order = "ORDER BY n.created_at DESC, n.id DESC";
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows: Vec<ItemRow> = match before {
        None => {
            sqlx::query_as(&format!("{select} {order} LIMIT $3"))
                .bind(user_id)
                .bind(organisation_id)
                .bind(limit)
                .fetch_all(conn)
                .await?
        }
        Some(before) => sqlx::query_as(&format!(
            "{select} AND (n.created_at < $3 OR (n.created_at = $3 AND n.id < $4)) {order} LIMIT $5"
        ))
        .bind(user_id)
        .bind(organisation_id)
        .bind(before.created_at.clone())
        .bind(before.id.clone())
        .bind(limit)
        .fetch_all(conn)
        .await?,
    };
    rows.into_iter().map(item_of).collect()
}

fn item_of(row: ItemRow) -> Result<NotificationItem, DbError> {
    let (id, kind, referral_id, created_at, read_at, customer_name, document) = row;
    let referral: Referral = parse(&document)?;
    Ok(NotificationItem {
        id,
        kind: kind
            .parse()
            .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?,
        referral_id,
        customer_name,
        deal_name: referral.name,
        created_at: read_time("created_at", &created_at)?,
        read_at: read_at
            .map(|text| read_time("read_at", &text))
            .transpose()?,
    })
}

/// How many of the user's items are unread.
pub async fn unread_count(conn: &mut AnyConnection, user_id: &str) -> Result<u64, DbError> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM notification_items WHERE user_id = $1 AND read_at IS NULL",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(u64::try_from(count).unwrap_or_default())
}

/// Marks the user's item read (once: a second time keeps the first instant); `false` when
/// the user has no such item in the organisation.
pub async fn mark_read(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE notification_items SET read_at = COALESCE(read_at, $1) \
         WHERE id = $2 AND user_id = $3 AND organisation_id = $4",
    )
    .bind(stored_time(now))
    .bind(id)
    .bind(user_id)
    .bind(organisation_id)
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Marks read, for everyone in the organisation, the unread items of `kinds` about the
/// referral (reminders its change made untrue); returns how many. In the caller's
/// transaction: the change that settles them.
pub async fn settle(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referral_id: &str,
    kinds: &[NotificationKind],
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let mut settled = 0;
    for kind in kinds {
        settled += sqlx::query(
            "UPDATE notification_items SET read_at = $1 \
             WHERE organisation_id = $2 AND referral_id = $3 AND kind = $4 AND read_at IS NULL",
        )
        .bind(stored_time(now))
        .bind(organisation_id)
        .bind(referral_id)
        .bind(kind.as_str())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    }
    Ok(settled)
}

/// Marks the user's unread items read, all of them or those up to and including
/// `through` (an item the user saw: later ones they have not); returns how many.
pub async fn mark_all_read(
    conn: &mut AnyConnection,
    user_id: &str,
    through: Option<&Before>,
    now: DateTime<Utc>,
) -> Result<u64, DbError> {
    let update =
        "UPDATE notification_items SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL";
    let updated = match through {
        None => {
            sqlx::query(update)
                .bind(stored_time(now))
                .bind(user_id)
                .execute(conn)
                .await?
        }
        Some(through) => {
            sqlx::query(&format!(
                "{update} AND (created_at < $3 OR (created_at = $3 AND id <= $4))"
            ))
            .bind(stored_time(now))
            .bind(user_id)
            .bind(through.created_at.clone())
            .bind(through.id.clone())
            .execute(conn)
            .await?
        }
    };
    Ok(updated.rows_affected())
}

/// Forgets items read before `before`. Only read ones: an unread item is still news.
/// The reminder job never writes a forgotten item again, as it only reminds of leads
/// still waiting, and a lead waits for days, not for as long as items are kept.
pub async fn purge_read(conn: &mut AnyConnection, before: DateTime<Utc>) -> Result<u64, DbError> {
    let purged =
        sqlx::query("DELETE FROM notification_items WHERE read_at IS NOT NULL AND read_at < $1")
            .bind(stored_time(before))
            .execute(conn)
            .await?;
    Ok(purged.rows_affected())
}

/// The organisations with a lead that awaits an answer and has not expired by `now`:
/// the only ones the reminder job looks at.
pub async fn organisations_with_waiting_leads(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT organisation_id FROM referrals WHERE answer_expires_at > $1",
    )
    .bind(stored_time(now))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Up to `limit` of the organisation's unexpired leads awaiting an answer, by id after
/// `after`, that may still lack a reminder: those without a flame item yet, and those
/// expiring by `expiring_by` without an expiring item yet. The domain decides.
pub async fn reminder_candidates(
    conn: &mut AnyConnection,
    organisation_id: &str,
    now: DateTime<Utc>,
    expiring_by: DateTime<Utc>,
    after: &str,
    limit: usize,
) -> Result<Vec<Referral>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT r.document FROM referrals r \
         WHERE r.organisation_id = $1 AND r.answer_expires_at > $2 AND r.id > $3 \
         AND (NOT EXISTS (SELECT 1 FROM notification_items n \
                          WHERE n.referral_id = r.id AND n.kind = 'FlameNotContacted') \
              OR (r.answer_expires_at <= $4 AND NOT EXISTS (SELECT 1 FROM notification_items n \
                          WHERE n.referral_id = r.id AND n.kind = 'ExpiringSoon'))) \
         ORDER BY r.id LIMIT $5",
    )
    .bind(organisation_id)
    .bind(stored_time(now))
    .bind(after)
    .bind(stored_time(expiring_by))
    .bind(i64::try_from(limit).unwrap_or(i64::MAX))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(document,)| parse(&document))
        .collect()
}
