//! Referrals: the JSON document plus the columns derived from it for scoping and ordering.

use std::borrow::Borrow;
use std::sync::LazyLock;

use domain::filter::{email_validity_rank, phone_validity_rank};
use domain::{Referral, SortDirection, SortKey};
use futures_util::{Stream, StreamExt as _};
use rust_decimal::Decimal;
use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::{DbError, Pool, feed, is_sqlite, read_time, stored_time};

type AnyQuery<'q> = Query<'q, Any, AnyArguments<'q>>;

/// Bump when a derived column is added or its meaning changes: rows written with an
/// older version are derived again at start-up by [`backfill_projection`].
const PROJECTION_VERSION: i64 = 3;

/// The columns derived from the document, in the order [`Projection::bind`] binds them.
const PROJECTED_COLUMNS: [&str; 13] = [
    "status",
    "substatus",
    "customer_name",
    "country",
    "created_at",
    "updated_at",
    "expires_at",
    "answer_expires_at",
    "deal_value_key",
    "best_email_rank",
    "best_phone_rank",
    "due_at",
    "projection_version",
];

/// Rows per multi-row `INSERT`: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const ROWS_PER_INSERT: usize = 500;

/// The columns derived from one referral: what lists scope and sort by without reading JSON.
struct Projection {
    status: &'static str,
    substatus: &'static str,
    customer_name: String,
    country: String,
    created_at: String,
    updated_at: String,
    expires_at: String,
    answer_expires_at: Option<String>,
    deal_value_key: Option<String>,
    best_email_rank: Option<i64>,
    best_phone_rank: Option<i64>,
    due_at: Option<String>,
}

impl Projection {
    /// The one place the derived columns are worked out; insert, update and backfill all bind this.
    fn of(referral: &Referral) -> Projection {
        Projection {
            status: referral.status.as_str(),
            substatus: referral.substatus.as_str(),
            customer_name: referral.customer_profile.name.clone(),
            country: referral.customer_profile.address.country.clone(),
            created_at: stored_time(referral.created_date_time),
            updated_at: stored_time(referral.updated_date_time),
            expires_at: stored_time(referral.expiration_date_time),
            answer_expires_at: referral
                .awaits_answer()
                .then(|| stored_time(referral.expiration_date_time)),
            deal_value_key: referral.details.deal_value.map(deal_value_key),
            // The referral's validities are its primary contact's (one domain rule for
            // the list, the filters, the sort and the export).
            best_email_rank: referral
                .primary_contact()
                .map(|c| i64::from(email_validity_rank(c.email_validity))),
            best_phone_rank: referral
                .primary_contact()
                .map(|c| i64::from(phone_validity_rank(c.phone_validity))),
            // The domain says when a system job next acts on it; the jobs find it by this.
            due_at: domain::lifecycle::next_due(referral).map(stored_time),
        }
    }

