//! The change feed: each organisation's change number, and what changed after one.
//!
//! Every write bumps its organisation's counter row first, inside its own
//! transaction. The row stays locked until the write commits (PostgreSQL) or the
//! database has one writer anyway (SQLite), so change numbers are handed out in
//! commit order: once a reader sees the counter at N, every change up to N is
//! committed and readable. A plain sequence or a timestamp would not promise that.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use domain::Referral;
use sqlx::AnyConnection;

use super::DbError;
use super::referrals::parse;

/// Takes the next change number of the organisation, locking its counter until the
/// transaction ends: call it first in a write, so writers of one organisation queue
/// here rather than conflict later.
pub async fn next_change(conn: &mut AnyConnection, organisation_id: &str) -> Result<i64, DbError> {
    Ok(*next_changes(conn, organisation_id, 1).await?.end())
}

/// Takes `count` consecutive change numbers (one per referral of a bulk write).
pub async fn next_changes(
    conn: &mut AnyConnection,
    organisation_id: &str,
    count: usize,
) -> Result<RangeInclusive<i64>, DbError> {
    let count = i64::try_from(count).map_err(|_| DbError::Corrupt("too many changes".into()))?;
    let (last,): (i64,) = sqlx::query_as(
        "UPDATE organisations SET last_change = last_change + $1 WHERE id = $2 RETURNING last_change",
    )
    .bind(count)
    .bind(organisation_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| DbError::Corrupt(format!("no organisation {organisation_id:?}")))?;
    Ok(last - count + 1..=last)
}

/// The organisation's newest committed change number: one primary-key probe.
pub async fn last_change(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT last_change FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(last,)| last))
}

/// Every organisation's newest change number (what the live notifier watches).
pub async fn last_changes(conn: &mut AnyConnection) -> Result<Vec<(String, i64)>, DbError> {
    Ok(sqlx::query_as("SELECT id, last_change FROM organisations")
        .fetch_all(conn)
        .await?)
}

/// Records that the user's heart on a referral changed with change `change`.
pub async fn record_favorite_change(
    conn: &mut AnyConnection,
    user_id: &str,
    referral_id: &str,
    change: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO favorite_changes (user_id, referral_id, change_number) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, referral_id) DO UPDATE SET change_number = excluded.change_number",
    )
    .bind(user_id)
    .bind(referral_id)
    .bind(change)
    .execute(conn)
    .await?;
    Ok(())
}

/// One user's view of the changes in `after < number ≤ upto`.
pub struct Changes {
    /// The changed referrals as stored (not yet redacted), each with the user's heart.
    pub referrals: Vec<(Referral, bool)>,
    /// The change number up to which everything was returned.
    pub through: i64,
    /// Whether changes after `through` (and up to `upto`) remain.
    pub more: bool,
    /// Whether the user's own account changed in the range.
    pub account_changed: bool,
}

/// The referrals of the organisation written in `after < number ≤ upto`, and those whose
/// heart the user changed then, oldest change first, at most `limit` of them.
///
/// Two ordered reads (referral changes, heart changes) of `limit + 1` rows each are
/// merged: every change up to the `limit`-th smallest number is in one of them.
pub async fn changes(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
    after: i64,
    upto: i64,
    limit: usize,
) -> Result<Changes, DbError> {
    let fetch = i64::try_from(limit + 1).unwrap_or(i64::MAX);
    let range = Range {
        organisation_id,
        user_id,
        after,
        upto,
        fetch,
    };
    let written = range
        .rows(
            conn,
            "SELECT r.change_number, r.document, f.referral_id FROM referrals r \
             LEFT JOIN favorites f ON f.referral_id = r.id AND f.user_id = $2 \
             WHERE r.organisation_id = $1 AND r.change_number > $3 AND r.change_number <= $4 \
             ORDER BY r.change_number LIMIT $5",
        )
        .await?;
    let hearted = range
        .rows(
            conn,
            "SELECT c.change_number, r.document, f.referral_id FROM favorite_changes c \
             JOIN referrals r ON r.id = c.referral_id AND r.organisation_id = $1 \
             LEFT JOIN favorites f ON f.referral_id = c.referral_id AND f.user_id = c.user_id \
             WHERE c.user_id = $2 AND c.change_number > $3 AND c.change_number <= $4 \
             ORDER BY c.change_number LIMIT $5",
        )
        .await?;
    let account: Option<(i64,)> = sqlx::query_as(
        "SELECT change_number FROM users WHERE id = $1 AND change_number > $2 AND change_number <= $3",
    )
    .bind(user_id)
    .bind(after)
    .bind(upto)
    .fetch_optional(&mut *conn)
    .await?;

    let mut merged: Vec<(i64, String, bool)> = written
        .into_iter()
        .chain(hearted)
        .map(|(number, document, favorite)| (number, document, favorite.is_some()))
        .collect();
    merged.sort_by_key(|(number, _, _)| *number);
    let more = merged.len() > limit;
    merged.truncate(limit);
    let through = match merged.last() {
        Some((number, _, _)) if more => *number,
        _ => upto,
    };
    // A referral both written and hearted in the range is sent once, as it is now.
    let mut seen = HashSet::new();
    let mut referrals = Vec::with_capacity(merged.len());
    for (_, document, favorite) in merged.into_iter().rev() {
        let referral = parse(&document)?;
        if seen.insert(referral.id.clone()) {
            referrals.push((referral, favorite));
        }
    }
    referrals.reverse();
    Ok(Changes {
        referrals,
        through,
        more,
        account_changed: account.is_some_and(|(number,)| number <= through),
    })
}

/// The parameters both reads of [`changes`] bind, in the same order.
struct Range<'a> {
    organisation_id: &'a str,
    user_id: &'a str,
    after: i64,
    upto: i64,
    fetch: i64,
}

impl Range<'_> {
    /// Change number, document and the user's heart (if any) of each row of `sql`.
    async fn rows(
        &self,
        conn: &mut AnyConnection,
        sql: &str,
    ) -> Result<Vec<(i64, String, Option<String>)>, DbError> {
        Ok(sqlx::query_as(sql)
            .bind(self.organisation_id)
            .bind(self.user_id)
            .bind(self.after)
            .bind(self.upto)
            .bind(self.fetch)
            .fetch_all(conn)
            .await?)
    }
}
