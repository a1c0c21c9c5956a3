//! The database layer: one pool over SQLite (embedded default) or PostgreSQL, chosen by URL.
//!
//! Queries are written once in portable SQL against `sqlx::Any`; `$1`-style
//! placeholders and the column types used work on both databases.

pub mod api_keys;
pub mod business_profiles;
pub mod favorites;
pub mod feed;
pub mod idempotency;
pub mod ingested;
pub mod invitations;
pub mod mail_outbox;
pub mod notifications;
pub mod organisations;
pub mod referrals;
pub mod sessions;
pub mod users;
pub mod write_turns;

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub type Pool = AnyPool;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored record is unreadable: {0}")]
    Corrupt(String),
    #[error("cannot prepare the database file: {0}")]
    Io(#[from] std::io::Error),
}

/// Opens the database named by `url`, creating an SQLite file (and its directory) on first use,
/// and brings its schema and the referrals' derived columns up to date.
pub async fn connect_and_migrate(url: &str) -> Result<Pool, DbError> {
    sqlx::any::install_default_drivers();
    let url = prepare_sqlite_file(url)?;
    let options = AnyConnectOptions::from_str(&url)?;
    let pool = AnyPoolOptions::new()
        .max_connections(if is_sqlite(&url) { 4 } else { 10 })
        .acquire_timeout(Duration::from_secs(10))
        // A PostgreSQL connection may have been dropped (a restart, a failover): it is
        // pinged before use. An SQLite one is a file opened by this process and cannot
        // hang up, and its ping is one more round trip to its thread on every acquire.
        .test_before_acquire(!is_sqlite(&url))
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                if conn.backend_name() == "SQLite" {
                    // WAL lets readers run beside the writer; the busy timeout makes
                    // a second writer wait instead of failing at once.
                    // A writer that waited out its turn's patience waits as long for a lock.
                    let busy_timeout = write_turns::PATIENCE.as_millis();
                    conn.execute(
                        format!(
                            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                             PRAGMA busy_timeout = {busy_timeout};"
                        )
                        .as_str(),
                    )
                    .await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    let projected = referrals::backfill_projection(&pool).await?;
    if projected > 0 {
        tracing::info!(
            referrals = projected,
            "derived the sort columns of stored referrals"
        );
    }
    let numbered = referrals::number_unfed(&pool).await?;
    if numbered > 0 {
        tracing::info!(
            referrals = numbered,
            "numbered stored referrals for the change feed"
        );
    }
    Ok(pool)
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// For an SQLite URL: creates the file's directory and asks for the file to be created.
fn prepare_sqlite_file(url: &str) -> Result<String, DbError> {
    if !is_sqlite(url) {
        return Ok(url.to_owned());
    }
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)?;
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Whether some stored text could equal `text`. PostgreSQL's text cannot hold U+0000
/// (it refuses the query, SQLSTATE 22021, where SQLite would just find nothing), and
/// nothing with one is ever stored: a lookup of such text is answered "none" unasked.
pub fn may_be_stored(text: &str) -> bool {
    !text.contains('\0')
}

/// The stored form of an instant: fixed-width RFC 3339 in UTC, so text order is time order.
pub fn stored_time(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Reads back an instant written by [`stored_time`]; `column` names it in the error.
pub fn read_time(column: &str, text: &str) -> Result<DateTime<Utc>, DbError> {
    DateTime::parse_from_rfc3339(text)
        .map(|instant| instant.to_utc())
        .map_err(|e| DbError::Corrupt(format!("{column} {text:?}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn stored_times_sort_as_text_in_time_order() {
        let earlier = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let later = earlier + chrono::Duration::microseconds(1);
        assert_eq!(stored_time(earlier), "2026-01-02T03:04:05.000000Z");
        assert!(stored_time(earlier) < stored_time(later));
    }

    #[test]
    fn sqlite_urls_ask_for_the_file_to_be_created() {
        let dir = std::env::temp_dir().join(format!("rd-{}", uuid::Uuid::new_v4()));
        let url = format!("sqlite://{}/nested/desk.db", dir.display());
        assert_eq!(
            prepare_sqlite_file(&url).unwrap(),
            format!("{url}?mode=rwc")
        );
        assert!(dir.join("nested").is_dir());
        assert_eq!(
            prepare_sqlite_file("sqlite::memory:?cache=shared").unwrap(),
            "sqlite::memory:?cache=shared&mode=rwc"
        );
        assert_eq!(
            prepare_sqlite_file("postgres://localhost/x").unwrap(),
            "postgres://localhost/x"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
