//! Turns for writing, in arrival order, where the database takes one writer at a time.
//!
//! SQLite lets one connection write at a time. A second writer is told "busy" and
//! retries on SQLite's own back-off, sleeping 1, 2, 5, … up to 100 ms between tries: under
//! load that is both slow and unfair (a late writer can win while an early one sleeps).
//! The busy writes of this process (referral actions, hearts, an ingested lead's insert)
//! take a turn here first, so they queue without sleeping and in the order they came.
//! The busy timeout stays as the safety net for everything else that writes (sign-ins,
//! jobs, an API key's last-use stamp), which is rare, and for a writer that waited
//! [`PATIENCE`] for its turn: it then goes without one, as every writer did before, so
//! an overloaded server still fails a request after its timeouts instead of queueing it
//! for ever.
//!
//! PostgreSQL needs no turns: it locks rows, and its lock queues are already first come,
//! first served without sleeping (writers of one organisation queue on its change
//! number's row, `feed::next_change`).

use std::time::Duration;

use tokio::sync::{Mutex, MutexGuard};

use super::{Pool, is_sqlite};

/// How long a writer waits for its turn before it goes without; SQLite's busy timeout
/// (`connect_and_migrate`), how long it then waits for each lock, is set from it.
pub const PATIENCE: Duration = Duration::from_secs(5);

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

    /// Waits for this request's turn (tokio's mutex queues its waiters first come, first
    /// served), at most [`PATIENCE`].
    pub async fn take(&self) -> Turn<'_> {
        Turn {
            _held: match &self.0 {
                Some(turns) => tokio::time::timeout(PATIENCE, turns.lock()).await.ok(),
                None => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex as StdMutex};

    fn turns_for(url: &str) -> WriteTurns {
        sqlx::any::install_default_drivers();
        let pool = sqlx::any::AnyPoolOptions::new().connect_lazy(url).unwrap();
        WriteTurns::for_pool(&pool)
    }

    #[tokio::test]
    async fn on_sqlite_writers_go_one_at_a_time_in_the_order_they_came() {
        let turns = Arc::new(turns_for("sqlite:///tmp/desk.db?mode=rwc"));
        let first = turns.take().await;
        let order = Arc::new(StdMutex::new(Vec::new()));
        let mut writers = Vec::new();
        for writer in 1..=3 {
            let (turns, order) = (turns.clone(), order.clone());
            writers.push(tokio::spawn(async move {
                let _turn = turns.take().await;
                order.lock().unwrap().push(writer);
                tokio::task::yield_now().await;
            }));
            // The new writer runs (on this one thread) until it waits in the queue.
            tokio::task::yield_now().await;
        }
        assert!(
            order.lock().unwrap().is_empty(),
            "a writer went during the first one's turn"
        );
        drop(first);
        for writer in writers {
            writer.await.unwrap();
        }
        assert_eq!(*order.lock().unwrap(), vec![1, 2, 3]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_writer_that_waited_too_long_goes_without_a_turn() {
        let turns = turns_for("sqlite://desk.db");
        let _stuck = turns.take().await;
        let late = turns.take().await;
        assert!(late._held.is_none());
    }

    #[tokio::test]
    async fn on_postgresql_writers_take_no_turns() {
        let turns = turns_for("postgres://localhost/none");
        let _first = turns.take().await;
        tokio::time::timeout(Duration::from_millis(50), turns.take())
            .await
            .expect("PostgreSQL writers run side by side");
    }
}
