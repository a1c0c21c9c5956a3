//! The mail outbox: emails written in the transaction that causes them, sent later by
//! `jobs::mail`. A sender claims a row with a lease (a conditional `UPDATE`, which works
//! alike on SQLite and PostgreSQL), so two instances never send the same row at once,
//! and a row whose sender died is taken again once its lease runs out.

use chrono::{DateTime, NaiveDate, Utc};
use domain::i18n::Locale;
use domain::notifications::Person;
use sqlx::AnyConnection;

use super::{DbError, Pool, read_time, stored_time};

/// What a row's mail is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// One new lead, sent at once.
    Lead,
    /// A recipient's leads of one day after their first ten, sent when the day ends.
    Digest,
    /// An invitation to join the organisation, with its one-time link.
    Invitation,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Lead => "lead",
            MailKind::Digest => "digest",
            MailKind::Invitation => "invitation",
        }
    }

    fn parse(text: &str) -> Result<MailKind, DbError> {
        match text {
            "lead" => Ok(MailKind::Lead),
            "digest" => Ok(MailKind::Digest),
            "invitation" => Ok(MailKind::Invitation),
            other => Err(DbError::Corrupt(format!("mail kind {other:?}"))),
        }
    }
}

/// A mail to write to the outbox.
pub struct NewMail<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub recipient: &'a str,
    pub locale: Locale,
    pub kind: MailKind,
    pub day: NaiveDate,
    /// What the mail says, as `mail::MailContent` JSON.
    pub content: &'a str,
    pub message_id: &'a str,
    pub due_at: DateTime<Utc>,
}