    /// Binds the values of [`PROJECTED_COLUMNS`], in that order.
    fn bind(self, query: AnyQuery<'_>) -> AnyQuery<'_> {
        query
            .bind(self.status)
            .bind(self.substatus)
            .bind(self.customer_name)
            .bind(self.country)
            .bind(self.created_at)
            .bind(self.updated_at)
            .bind(self.expires_at)
            .bind(self.answer_expires_at)
            .bind(self.deal_value_key)
            .bind(self.best_email_rank)
            .bind(self.best_phone_rank)
            .bind(self.due_at)
            .bind(PROJECTION_VERSION)
    }
}

/// A deal value as text whose byte order is numeric order, exactly: `"1"` then 29 integer
/// and 28 fraction digits for zero and up; `"0"` then the nines' complement of those digits
/// below zero (so larger magnitudes come first).
///
/// Why text: both databases compare text by bytes (PostgreSQL with `COLLATE "C"`), while
/// SQLite has no exact decimal type (its NUMERIC falls back to a 64-bit float above 2^63),
/// so `NUMERIC` would order large or finely scaled values differently on the two. 29 + 28
/// digits hold every `Decimal` (96-bit mantissa, scale 0 to 28) without rounding, and
/// values that compare equal (`1.0`, `1.00`) get the same key, leaving the tie to the id.
fn deal_value_key(value: Decimal) -> String {
    const INTEGER_DIGITS: usize = 29;
    const FRACTION_DIGITS: usize = 28;
    let scale = value.scale() as usize;
    let mantissa = value.mantissa().unsigned_abs().to_string();
    // mantissa × 10^-scale, written with exactly INTEGER_DIGITS + FRACTION_DIGITS digits.
    let digits = format!(
        "{mantissa:0>width$}{:0<pad$}",
        "",
        width = INTEGER_DIGITS + scale,
        pad = FRACTION_DIGITS - scale
    );
    if value.is_sign_negative() && !value.is_zero() {
        let complement: String = digits
            .bytes()
            .map(|digit| char::from(b'9' - digit + b'0'))
            .collect();
        format!("0{complement}")
    } else {
        format!("1{digits}")
    }
}

/// The stored version of a referral (its `eTag`).
pub fn version_of(referral: &Referral) -> Result<i64, DbError> {
    referral
        .e_tag
        .parse()
        .map_err(|_| DbError::Corrupt(format!("eTag {:?} is not a version number", referral.e_tag)))
}

fn document_of(referral: &Referral) -> Result<String, DbError> {
    // Favorites are per user: never stored in the shared document.
    let shared = Referral {
        favorite: false,
        ..referral.clone()
    };
    serde_json::to_string(&shared).map_err(|e| DbError::Corrupt(e.to_string()))
}

/// `($first, …, $first + count - 1)`.
fn placeholders(first: usize, count: usize) -> String {
    let list: Vec<String> = (first..first + count).map(|n| format!("${n}")).collect();
    format!("({})", list.join(", "))
}

/// `status = $first, …`: every projected column, numbered from `first`.
fn set_projection(first: usize) -> String {
    let assignments: Vec<String> = PROJECTED_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, column)| format!("{column} = ${}", first + i))
        .collect();
    assignments.join(", ")
}

/// Parameters of one inserted row: id, organisation, version, change number, document,
/// then the projection.
const INSERT_PARAMETERS: usize = 5 + PROJECTED_COLUMNS.len();

fn insert_sql(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|row| placeholders(row * INSERT_PARAMETERS + 1, INSERT_PARAMETERS))
        .collect();
    format!(
        "INSERT INTO referrals (id, organisation_id, version, change_number, document, {}) VALUES {}",
        PROJECTED_COLUMNS.join(", "),
        values.join(", ")
    )
}

static FULL_INSERT_SQL: LazyLock<String> = LazyLock::new(|| insert_sql(ROWS_PER_INSERT));

static UPDATE_SQL: LazyLock<String> = LazyLock::new(|| {
    let next = 4 + PROJECTED_COLUMNS.len();
    format!(
        "UPDATE referrals SET version = $1, change_number = $2, document = $3, {} \
         WHERE organisation_id = ${next} AND id = ${} AND version = ${}",
        set_projection(4),
        next + 1,
        next + 2
    )
});

static BACKFILL_SQL: LazyLock<String> = LazyLock::new(|| {
    let next = 1 + PROJECTED_COLUMNS.len();
    format!(
        "UPDATE referrals SET {} WHERE id = ${next} AND version = ${}",
        set_projection(1),
        next + 1
    )
});

/// Stores new referrals of an organisation in one transaction (see [`insert`]).
pub async fn insert_many<R: Borrow<Referral>>(
    pool: &Pool,
    organisation_id: &str,
    referrals: impl IntoIterator<Item = R>,
) -> Result<(), DbError> {
    let mut transaction = pool.begin().await?;
    insert(&mut transaction, organisation_id, referrals).await?;
    transaction.commit().await?;
    Ok(())
}

