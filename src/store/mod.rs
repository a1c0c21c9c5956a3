//! The signed-in organisation's referrals as the app holds them, shared by every view
//! (lists, counts, the lead's page and its previous/next), filtered and sorted in the
//! browser by the domain's `Filter`, the same code the server runs.
//!
//! They come from the server's change feed ([`sync`]): filled once after sign-in, then
//! kept current one change at a time, live ([`events`]). An action's answer and a heart
//! change their one referral at once. The offline cache (IndexedDB) plugs in here: it
//! persists the [`Snapshot`] (referrals + cursor) and hands it to [`sync`] at start.

mod events;
mod snapshot;
mod sync;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use domain::{Referral, Stage};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError, Session};

pub use snapshot::{Snapshot, Upserted, is_older};

/// How the app stands with the server's change feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncState {
    /// When the last pull succeeded.
    pub last_synced: Option<DateTime<Utc>>,
    /// Why the last pull failed, until one succeeds.
    pub error: Option<ApiError>,
    /// The user asked for a pull ("Sync now") that has not finished yet.
    pub asked: bool,
}

/// The app's referrals and the user's favorites; provided once, copied freely.
#[derive(Clone, Copy)]
pub struct Referrals {
    /// Who is signed in now: their referrals are the only ones held.
    user: Memo<Option<String>>,
    /// `None` until the first fill for the signed-in user is in.
    data: RwSignal<Option<Snapshot>>,
    /// The ids of the referrals the user hearted, kept with `data` (hearts and the
    /// Favorites view follow this alone, not every change to every referral).
    favorites: RwSignal<HashSet<String>>,
    /// Hearts sent and not answered yet, with the value sent: the feed's older word on
    /// them does not turn them back meanwhile.
    hearts_in_flight: StoredValue<HashMap<String, bool>>,
    sync_state: RwSignal<SyncState>,
    engine: StoredValue<sync::Engine, LocalStorage>,
}

impl Referrals {
    /// Creates the store and provides it; it fills and syncs whenever a user is signed in.
    pub fn provide() -> Referrals {
        let session = expect_context::<Session>();
        let user = Memo::new(move |_| session.me().map(|me| me.user.id));
        let store = Referrals {
            user,
            data: RwSignal::new(None),
            favorites: RwSignal::new(HashSet::new()),
            hearts_in_flight: StoredValue::new(HashMap::new()),
            sync_state: RwSignal::new(SyncState::default()),
            engine: StoredValue::new_local(sync::Engine::default()),
        };
        provide_context(store);
        // Another user (or nobody) now: what the previous one saw goes, and so does their feed.
        Effect::new(move |previous: Option<Option<String>>| {
            let user = user.get();
            if previous.as_ref() == Some(&user) {
                return user;
            }
            sync::stop(store);
            store.data.set(None);
            store.favorites.set(HashSet::new());
            store.hearts_in_flight.set_value(HashMap::new());
            store.sync_state.set(SyncState::default());
            if user.is_some() {
                sync::start(store);
            }
            user
        });
        store
    }

    /// The store provided by [`Referrals::provide`].
    pub fn current() -> Referrals {
        expect_context()
    }

    /// Reads the referrals (tracked: called again on every change); `None` until the
    /// first fill after sign-in is in.
    pub fn with_snapshot<R>(self, read: impl FnOnce(&Snapshot) -> R) -> Option<R> {
        self.data.with(|data| data.as_ref().map(read))
    }

    /// Why there is nothing to show yet: the first fill failed (tracked).
    pub fn fill_error(self) -> Option<ApiError> {
        let filled = self.data.with(Option::is_some);
        (!filled)
            .then(|| self.sync_state.with(|state| state.error.clone()))
            .flatten()
    }

    /// One referral as held now (tracked).
    pub fn referral(self, id: &str) -> Option<Referral> {
        self.data
            .with(|data| data.as_ref().and_then(|snapshot| snapshot.get(id).cloned()))
    }

    /// Where the sync stands (tracked).
    pub fn sync_state(self) -> SyncState {
        self.sync_state.get()
    }

    /// Pulls what changed now ("Sync now", Retry).
    pub fn sync_now(self) {
        self.sync_state.update(|state| state.asked = true);
        sync::request(self);
    }

    /// How many referrals each stage holds (tracked); `None` until loaded.
    pub fn count(self, stage: Stage) -> Option<usize> {
        self.with_snapshot(|snapshot| {
            snapshot
                .referrals()
                .iter()
                .filter(|r| r.stage() == stage)
                .count()
        })
    }

    /// How many favorites the user has (tracked); `None` until loaded.
    pub fn favorite_count(self) -> Option<usize> {
        let filled = self.data.with(Option::is_some);
        filled.then(|| self.favorites.with(HashSet::len))
    }

    /// Whether the user hearted this referral (tracked).
    pub fn is_favorite(self, id: &str) -> bool {
        self.favorites.with(|favorites| favorites.contains(id))
    }

    /// The user's favorites (tracked).
    pub fn favorites(self) -> ReadSignal<HashSet<String>> {
        self.favorites.read_only()
    }

    /// The server's answer about one referral (an action's result, the lead's page
    /// refreshing it): it replaces the one held at once, unless a newer one is held.
    /// The heart stays as the feed and the user's clicks left it.
    pub fn seen(self, mut referral: Referral) {
        referral.favorite = self.is_favorite_untracked(&referral.id);
        self.data.maybe_update(|data| match data {
            Some(snapshot) => snapshot.upsert(referral) != Upserted::KeptNewer,
            None => false,
        });
    }

    /// Hearts or un-hearts a referral at once, then tells the server; if the server
    /// cannot save it, the heart changes back. `done` gets the server's answer.
    pub fn set_favorite(
        self,
        id: String,
        favorite: bool,
        done: impl FnOnce(Result<(), ApiError>) + 'static,
    ) {
        self.hearts_in_flight.update_value(|hearts| {
            hearts.insert(id.clone(), favorite);
        });
        self.mark(&id, favorite);
        spawn_local(async move {
            let answer = api::set_favorite(&id, favorite).await;
            self.hearts_in_flight.update_value(|hearts| {
                hearts.remove(&id);
            });
            if answer.is_err() {
                self.mark(&id, !favorite);
            }
            done(answer);
        });
    }

    fn is_favorite_untracked(self, id: &str) -> bool {
        self.favorites
            .with_untracked(|favorites| favorites.contains(id))
    }

    /// Records a heart in the favorites and on the referral (which the cache persists).
    fn mark(self, id: &str, favorite: bool) {
        if self.is_favorite_untracked(id) != favorite {
            self.favorites.update(|favorites| {
                if favorite {
                    favorites.insert(id.to_owned());
                } else {
                    favorites.remove(id);
                }
            });
        }
        // Views read hearts from `favorites`: the referral's own flag changes quietly.
        self.data.update_untracked(|data| {
            if let Some(snapshot) = data {
                snapshot.set_favorite(id, favorite);
            }
        });
    }

    /// The cursor the referrals are current to, without tracking.
    fn cursor_untracked(self) -> Option<String> {
        self.data.with_untracked(|data| {
            data.as_ref()
                .and_then(|snapshot| snapshot.cursor().map(str::to_owned))
        })
    }
}
