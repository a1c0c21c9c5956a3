//! Live updates: tells open event streams when their organisation's feed moves.
//!
//! A write on this server announces its change at once ([`Live::changed`]); writes on
//! other servers sharing the PostgreSQL database are seen by [`Live::watch`], which
//! reads every organisation's newest change number about once a second. Streams
//! only learn *that* the feed moved; the app then pulls the delta itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;

use crate::db::{self, Pool};

#[derive(Debug)]
pub struct Live {
    organisations: Mutex<HashMap<String, watch::Sender<i64>>>,
    /// Set when the server shuts down, so open streams end and let it stop.
    closing: watch::Sender<bool>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            organisations: Mutex::default(),
            closing: watch::channel(false).0,
        }
    }
}

impl Live {
    /// The organisation's newest change number as this server knows it, updated as it moves.
    pub fn subscribe(&self, organisation_id: &str, current: i64) -> watch::Receiver<i64> {
        let mut organisations = self.lock();
        let sender = organisations
            .entry(organisation_id.to_owned())
            .or_insert_with(|| watch::channel(current).0);
        sender.send_if_modified(|known| raise(known, current));
        sender.subscribe()
    }

    /// Announces that the organisation's feed reached `change`.
    pub fn changed(&self, organisation_id: &str, change: i64) {
        if let Some(sender) = self.lock().get(organisation_id) {
            sender.send_if_modified(|known| raise(known, change));
        }
    }

    /// Ends every open stream (at shutdown).
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Resolves once the server is shutting down.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Reads the organisations' change numbers every `every` while anyone listens, so
    /// changes written by other servers reach this server's streams too.
    pub async fn watch(self: Arc<Self>, pool: Pool, every: Duration) {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut closing = self.closing();
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = closing.wait_for(|closing| *closing) => return,
            }
            if !self.has_listeners() {
                continue;
            }
            let read = async {
                let mut conn = pool.acquire().await?;
                db::feed::last_changes(&mut conn).await
            };
            match read.await {
                Ok(changes) => {
                    for (organisation_id, change) in changes {
                        self.changed(&organisation_id, change);
                    }
                }
                Err(error) => tracing::warn!(%error, "cannot read the change feed's counters"),
            }
        }
    }

    /// Whether any stream is open; forgets organisations nobody listens to.
    fn has_listeners(&self) -> bool {
        let mut organisations = self.lock();
        organisations.retain(|_, sender| sender.receiver_count() > 0);
        !organisations.is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, watch::Sender<i64>>> {
        // A panic while holding the lock leaves a map that is still whole.
        self.organisations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Feeds only move forward: an older number (a late announcement) changes nothing.
fn raise(known: &mut i64, change: i64) -> bool {
    if change > *known {
        *known = change;
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_change_reaches_the_organisations_listeners_only() {
        let live = Live::default();
        let mut ours = live.subscribe("org-1", 5);
        let mut theirs = live.subscribe("org-2", 9);
        live.changed("org-1", 6);
        assert!(ours.has_changed().unwrap());
        assert_eq!(*ours.borrow_and_update(), 6);
        assert!(!theirs.has_changed().unwrap());
        live.changed("org-1", 4);
        assert!(!ours.has_changed().unwrap(), "never moves backwards");
        assert_eq!(*theirs.borrow_and_update(), 9);
    }
}