/// Stores new referrals of an organisation, several hundred per statement, each with a
/// change number of its own, so they are in the feed; the referrals are taken from the
/// iterator a batch at a time.
pub async fn insert<R: Borrow<Referral>>(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referrals: impl IntoIterator<Item = R>,
) -> Result<(), DbError> {
    let mut referrals = referrals.into_iter().peekable();
    while referrals.peek().is_some() {
        let batch: Vec<R> = referrals.by_ref().take(ROWS_PER_INSERT).collect();
        let changes = feed::next_changes(conn, organisation_id, batch.len()).await?;
        let partial_sql;
        let sql = if batch.len() == ROWS_PER_INSERT {
            FULL_INSERT_SQL.as_str()
        } else {
            partial_sql = insert_sql(batch.len());
            partial_sql.as_str()
        };
        let mut query = sqlx::query(sql);
        for (referral, change) in batch.iter().zip(changes) {
            let referral = referral.borrow();
            query = Projection::of(referral).bind(
                query
                    .bind(referral.id.clone())
                    .bind(organisation_id.to_owned())
                    .bind(version_of(referral)?)
                    .bind(change)
                    .bind(document_of(referral)?),
            );
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The organisation's referrals last written after change `after` (all of them for
/// `after` below zero), oldest change first, through a cursor: rows arrive one by one,
/// never the whole organisation at once. A referral written again meanwhile comes as it
/// is now, with its newer change number, so a reader that took the feed's head before
/// this read has every change up to that head (and perhaps some after).
pub fn written_after<'c>(
    conn: &'c mut AnyConnection,
    organisation_id: &'c str,
    after: i64,
) -> impl Stream<Item = Result<Referral, DbError>> + Send + 'c {
    sqlx::query_as::<_, (String,)>(
        "SELECT document FROM referrals WHERE organisation_id = $1 AND change_number > $2 \
         ORDER BY change_number",
    )
    .bind(organisation_id)
    .bind(after)
    .fetch(conn)
    .map(|row| parse(&row?.0))
}

/// Some referrals of one organisation by id, in no particular order; unknown ids and
/// other organisations' referrals are left out.
pub async fn find_many(
    conn: &mut AnyConnection,
    organisation_id: &str,
    ids: &[&str],
) -> Result<Vec<Referral>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // By primary key alone: with the organisation in the WHERE clause, SQLite's planner
    // walks the organisation's index instead, reading every referral of it.
    let sql = format!(
        "SELECT organisation_id, document FROM referrals WHERE id IN {}",
        placeholders(1, ids.len())
    );
    let mut query = sqlx::query_as::<_, (String, String)>(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(conn).await?;
    rows.into_iter()
        .filter(|(organisation, _)| organisation == organisation_id)
        .map(|(_, document)| parse(&document))
        .collect()
}

/// An organisation's referrals in the list's order for one sort key and direction
/// (`domain::filter::compare`), with the user's favorite flag, read through a cursor:
/// rows arrive one by one, never the whole organisation at once.
pub struct InListOrder {
    sql: String,
    organisation_id: String,
    user_id: String,
}

impl InListOrder {
    pub fn new(
        pool: &Pool,
        organisation_id: &str,
        user_id: &str,
        sort: SortKey,
        direction: SortDirection,
        favorites_only: bool,
    ) -> InListOrder {
        // Text keys compare as bytes, as Rust compares strings: SQLite's default, PostgreSQL's "C".
        let bytewise = if is_sqlite(pool.connect_options().database_url.as_str()) {
            ""
        } else {
            " COLLATE \"C\""
        };
        let (key, collate) = match sort {
            SortKey::Created => ("r.created_at", bytewise),
            SortKey::Updated => ("r.updated_at", bytewise),
            SortKey::DealValue => ("r.deal_value_key", bytewise),
            SortKey::Expiry => ("r.answer_expires_at", bytewise),
            SortKey::EmailValidity => ("r.best_email_rank", ""),
            SortKey::PhoneValidity => ("r.best_phone_rank", ""),
        };
        let direction = match direction {
            SortDirection::Asc => "ASC",
            SortDirection::Desc => "DESC",
        };
        let only_favorites = if favorites_only {
            " AND f.referral_id IS NOT NULL"
        } else {
            ""
        };
        // A missing value sorts last in both directions, then ties go by id ascending.
        let sql = format!(
            "SELECT r.document, f.referral_id FROM referrals r \
             LEFT JOIN favorites f ON f.referral_id = r.id AND f.user_id = $2 \
             WHERE r.organisation_id = $1{only_favorites} \
             ORDER BY {key}{collate} {direction} NULLS LAST, r.id{bytewise} ASC"
        );
        InListOrder {
            sql,
            organisation_id: organisation_id.to_owned(),
            user_id: user_id.to_owned(),
        }
    }

    /// Each referral (as stored, not yet redacted) and whether it is the user's favorite.
    pub fn rows<'a>(
        &'a self,
        pool: &'a Pool,
    ) -> impl Stream<Item = Result<(Referral, bool), DbError>> + Send + 'a {
        sqlx::query_as::<_, (String, Option<String>)>(&self.sql)
            .bind(&self.organisation_id)
            .bind(&self.user_id)
            .fetch(pool)
            .map(|row| {
                let (document, favorite) = row?;
                Ok((parse(&document)?, favorite.is_some()))
            })
    }
}