/// A claimed row, as the sender needs it.
#[derive(Debug, Clone)]
pub struct OutboxMail {
    pub id: String,
    pub recipient: String,
    pub locale: Locale,
    pub kind: MailKind,
    pub day: NaiveDate,
    pub content: String,
    pub message_id: String,
    pub created_at: DateTime<Utc>,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

/// The organisation's name, as its mails sign off with it.
pub async fn organisation_name(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<String, DbError> {
    let (name,): (String,) = sqlx::query_as("SELECT name FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(conn)
        .await?;
    Ok(name)
}

/// email, notification_email, role, locale, deactivated_at
type PersonRow = (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

/// The organisation's people as lead emails see them: sign-in and preferred address,
/// role, language, and whether they were deactivated (then they hear of no lead, even
/// as a business profile's contact).
pub async fn people(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Vec<Person>, DbError> {
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT email, notification_email, role, locale, deactivated_at FROM users \
         WHERE organisation_id = $1 ORDER BY id",
    )
    .bind(organisation_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(email, preferred_email, role, locale, deactivated_at)| {
            Ok(Person {
                active: deactivated_at.is_none(),
                email,
                preferred_email,
                role: role
                    .parse()
                    .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?,
                locale: locale
                    .map(|tag| tag.parse())
                    .transpose()
                    .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?,
            })
        })
        .collect()
}

pub async fn insert(
    conn: &mut AnyConnection,
    mail: NewMail<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let digest_key = (mail.kind == MailKind::Digest)
        .then(|| digest_key(mail.organisation_id, mail.recipient, mail.day));
    sqlx::query(
        "INSERT INTO mail_outbox (id, organisation_id, recipient, locale, kind, day, digest_key, content, message_id, created_at, due_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(mail.id)
    .bind(mail.organisation_id)
    .bind(mail.recipient)
    .bind(mail.locale.tag())
    .bind(mail.kind.as_str())
    .bind(mail.day.to_string())
    .bind(digest_key)
    .bind(mail.content)
    .bind(mail.message_id)
    .bind(stored_time(now))
    .bind(stored_time(mail.due_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// How many single-lead mails the recipient already has for `day` in this organisation.
/// The caller holds the organisation's change lock (the lead's insert took it), so
/// arrivals of one organisation count one after another.
pub async fn individual_count(
    conn: &mut AnyConnection,
    organisation_id: &str,
    recipient: &str,
    day: NaiveDate,
) -> Result<usize, DbError> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM mail_outbox WHERE organisation_id = $1 AND recipient = $2 AND day = $3 AND kind = 'lead'",
    )
    .bind(organisation_id)
    .bind(recipient)
    .bind(day.to_string())
    .fetch_one(conn)
    .await?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}

/// The recipient's digest of `day` as long as no sender has taken it: its id and content.
pub async fn open_digest(
    conn: &mut AnyConnection,
    organisation_id: &str,
    recipient: &str,
    day: NaiveDate,
) -> Result<Option<(String, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, content FROM mail_outbox WHERE digest_key = $1 AND sent_at IS NULL AND lease_until IS NULL",
    )
    .bind(digest_key(organisation_id, recipient, day))
    .fetch_optional(conn)
    .await?)
}

/// Whether the recipient's digest of `day` exists at all (open, being sent, or sent).
pub async fn digest_exists(
    conn: &mut AnyConnection,
    organisation_id: &str,
    recipient: &str,
    day: NaiveDate,
) -> Result<bool, DbError> {
    let found: Option<(String,)> =
        sqlx::query_as("SELECT id FROM mail_outbox WHERE digest_key = $1")
            .bind(digest_key(organisation_id, recipient, day))
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// Replaces an open digest's content; `false` when a sender took it meanwhile.
pub async fn update_open_digest(
    conn: &mut AnyConnection,
    id: &str,
    content: &str,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE mail_outbox SET content = $1 WHERE id = $2 AND sent_at IS NULL AND lease_until IS NULL",
    )
    .bind(content)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}

fn digest_key(organisation_id: &str, recipient: &str, day: NaiveDate) -> String {
    format!("{organisation_id}|{recipient}|{day}")
}

/// Up to `limit` rows due by `now` that nobody holds, oldest due first (candidates: a
/// claim may still lose one to another sender).
pub async fn due_ids(
    pool: &Pool,
    now: DateTime<Utc>,
    max_attempts: i64,
    limit: i64,
) -> Result<Vec<String>, DbError> {
    let now = stored_time(now);
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND due_at <= $1 \
         AND (lease_until IS NULL OR lease_until <= $1) AND attempts < $2 \
         ORDER BY due_at, id LIMIT $3",
    )
    .bind(&now)
    .bind(max_attempts)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// A claimed row as `claim` reads it back: id, recipient, locale, kind, day, content,
/// message id, created at, attempts.
type ClaimedRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
);

/// Takes the row for sending until `lease_until`, counting the attempt; `None` when it
/// is sent, or another sender holds it (their `UPDATE` came first: on PostgreSQL the
/// second waits for the first's row lock and then finds the condition false).
pub async fn claim(
    pool: &Pool,
    id: &str,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    max_attempts: i64,
) -> Result<Option<OutboxMail>, DbError> {
    let now = stored_time(now);
    // The attempts are checked here too: another sender may have given the row up
    // since it was listed as due.
    let row: Option<ClaimedRow> =
        sqlx::query_as(
            "UPDATE mail_outbox SET lease_until = $1, attempts = attempts + 1 \
             WHERE id = $2 AND sent_at IS NULL AND due_at <= $3 AND (lease_until IS NULL OR lease_until <= $3) \
             AND attempts < $4 \
             RETURNING id, recipient, locale, kind, day, content, message_id, created_at, attempts",
        )
        .bind(stored_time(lease_until))
        .bind(id)
        .bind(&now)
        .bind(max_attempts)
        .fetch_optional(pool)
        .await?;
    let Some((id, recipient, locale, kind, day, content, message_id, created_at, attempts)) = row
    else {
        return Ok(None);
    };
    Ok(Some(OutboxMail {
        locale: locale
            .parse()
            .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?,
        kind: MailKind::parse(&kind)?,
        day: day
            .parse()
            .map_err(|e| DbError::Corrupt(format!("mail day {day:?}: {e}")))?,
        created_at: read_time("created_at", &created_at)?,
        id,
        recipient,
        content,
        message_id,
        attempts,
    }))
}

/// Records the mail as sent (only by the holder of its lease, `lease_until`); `forget`
/// replaces its content, so a secret only the mail was to carry (an invitation's link)
/// leaves the database with it.
pub async fn mark_sent(
    pool: &Pool,
    id: &str,
    lease_until: DateTime<Utc>,
    now: DateTime<Utc>,
    forget: Option<&str>,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE mail_outbox SET sent_at = $1, lease_until = NULL, last_error = NULL, content = COALESCE($2, content) \
         WHERE id = $3 AND lease_until = $4",
    )
    .bind(stored_time(now))
    .bind(forget)
    .bind(id)
    .bind(stored_time(lease_until))
    .execute(pool)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Records a failed attempt (only by the holder of its lease, `lease_until`; `false`
/// when the lease was lost): tried again from `retry_at`, or never again (`None`: its
/// attempts are set to `max_attempts`, so no sender claims it). `forget`, when given,
/// replaces its content (what a mail given up need not keep).
pub async fn mark_failed(
    pool: &Pool,
    id: &str,
    lease_until: DateTime<Utc>,
    retry_at: Option<DateTime<Utc>>,
    max_attempts: i64,
    error: &str,
    forget: Option<&str>,
) -> Result<bool, DbError> {
    let query = match retry_at {
        Some(retry_at) => sqlx::query(
            "UPDATE mail_outbox SET lease_until = NULL, due_at = $1, last_error = $2, content = COALESCE($3, content) \
             WHERE id = $4 AND lease_until = $5",
        )
        .bind(stored_time(retry_at)),
        None => sqlx::query(
            "UPDATE mail_outbox SET lease_until = NULL, attempts = $1, last_error = $2, content = COALESCE($3, content) \
             WHERE id = $4 AND lease_until = $5",
        )
        .bind(max_attempts),
    };
    let updated = query
        .bind(error)
        .bind(forget)
        .bind(id)
        .bind(stored_time(lease_until))
        .execute(pool)
        .await?;
    Ok(updated.rows_affected() == 1)
}

/// Invitation mails given up (`max_attempts` used, none in hand at `now`: a sender
/// may have died on the last one, so nobody marked it failed) whose content still holds
/// a link (its token is not the empty one `without_link` leaves): their ids and content,
/// for the purge to forget their links.
pub async fn given_up_invitations(
    conn: &mut AnyConnection,
    max_attempts: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(String, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, content FROM mail_outbox \
         WHERE kind = 'invitation' AND sent_at IS NULL AND attempts >= $1 \
         AND (lease_until IS NULL OR lease_until < $2) AND content NOT LIKE '%\"token\":\"\"%'",
    )
    .bind(max_attempts)
    .bind(stored_time(now))
    .fetch_all(conn)
    .await?)
}

/// Replaces the content of the unsent row `id` (what a mail given up need not keep).
pub async fn forget_content(
    conn: &mut AnyConnection,
    id: &str,
    content: &str,
) -> Result<bool, DbError> {
    let updated =
        sqlx::query("UPDATE mail_outbox SET content = $1 WHERE id = $2 AND sent_at IS NULL")
            .bind(content)
            .bind(id)
            .execute(conn)
            .await?;
    Ok(updated.rows_affected() == 1)
}

/// When the next unsent row falls due, so the sender can sleep until then.
pub async fn next_due(pool: &Pool, max_attempts: i64) -> Result<Option<DateTime<Utc>>, DbError> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT MIN(due_at) FROM mail_outbox WHERE sent_at IS NULL AND attempts < $1",
    )
    .bind(max_attempts)
    .fetch_optional(pool)
    .await?;
    row.and_then(|(due,)| due)
        .map(|due| read_time("due_at", &due))
        .transpose()
}

/// Forgets mails sent before `before`; unsent ones, and those that failed for good
/// (an operator's evidence), are kept.
pub async fn purge_sent(conn: &mut AnyConnection, before: DateTime<Utc>) -> Result<u64, DbError> {
    let purged = sqlx::query("DELETE FROM mail_outbox WHERE sent_at IS NOT NULL AND sent_at < $1")
        .bind(stored_time(before))
        .execute(conn)
        .await?;
    Ok(purged.rows_affected())
}
