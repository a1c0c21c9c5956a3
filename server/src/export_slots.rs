//! Turns for CSV exports. An export holds a database connection for its whole download,
//! so only half the pool's connections may export at once (the rest of the app keeps
//! its own), and each organisation gets at most a share of those, so one organisation's
//! stalled downloads can never make another's wait.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::db::Pool;

#[derive(Debug)]
pub struct ExportSlots {
    overall: Arc<Semaphore>,
    capacity: usize,
    per_organisation: usize,
    organisations: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// An export's turn: both its organisation's slot and one of the server's.
#[derive(Debug)]
pub struct ExportTurn {
    _organisation: OwnedSemaphorePermit,
    _overall: OwnedSemaphorePermit,
}

impl ExportSlots {
    /// Half the pool's connections, at least one; each organisation half of those (at least one).
    pub fn for_pool(pool: &Pool) -> ExportSlots {
        let connections = pool.options().get_max_connections() as usize;
        let capacity = (connections / 2).max(1);
        ExportSlots::new(capacity, (capacity / 2).max(1))
    }

    pub fn new(capacity: usize, per_organisation: usize) -> ExportSlots {
        ExportSlots {
            overall: Arc::new(Semaphore::new(capacity)),
            capacity,
            per_organisation,
            organisations: Mutex::default(),
        }
    }

    /// Waits for the organisation's turn, then the server's.
    pub async fn turn(&self, organisation_id: &str) -> ExportTurn {
        let organisation = self.organisation(organisation_id);
        let organisation = organisation
            .acquire_owned()
            .await
            .expect("export semaphores are never closed");
        let overall = self
            .overall
            .clone()
            .acquire_owned()
            .await
            .expect("export semaphores are never closed");
        ExportTurn {
            _organisation: organisation,
            _overall: overall,
        }
    }

    /// Exports running now (for the metrics).
    pub fn in_use(&self) -> usize {
        self.capacity - self.overall.available_permits()
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    fn organisation(&self, organisation_id: &str) -> Arc<Semaphore> {
        let mut organisations = self
            .organisations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Forget organisations with no export running or waiting, so the map stays small.
        organisations.retain(|_, slots| {
            Arc::strong_count(slots) > 1 || slots.available_permits() < self.per_organisation
        });
        organisations
            .entry(organisation_id.to_owned())
            .or_insert_with(|| Arc::new(Semaphore::new(self.per_organisation)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn one_organisation_cannot_take_every_slot() {
        let slots = ExportSlots::new(2, 1);
        let _first = slots.turn("org-a").await;
        let second_of_a =
            tokio::time::timeout(Duration::from_millis(50), slots.turn("org-a")).await;
        assert!(second_of_a.is_err(), "org-a waits for its own slot");
        let other = tokio::time::timeout(Duration::from_millis(50), slots.turn("org-b")).await;
        assert!(other.is_ok(), "org-b gets the other slot at once");
        assert_eq!(slots.in_use(), 2);
    }
}