/// One referral of an organisation; `None` for another organisation's or an unknown id.
pub async fn find(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
) -> Result<Option<Referral>, DbError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT document FROM referrals WHERE organisation_id = $1 AND id = $2")
            .bind(organisation_id)
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(document,)| parse(&document)).transpose()
}

/// One referral of an organisation (as stored, not yet redacted) and whether it is
/// `user_id`'s favorite, in one read; `None` for another organisation's or an unknown id.
pub async fn find_with_favorite(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
    id: &str,
) -> Result<Option<(Referral, bool)>, DbError> {
    let row: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT r.document, f.referral_id FROM referrals r \
         LEFT JOIN favorites f ON f.referral_id = r.id AND f.user_id = $3 \
         WHERE r.organisation_id = $1 AND r.id = $2",
    )
    .bind(organisation_id)
    .bind(id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    row.map(|(document, favorite)| Ok((parse(&document)?, favorite.is_some())))
        .transpose()
}

/// Stores a changed referral as change `change` if nobody changed it since
/// `expected_version` was read; returns the stored referral with its new version, or
/// `None` when it was changed meanwhile.
pub async fn update(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referral: &Referral,
    expected_version: i64,
    change: i64,
) -> Result<Option<Referral>, DbError> {
    let stored = Referral {
        e_tag: (expected_version + 1).to_string(),
        ..referral.clone()
    };
    let query = sqlx::query(UPDATE_SQL.as_str())
        .bind(expected_version + 1)
        .bind(change)
        .bind(document_of(&stored)?);
    let updated = Projection::of(&stored)
        .bind(query)
        .bind(organisation_id)
        .bind(&stored.id)
        .bind(expected_version)
        .execute(conn)
        .await?;
    Ok((updated.rows_affected() == 1).then_some(stored))
}

/// The next instant after `now` a system job must look at a referral. (A row already due
/// that the job could not close is retried at the regular interval, not in a tight loop.)
pub async fn next_due(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    let row: (Option<String>,) =
        sqlx::query_as("SELECT MIN(due_at) FROM referrals WHERE due_at > $1")
            .bind(stored_time(now))
            .fetch_one(conn)
            .await?;
    row.0.map(|text| read_time("due_at", &text)).transpose()
}

/// The organisations with a referral a system job must look at by `now`.
pub async fn organisations_with_due(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT organisation_id FROM referrals WHERE due_at <= $1")
            .bind(stored_time(now))
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Up to `limit` referrals of the organisation due by `now`, most overdue first, and how
/// many rows that read. A row whose document cannot be read is logged and taken out of
/// the due queue (its `due_at` cleared), so that it cannot stay at the head of the queue
/// and hold up every due referral behind it.
pub async fn due_in_organisation(
    conn: &mut AnyConnection,
    organisation_id: &str,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Due, DbError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, document FROM referrals WHERE organisation_id = $1 AND due_at <= $2 \
         ORDER BY due_at, id LIMIT $3",
    )
    .bind(organisation_id)
    .bind(stored_time(now))
    .bind(i64::try_from(limit).unwrap_or(i64::MAX))
    .fetch_all(&mut *conn)
    .await?;
    let mut due = Due {
        read: rows.len(),
        referrals: Vec::with_capacity(rows.len()),
        set_aside: 0,
    };
    for (id, document) in rows {
        match parse(&document) {
            Ok(referral) => due.referrals.push(referral),
            Err(error) => {
                tracing::error!(%error, %id, "a due referral is unreadable; it leaves the due queue");
                sqlx::query(
                    "UPDATE referrals SET due_at = NULL WHERE organisation_id = $1 AND id = $2",
                )
                .bind(organisation_id)
                .bind(&id)
                .execute(&mut *conn)
                .await?;
                due.set_aside += 1;
            }
        }
    }
    Ok(due)
}

/// What [`due_in_organisation`] found.
pub struct Due {
    /// Rows read, readable or not.
    pub read: usize,
    /// The readable ones.
    pub referrals: Vec<Referral>,
    /// Unreadable ones taken out of the due queue.
    pub set_aside: usize,
}

