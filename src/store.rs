//! The signed-in organisation's referrals as the app holds them: loaded once per
//! session through [`api`], shared by every view (lists, counts, the detail page's
//! previous/next), filtered and sorted in the browser by the domain's `Filter`, the
//! same code the server runs. Delta sync and the offline cache plug in here.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::{Filter, Referral, SearchIndex, Stage};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError, Session};

/// One load of the organisation's referrals, with its search index built once.
#[derive(Debug)]
pub struct Snapshot {
    pub referrals: Vec<Referral>,
    pub index: SearchIndex,
    pub loaded_at: DateTime<Utc>,
}

impl PartialEq for Snapshot {
    /// A new load is a new snapshot, even when nothing changed.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Snapshot {
    fn new(referrals: Vec<Referral>) -> Snapshot {
        Snapshot {
            index: SearchIndex::new(&referrals),
            referrals,
            loaded_at: Utc::now(),
        }
    }

    /// Positions of the referrals that pass `filter`, in its order.
    pub fn positions(&self, filter: &Filter) -> Vec<usize> {
        filter.positions(&self.referrals, Some(&self.index))
    }
}

/// Where the load stands.
pub type Loaded = Result<Arc<Snapshot>, ApiError>;

/// The app's referrals and the user's favorites; provided once, copied freely.
#[derive(Clone, Copy)]
pub struct Referrals {
    /// The last load, with the user it was made for.
    load: LocalResource<(Option<String>, Loaded)>,
    /// Who is signed in now: a load made for someone else is never shown.
    user: Memo<Option<String>>,
    /// The user's favorites: filled from each load, changed at once by the hearts.
    favorites: RwSignal<HashSet<String>>,
    /// A reload asked for and not answered yet (the previous load stays on screen meanwhile).
    reloading: RwSignal<bool>,
    /// The last load that worked, with its user: a failed reload (offline, server down)
    /// keeps showing it rather than taking the list away.
    last_good: RwSignal<Option<(Option<String>, Arc<Snapshot>)>>,
}

impl Referrals {
    /// Loads the referrals whenever a user signs in, and provides the store.
    pub fn provide() -> Referrals {
        let session = expect_context::<Session>();
        let user = Memo::new(move |_| session.me().map(|me| me.user.id));
        let load = LocalResource::new(move || {
            let for_user = user.get();
            async move {
                let loaded = match for_user {
                    Some(_) => api::list_referrals()
                        .await
                        .map(|all| Arc::new(Snapshot::new(all))),
                    None => Ok(Arc::new(Snapshot::new(Vec::new()))),
                };
                (for_user, loaded)
            }
        });
        let favorites = RwSignal::new(HashSet::new());
        let store = Referrals {
            load,
            user,
            favorites,
            reloading: RwSignal::new(false),
            last_good: RwSignal::new(None),
        };
        // Reads the resource itself, not `loaded()`, which reads `last_good` that this writes.
        Effect::new(move |_| {
            let Some((for_user, loaded)) = load.get() else {
                return;
            };
            store.reloading.set(false);
            if let Ok(snapshot) = loaded {
                store.last_good.set(Some((for_user, snapshot.clone())));
                favorites.set(
                    snapshot
                        .referrals
                        .iter()
                        .filter(|referral| referral.favorite)
                        .map(|referral| referral.id.clone())
                        .collect(),
                );
            }
        });
        provide_context(store);
        store
    }

    /// The store provided by [`Referrals::provide`].
    pub fn current() -> Referrals {
        expect_context()
    }

    /// The latest load for the signed-in user; `None` while their first one runs (tracked).
    /// A reload keeps showing the previous load until the new one is in, and a reload
    /// that failed keeps showing it too (see [`Referrals::sync_error`]).
    pub fn loaded(self) -> Option<Loaded> {
        let user = self.user.get();
        let latest = self
            .load
            .get()
            .filter(|(loaded_for, _)| *loaded_for == user)
            .map(|(_, loaded)| loaded);
        match latest {
            Some(Err(error)) => Some(self.last_good_for(&user).ok_or(error)),
            latest => latest,
        }
    }

    /// Why the last reload failed, when an earlier load is still shown (tracked).
    pub fn sync_error(self) -> Option<ApiError> {
        let user = self.user.get();
        match self.load.get()? {
            (loaded_for, Err(error)) if loaded_for == user => {
                self.last_good_for(&user).map(|_| error)
            }
            _ => None,
        }
    }

    fn last_good_for(self, user: &Option<String>) -> Option<Arc<Snapshot>> {
        self.last_good.with(|last| match last {
            Some((loaded_for, snapshot)) if loaded_for == user => Some(snapshot.clone()),
            _ => None,
        })
    }

    /// Loads again from the server (after an error, or to catch up).
    pub fn reload(self) {
        self.reloading.set(true);
        self.load.refetch();
    }

    /// Whether a reload is under way (tracked).
    pub fn is_reloading(self) -> bool {
        self.reloading.get()
    }

    /// How many referrals each stage holds (tracked); `None` until loaded.
    pub fn count(self, stage: Stage) -> Option<usize> {
        let snapshot = self.loaded()?.ok()?;
        Some(
            snapshot
                .referrals
                .iter()
                .filter(|r| r.stage() == stage)
                .count(),
        )
    }

    /// How many favorites the user has (tracked); `None` until loaded.
    pub fn favorite_count(self) -> Option<usize> {
        matches!(self.loaded(), Some(Ok(_))).then(|| self.favorites.with(HashSet::len))
    }

    /// Whether the user hearted this referral (tracked).
    pub fn is_favorite(self, id: &str) -> bool {
        self.favorites.with(|favorites| favorites.contains(id))
    }

    /// The user's favorites (tracked).
    pub fn favorites(self) -> ReadSignal<HashSet<String>> {
        self.favorites.read_only()
    }

    /// Hearts or un-hearts a referral at once, then tells the server; if the server
    /// cannot save it, the heart changes back. `done` gets the server's answer.
    pub fn set_favorite(
        self,
        id: String,
        favorite: bool,
        done: impl FnOnce(Result<(), ApiError>) + 'static,
    ) {
        self.mark(&id, favorite);
        spawn_local(async move {
            let answer = api::set_favorite(&id, favorite).await;
            if answer.is_err() {
                self.mark(&id, !favorite);
            }
            done(answer);
        });
    }

    fn mark(self, id: &str, favorite: bool) {
        self.favorites.update(|favorites| {
            if favorite {
                favorites.insert(id.to_owned());
            } else {
                favorites.remove(id);
            }
        });
    }
}
