//! Users of partner organisations.

use chrono::{DateTime, Utc};
use domain::Role;
use domain::i18n::Locale;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::{DbError, Pool, read_time, stored_time};

/// A user as stored, with their organisation's name.
#[derive(Debug, Clone)]
pub struct UserRecord {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password_hash: String,
    /// The language the user chose; `None` until they choose.
    pub locale: Option<Locale>,
    /// Where they want lead emails instead of their sign-in address, if anywhere.
    pub notification_email: Option<String>,
    /// When a partner admin deactivated them; `None` while they are active.
    pub deactivated_at: Option<DateTime<Utc>>,
    pub last_signed_in_at: Option<DateTime<Utc>>,
}

impl UserRecord {
    pub fn is_active(&self) -> bool {
        self.deactivated_at.is_none()
    }

    /// What they may do, as the domain's access rules see them.
    pub fn member(&self) -> domain::Member<'_> {
        domain::Member {
            role: self.role,
            email: &self.email,
        }
    }
}

pub struct NewUser<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
}

pub async fn insert(pool: &Pool, user: NewUser<'_>, now: DateTime<Utc>) -> Result<(), DbError> {
    let mut conn = pool.acquire().await?;
    if insert_new(&mut conn, user, now).await? {
        Ok(())
    } else {
        Err(DbError::Corrupt("a user with this email exists".to_owned()))
    }
}

/// Stores a new user unless an account with their email exists (the column's unique
/// index decides, so two racing writers cannot both store one); `false` then.
pub async fn insert_new(
    conn: &mut AnyConnection,
    user: NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let inserted = sqlx::query(
        "INSERT INTO users (id, organisation_id, email, name, role, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
    )
    .bind(user.id)
    .bind(user.organisation_id)
    .bind(user.email.trim().to_lowercase())
    .bind(user.name)
    .bind(user.role.as_str())
    .bind(user.password_hash)
    .bind(stored_time(now))
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Whether an account of this organisation (active or not) has this email. Another
/// organisation's account is not told apart from no account: who has an account where is
/// that organisation's to know (the address's owner learns it on accepting).
pub async fn email_in_organisation(
    conn: &mut AnyConnection,
    organisation_id: &str,
    email: &str,
) -> Result<bool, DbError> {
    let found: Option<(String,)> =
        sqlx::query_as("SELECT id FROM users WHERE email = $1 AND organisation_id = $2")
            .bind(email.trim().to_lowercase())
            .bind(organisation_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// The columns [`from_row`] reads, from `users u` joined with `organisations o`.
pub(super) const USER_COLUMNS: &str = "u.id, u.organisation_id, o.name, u.email, u.name, u.role, \
     u.password_hash, u.locale, u.notification_email, u.deactivated_at, u.last_signed_in_at";

fn select_user() -> String {
    format!("SELECT {USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id")
}

/// The user in `row`'s [`USER_COLUMNS`], which start at column `first`.
pub(super) fn from_row(row: &AnyRow, first: usize) -> Result<UserRecord, DbError> {
    let text = |offset: usize| row.try_get::<String, _>(first + offset);
    let optional = |offset: usize| row.try_get::<Option<String>, _>(first + offset);
    let time = |offset: usize, column: &str| {
        optional(offset)?
            .map(|at| read_time(column, &at))
            .transpose()
    };
    let role = text(5)?
        .parse()
        .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?;
    let locale = optional(7)?
        .map(|tag| tag.parse())
        .transpose()
        .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?;
    Ok(UserRecord {
        id: text(0)?,
        organisation_id: text(1)?,
        organisation_name: text(2)?,
        email: text(3)?,
        name: text(4)?,
        role,
        password_hash: text(6)?,
        locale,
        notification_email: optional(8)?,
        deactivated_at: time(9, "deactivated_at")?,
        last_signed_in_at: time(10, "last_signed_in_at")?,
    })
}

/// The active user with this email (sign-in's lookup: a deactivated one is nobody).
pub async fn find_active_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<UserRecord>, DbError> {
    if !super::may_be_stored(email) {
        return Ok(None);
    }
    let row = sqlx::query(&format!(
        "{} WHERE u.email = $1 AND u.deactivated_at IS NULL",
        select_user()
    ))
    .bind(email.trim().to_lowercase())
    .fetch_optional(conn)
    .await?;
    row.map(|row| from_row(&row, 0)).transpose()
}

/// One user of one organisation; `None` for another organisation's or an unknown ID.
pub async fn find_in_organisation(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
) -> Result<Option<UserRecord>, DbError> {
    let row = sqlx::query(&format!(
        "{} WHERE u.organisation_id = $1 AND u.id = $2",
        select_user()
    ))
    .bind(organisation_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    row.map(|row| from_row(&row, 0)).transpose()
}

/// Gives a user of the organisation another role as change `change` (so their feed
/// tells them); it applies from their next request.
pub async fn set_role(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
    role: Role,
    change: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET role = $1, change_number = $2 WHERE organisation_id = $3 AND id = $4",
    )
    .bind(role.as_str())
    .bind(change)
    .bind(organisation_id)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Keeps the language a user chose.
pub async fn set_locale(
    conn: &mut AnyConnection,
    user_id: &str,
    locale: Locale,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale.tag())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Keeps where a user wants lead emails (`None`: their sign-in address), lower-cased
/// as sign-in addresses are.
pub async fn set_notification_email(
    conn: &mut AnyConnection,
    user_id: &str,
    email: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET notification_email = $1 WHERE id = $2")
        .bind(email.map(|email| email.trim().to_lowercase()))
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deactivates (`Some(now)`) or reactivates (`None`) a user of the organisation as change
/// `change` (so their feed tells them); a deactivated person's sessions are the caller's
/// to end in the same transaction.
pub async fn set_deactivated(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
    deactivated_at: Option<DateTime<Utc>>,
    change: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET deactivated_at = $1, change_number = $2 WHERE organisation_id = $3 AND id = $4",
    )
    .bind(deactivated_at.map(stored_time))
    .bind(change)
    .bind(organisation_id)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Keeps a new password hash (argon2id PHC string).
pub async fn set_password_hash(
    conn: &mut AnyConnection,
    user_id: &str,
    password_hash: &str,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Notes that the user signed in at `now`.
pub async fn record_sign_in(
    conn: &mut AnyConnection,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET last_signed_in_at = $1 WHERE id = $2")
        .bind(stored_time(now))
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many active users of the organisation have `role`.
pub async fn count_active_with_role(
    conn: &mut AnyConnection,
    organisation_id: &str,
    role: Role,
) -> Result<i64, DbError> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM users WHERE organisation_id = $1 AND role = $2 AND deactivated_at IS NULL",
    )
    .bind(organisation_id)
    .bind(role.as_str())
    .fetch_one(conn)
    .await?;
    Ok(count)
}

/// The active users of one organisation, by name (team pickers).
pub async fn list_active_for_organisation(
    pool: &Pool,
    organisation_id: &str,
) -> Result<Vec<UserRecord>, DbError> {
    let mut conn = pool.acquire().await?;
    let mut people = list_for_organisation(&mut conn, organisation_id).await?;
    people.retain(UserRecord::is_active);
    Ok(people)
}

/// Every user of one organisation, active or not, by name (the people screen).
pub async fn list_for_organisation(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Vec<UserRecord>, DbError> {
    let rows = sqlx::query(&format!(
        "{} WHERE u.organisation_id = $1 ORDER BY u.name, u.id",
        select_user()
    ))
    .bind(organisation_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|row| from_row(row, 0)).collect()
}