/// Derives the columns of rows written before the current projection (by an older
/// server, or before a migration added a column), a few hundred rows at a time.
pub async fn backfill_projection(pool: &Pool) -> Result<u64, DbError> {
    let mut projected = 0;
    let mut after = String::new();
    loop {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, document FROM referrals WHERE projection_version < $1 AND id > $2 \
             ORDER BY id LIMIT $3",
        )
        .bind(PROJECTION_VERSION)
        .bind(&after)
        .bind(ROWS_PER_INSERT as i64)
        .fetch_all(pool)
        .await?;
        let Some((last, _)) = rows.last() else {
            return Ok(projected);
        };
        after = last.clone();
        let mut transaction = pool.begin().await?;
        for (id, document) in &rows {
            let readable =
                parse(document).and_then(|referral| Ok((version_of(&referral)?, referral)));
            // An unreadable row keeps its old projection (and is tried again at the next start)
            // rather than keeping the server from starting.
            let (version, referral) = match readable {
                Ok(readable) => readable,
                Err(error) => {
                    tracing::error!(%id, %error, "cannot derive the sort columns of a referral");
                    continue;
                }
            };
            // A row changed meanwhile was written with the current projection: nothing to do.
            let updated = Projection::of(&referral)
                .bind(sqlx::query(BACKFILL_SQL.as_str()))
                .bind(id)
                .bind(version)
                .execute(&mut *transaction)
                .await?;
            projected += updated.rows_affected();
        }
        transaction.commit().await?;
    }
}

/// Gives every referral stored before the change feed existed (change number 0) a
/// change number of its own, a few hundred at a time, so the feed hands it out.
pub async fn number_unfed(pool: &Pool) -> Result<u64, DbError> {
    let mut numbered = 0;
    loop {
        // Read on the pool, then write in a transaction whose first statement writes: on
        // SQLite a transaction that reads first cannot wait for another writer.
        let first: Option<(String,)> =
            sqlx::query_as("SELECT organisation_id FROM referrals WHERE change_number = 0 LIMIT 1")
                .fetch_optional(pool)
                .await?;
        let Some((organisation_id,)) = first else {
            return Ok(numbered);
        };
        let ids: Vec<(String,)> = sqlx::query_as(
            "SELECT id FROM referrals WHERE organisation_id = $1 AND change_number = 0 \
             ORDER BY created_at, id LIMIT $2",
        )
        .bind(&organisation_id)
        .bind(ROWS_PER_INSERT as i64)
        .fetch_all(pool)
        .await?;
        let mut transaction = pool.begin().await?;
        let changes = feed::next_changes(&mut transaction, &organisation_id, ids.len()).await?;
        for ((id,), change) in ids.iter().zip(changes) {
            // Another instance starting at the same moment may have numbered it already.
            let updated = sqlx::query(
                "UPDATE referrals SET change_number = $1 WHERE id = $2 AND change_number = 0",
            )
            .bind(change)
            .bind(id)
            .execute(&mut *transaction)
            .await?;
            numbered += updated.rows_affected();
        }
        transaction.commit().await?;
    }
}

pub(super) fn parse(document: &str) -> Result<Referral, DbError> {
    serde_json::from_str(document).map_err(|e| DbError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn deal_value_keys_sort_as_the_numbers_do() {
        let ascending = [
            Decimal::MIN,
            decimal("-25000.5"),
            decimal("-1"),
            decimal("-0.0000000000000000000000000001"),
            Decimal::ZERO,
            decimal("0.0000000000000000000000000001"),
            decimal("0.05"),
            decimal("0.5"),
            decimal("1"),
            decimal("9.99"),
            decimal("10"),
            decimal("25000.50"),
            decimal("100000000000000000000"),
            Decimal::MAX,
        ];
        let keys: Vec<String> = ascending.iter().copied().map(deal_value_key).collect();
        for pair in keys.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{} should sort before {}",
                pair[0],
                pair[1]
            );
        }
        assert!(keys.iter().all(|key| key.len() == 58), "fixed width");
    }

    #[test]
    fn equal_deal_values_share_a_key_whatever_their_scale_or_sign_of_zero() {
        assert_eq!(
            deal_value_key(decimal("1.0")),
            deal_value_key(decimal("1.00"))
        );
        assert_eq!(
            deal_value_key(decimal("-0.00")),
            deal_value_key(Decimal::ZERO)
        );
        assert_eq!(
            deal_value_key(decimal("25000.50")),
            format!("1{:0>29}{:0<28}", "25000", "5")
        );
    }

    #[test]
    fn the_statements_number_their_parameters_in_order() {
        assert!(insert_sql(2).ends_with(
            "($19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36)"
        ));
        assert!(UPDATE_SQL.ends_with("WHERE organisation_id = $17 AND id = $18 AND version = $19"));
        assert!(BACKFILL_SQL.ends_with("WHERE id = $14 AND version = $15"));
    }
}
