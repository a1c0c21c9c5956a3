//! Users of partner organisations.

use chrono::{DateTime, Utc};
use domain::Role;
use domain::i18n::Locale;

use sqlx::AnyConnection;

use super::{DbError, Pool, stored_time};

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
    sqlx::query(
        "INSERT INTO users (id, organisation_id, email, name, role, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(user.id)
    .bind(user.organisation_id)
    .bind(user.email.trim().to_lowercase())
    .bind(user.name)
    .bind(user.role.as_str())
    .bind(user.password_hash)
    .bind(stored_time(now))
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) const SELECT_USER: &str = "SELECT u.id, u.organisation_id, o.name, u.email, u.name, u.role, u.password_hash, u.locale, u.notification_email \
     FROM users u JOIN organisations o ON o.id = u.organisation_id";

pub(super) type UserRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

pub(super) fn from_row(row: UserRow) -> Result<UserRecord, DbError> {
    let (
        id,
        organisation_id,
        organisation_name,
        email,
        name,
        role,
        password_hash,
        locale,
        notification_email,
    ) = row;
    let role = role
        .parse()
        .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?;
    let locale = locale
        .map(|tag| tag.parse())
        .transpose()
        .map_err(|e: domain::UnknownValue| DbError::Corrupt(e.to_string()))?;
    Ok(UserRecord {
        id,
        organisation_id,
        organisation_name,
        email,
        name,
        role,
        password_hash,
        locale,
        notification_email,
    })
}

pub async fn find_by_email(pool: &Pool, email: &str) -> Result<Option<UserRecord>, DbError> {
    let row: Option<UserRow> = sqlx::query_as(&format!("{SELECT_USER} WHERE u.email = $1"))
        .bind(email.trim().to_lowercase())
        .fetch_optional(pool)
        .await?;
    row.map(from_row).transpose()
}

/// One user of one organisation; `None` for another organisation's or an unknown ID.
pub async fn find_in_organisation(
    conn: &mut AnyConnection,
    organisation_id: &str,
    user_id: &str,
) -> Result<Option<UserRecord>, DbError> {
    let row: Option<UserRow> = sqlx::query_as(&format!(
        "{SELECT_USER} WHERE u.organisation_id = $1 AND u.id = $2"
    ))
    .bind(organisation_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    row.map(from_row).transpose()
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

/// How many users of the organisation have `role`.
pub async fn count_with_role(
    conn: &mut AnyConnection,
    organisation_id: &str,
    role: Role,
) -> Result<i64, DbError> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM users WHERE organisation_id = $1 AND role = $2")
            .bind(organisation_id)
            .bind(role.as_str())
            .fetch_one(conn)
            .await?;
    Ok(count)
}

/// The users of one organisation, by name.
pub async fn list_for_organisation(
    pool: &Pool,
    organisation_id: &str,
) -> Result<Vec<UserRecord>, DbError> {
    let rows: Vec<UserRow> = sqlx::query_as(&format!(
        "{SELECT_USER} WHERE u.organisation_id = $1 ORDER BY u.name, u.id"
    ))
    .bind(organisation_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(from_row).collect()
}
