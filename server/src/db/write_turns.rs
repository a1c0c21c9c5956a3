//! Turns for writing, in arrival order, where the database takes one writer at a time.
//!
//! SQLite lets one connection write at a time. A second writer is told "busy" and
//! retries on SQLite's own back-off, sleeping 1, 2, 5, … up to 100 ms between tries: under
//! load that is both slow and unfair (a late writer can win while an early one sleeps).
//! The busy requests of this process (referral actions, hearts) take a turn here first,
//! so they queue without sleeping and in the order they came. The busy timeout stays as
//! the safety net for everything else that writes (sign-ins, jobs), which is rare.
//!
//! PostgreSQL locks rows, not the database: writers to different referrals run side by
//! side, so there are no turns to take.

use tokio::sync::{Mutex, MutexGuard};

use super::{Pool, is_sqlite};

pub struct WriteTurns(Option<Mutex<()>>);

/// Held while a write runs; the next writer's turn comes when it is dropped.
pub struct Turn<'a> {
    _held: Option<MutexGuard<'a, ()>>,
}

impl WriteTurns {
    pub fn for_pool(pool: &Pool) -> WriteTurns {
        let one_writer = is_sqlite(pool.connect_options().database_url.as_str());
        WriteTurns(one_writer.then(|| Mutex::new(())))
    }

    /// Waits for this request's turn (tokio's mutex queues its waiters first come, first served).
    pub async fn take(&self) -> Turn<'_> {
        Turn {
            _held: match &self.0 {
                Some(turns) => Some(turns.lock().await),
                None => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    async fn turns_for(url: &str) -> WriteTurns {
        sqlx::any::install_default_drivers();
        let pool = sqlx::any::AnyPoolOptions::new().connect_lazy(url).unwrap();
        WriteTurns::for_pool(&pool)
    }

    #[tokio::test]
    async fn on_sqlite_a_second_writer_waits_for_the_first_turn_to_end() {
        let turns = turns_for("sqlite::memory:").await;
        let first = turns.take().await;
        let second = tokio::time::timeout(Duration::from_millis(50), turns.take()).await;
        assert!(
            second.is_err(),
            "the second writer went while the first held its turn"
        );
        drop(first);
        tokio::time::timeout(Duration::from_secs(5), turns.take())
            .await
            .expect("the turn passes on once the first writer is done");
    }

    #[tokio::test]
    async fn on_postgresql_writers_take_no_turns() {
        let turns = turns_for("postgres://localhost/none").await;
        let _first = turns.take().await;
        tokio::time::timeout(Duration::from_millis(50), turns.take())
            .await
            .expect("PostgreSQL writers run side by side");
    }
}
