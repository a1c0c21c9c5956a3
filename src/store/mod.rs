//! The signed-in organisation's referrals as the app holds them, shared by every view
//! (lists, counts, the lead's page and its previous/next), filtered and sorted in the
//! browser by the domain's `Filter`, the same code the server runs.
//!
//! They come from the server's change feed ([`sync`]): filled once after sign-in, then
//! kept current one change at a time, live ([`events`]). An action's answer and a heart
//! change their one referral at once. Everything the server sends is kept on the device
//! ([`cache`], IndexedDB), so a returning user sees their list before the network answers
//! and keeps working without it: changes made meanwhile wait in the [`outbox`] and are
//! sent once the server is back ([`drain`]). With several tabs open, one of them syncs
//! and sends; the others hear from it ([`tabs`]).

pub mod cache;
mod drain;
mod events;
mod notifications;
pub mod outbox;
mod snapshot;
pub mod stuck_reason;
mod sync;
mod tabs;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use domain::{ActionRequest, Actor, ExchangeRates, Referral, Stage};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ActionError, ApiError, Colleague, Session};
use cache::{Cached, Changes};
use outbox::{Change, Pending};

pub use notifications::Notifications;
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

/// How an action the user sent ended up.
#[derive(Debug, Clone, PartialEq)]
pub enum Acted {
    /// The server applied it: the referral as it is now.
    Applied(Referral),
    /// The server could not be reached: the action waits in the outbox, and the referral
    /// shows it applied on this device.
    Queued(Referral),
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
    /// Changes not yet confirmed by the server, in the order they are sent.
    outbox: RwSignal<Vec<Pending>>,
    /// The server's own version of each referral that has changes waiting (the shown one
    /// has them applied): what the cache keeps, and what the changes are applied to again.
    confirmed: StoredValue<HashMap<String, Referral>>,
    /// The versions this device's own queued actions made: (referral, the version an
    /// action was sent on) to the version the server answered. A form opened on a queued
    /// action's result (the version it was queued on) is sent on what that action made,
    /// so the user's own change is not taken for a colleague's.
    landed_versions: StoredValue<Vec<LandedVersion>>,
    /// Whether the last request reached the server (`navigator.onLine` is only a hint).
    online: RwSignal<bool>,
    /// Why the device could not save the latest changes, if it could not.
    storage_trouble: RwSignal<Option<String>>,
    /// What the cache held at start, for the user it belonged to; taken by the first fill.
    preloaded: StoredValue<Option<Cached>, LocalStorage>,
    /// The user whose data the cache holds now.
    cache_owner: StoredValue<Option<String>>,
    /// The dollar rates, as last fetched (Won applied on this device needs them).
    rates: StoredValue<Option<ExchangeRates>>,
    colleagues: StoredValue<Option<Vec<Colleague>>>,
    drain: StoredValue<drain::Drain, LocalStorage>,
    tabs: StoredValue<tabs::Tabs, LocalStorage>,
    /// Another tab changed the bell on the device (see `notifications`).
    bell_told: Trigger,
}

/// How many [`LandedVersion`]s are kept.
const LANDED_VERSIONS_KEPT: usize = 100;

/// An own queued action on a referral, sent on one version, landed as another (a few at
/// a time: a list searched in order is enough). Kept on the device, so a draft written on
/// a queued action's result still opens as typed after a reload once that action landed.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LandedVersion {
    referral_id: String,
    sent_on: String,
    made: String,
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
            outbox: RwSignal::new(Vec::new()),
            confirmed: StoredValue::new(HashMap::new()),
            landed_versions: StoredValue::new(Vec::new()),
            online: RwSignal::new(true),
            storage_trouble: RwSignal::new(None),
            preloaded: StoredValue::new_local(None),
            cache_owner: StoredValue::new(None),
            rates: StoredValue::new(None),
            colleagues: StoredValue::new(None),
            drain: StoredValue::new_local(drain::Drain::default()),
            tabs: StoredValue::new_local(tabs::Tabs::default()),
            bell_told: Trigger::new(),
        };
        provide_context(store);
        cache::report_trouble_to(store.storage_trouble);
        let clock = crate::clock::Clock::current();
        Effect::new(move |_| store.close_due(clock.now()));
        // Another user (or nobody) now: what the previous one saw goes, and so does their feed.
        Effect::new(move |previous: Option<Option<String>>| {
            let user = user.get();
            if previous.as_ref() == Some(&user) {
                return user;
            }
            tabs::leave(store);
            sync::stop(store);
            drain::stop(store);
            store.data.set(None);
            store.favorites.set(HashSet::new());
            store.hearts_in_flight.set_value(HashMap::new());
            store.sync_state.set(SyncState::default());
            store.outbox.set(Vec::new());
            store.confirmed.set_value(HashMap::new());
            store.landed_versions.set_value(Vec::new());
            if let Some(user) = &user {
                store.open_for(user);
            }
            user
        });
        // The signed-in account as the server last described it (a role change included)
        // is what a start without the server signs in with.
        Effect::new(move |_| {
            if let Some(me) = session.me()
                && store.cache_owner.get_value().as_deref() == Some(me.user.id.as_str())
            {
                cache::write_soon(Changes {
                    me: Some(me),
                    ..Changes::default()
                });
            }
        });
        store
    }

    /// Takes what the cache held at start ([`cache::open_and_load`]): the first fill for its
    /// user starts from it instead of the network.
    pub fn preload(self, cached: Cached) {
        self.cache_owner.set_value(Some(cached.me.user.id.clone()));
        self.preloaded.set_value(Some(cached));
    }

    /// `user` is signed in now: show what the cache holds for them at once (another
    /// user's data is forgotten first), then sync — from this tab if it is the one that
    /// syncs, else by hearing from that one.
    fn open_for(self, user: &str) {
        let preloaded = self
            .preloaded
            .try_update_value(Option::take)
            .flatten()
            .filter(|cached| cached.me.user.id == user);
        match preloaded {
            Some(cached) => self.restore(cached),
            None => {
                if self.cache_owner.get_value().as_deref() != Some(user) {
                    // Whatever the device holds belongs to someone else (or nobody): gone
                    // before anything of this user's is written.
                    cache::write_soon(Changes {
                        wipe: true,
                        ..Changes::default()
                    });
                    crate::drafts::clear_all();
                    self.cache_owner.set_value(Some(user.to_owned()));
                }
                if let Some(me) = Session::current().me_untracked() {
                    cache::write_soon(Changes {
                        me: Some(me),
                        ..Changes::default()
                    });
                }
                // Another tab of this user may have filled the cache already: show it
                // (this tab may not be the one that syncs).
                let user = user.to_owned();
                spawn_local(async move {
                    let Some(cached) = cache::open_and_load().await.filter(|cached| {
                        cached.me.user.id == user
                            && self.user.get_untracked().as_deref() == Some(user.as_str())
                    }) else {
                        return;
                    };
                    if self.data.with_untracked(Option::is_none) && !cached.referrals.is_empty() {
                        self.restore(cached);
                    } else if self.outbox.with_untracked(Vec::is_empty) && !cached.outbox.is_empty()
                    {
                        // The feed arrived before the device was read (the same user signing
                        // in again after the session ended): the changes they left waiting
                        // still go, or they would be lost.
                        self.outbox.set(cached.outbox);
                        self.landed_versions.set_value(cached.landed_versions);
                        drain::request(self);
                    }
                });
            }
        }
        cache::ask_to_persist();
        tabs::join(self);
    }

    /// Shows the cached referrals and outbox (the changes applied on top).
    fn restore(self, cached: Cached) {
        self.rates.set_value(cached.rates);
        self.colleagues.set_value(cached.colleagues);
        self.sync_state
            .update(|state| state.last_synced = cached.last_synced);
        self.outbox.set(cached.outbox);
        self.landed_versions.set_value(cached.landed_versions);
        let mut snapshot = Snapshot::default();
        for referral in cached.referrals {
            snapshot.upsert(self.overlaid(referral));
        }
        snapshot.set_cursor(cached.cursor);
        self.favorites.set(snapshot.favorites());
        self.data.set(Some(snapshot));
    }

    /// This tab syncs now (the first tab, or the one that took over from a closed one).
    fn lead(self) {
        sync::start(self);
        drain::start(self);
        // The team pickers and Won need these offline too: fetch them while online.
        spawn_local(async move {
            let _ = self.colleagues().await;
            let _ = self.exchange_rates().await;
        });
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
        let newer = self.data.with_untracked(|data| {
            data.as_ref()
                .and_then(|snapshot| snapshot.get(&referral.id))
                .is_none_or(|held| !is_older(&referral.e_tag, &held.e_tag))
        });
        // The lead's page hands over the server's copy each time it opens: when that is
        // the version held already, there is nothing to write, show or tell.
        let server_held = self
            .confirmed
            .with_value(|confirmed| confirmed.get(&referral.id).cloned())
            .or_else(|| self.referral_untracked(&referral.id));
        if !newer || server_held.as_ref() == Some(&referral) {
            return;
        }
        cache::write_soon(Changes {
            referrals: vec![referral.clone()],
            ..Changes::default()
        });
        tabs::tell_referrals(self, std::slice::from_ref(&referral));
        let shown = self.overlaid(referral);
        self.data.maybe_update(|data| match data {
            Some(snapshot) => snapshot.upsert(shown) != Upserted::KeptNewer,
            None => false,
        });
    }

    /// The server's version of a referral with the user's waiting changes applied, as
    /// the domain would apply them now; a change that no longer applies (a colleague
    /// acted first) is left to the server, which will say so.
    fn overlaid(self, server: Referral) -> Referral {
        let now = Utc::now();
        let waiting: Vec<Pending> = self.outbox.with_untracked(|outbox| {
            outbox
                .iter()
                .filter(|pending| pending.referral_id == server.id && pending.is_waiting())
                .cloned()
                .collect()
        });
        if waiting.is_empty() {
            self.confirmed.update_value(|confirmed| {
                confirmed.remove(&server.id);
            });
            return closed_if_due(server, now);
        }
        self.confirmed.update_value(|confirmed| {
            confirmed.insert(server.id.clone(), server.clone());
        });
        let actor = Session::current().me_untracked().map(|me| Actor::User {
            id: me.user.id,
            name: me.user.name,
        });
        let rates = self.rates.get_value().unwrap_or_default();
        let mut shown = server;
        for pending in waiting {
            match pending.change {
                Change::Favorite { favorite } => shown.favorite = favorite,
                Change::Act {
                    request, if_match, ..
                } if if_match == shown.e_tag => {
                    if let Some(actor) = &actor
                        && let Ok(next) = request.apply(&shown, actor, now, &rates)
                    {
                        shown = next;
                    }
                }
                Change::Act { .. } => {}
            }
        }
        closed_if_due(shown, now)
    }

    /// Time's rules on the device's clock: referrals whose 14 days (or an informational
    /// lead's six months) ran out show as the server's job will close them — without the
    /// server, too. Called as the clock ticks.
    fn close_due(self, now: DateTime<Utc>) {
        let due: Vec<Referral> = self.data.with_untracked(|data| {
            data.as_ref().map_or_else(Vec::new, |snapshot| {
                snapshot
                    .referrals()
                    .iter()
                    .filter_map(|referral| closed_now(referral, now))
                    .collect()
            })
        });
        if due.is_empty() {
            return;
        }
        self.data.update(|data| {
            if let Some(snapshot) = data {
                for referral in due {
                    snapshot.upsert(referral);
                }
            }
        });
    }

    /// Shows one referral again with the outbox as it is now (an item added, sent or dropped).
    fn reapply(self, id: &str) {
        let server = self
            .confirmed
            .with_value(|confirmed| confirmed.get(id).cloned())
            .or_else(|| {
                self.data.with_untracked(|data| {
                    data.as_ref().and_then(|snapshot| snapshot.get(id).cloned())
                })
            });
        let Some(server) = server else {
            return;
        };
        let shown = self.overlaid(server);
        let favorite = shown.favorite;
        self.data.update(|data| {
            if let Some(snapshot) = data {
                snapshot.upsert(shown);
            }
        });
        self.mark(id, favorite);
    }

    /// Sends a lifecycle action on `referral` (the version the user saw) once
    /// (`idempotency_key`). When the server cannot be reached — or earlier changes are
    /// still waiting, which must land first — it waits in the outbox instead, applied
    /// to the referral on this device. `baseline`: the form as it started (for a conflict).
    pub async fn act(
        self,
        referral: &Referral,
        request: ActionRequest,
        baseline: serde_json::Value,
        idempotency_key: &str,
    ) -> Result<Acted, ActionError> {
        let if_match = self.own_newest_version(&referral.id, &referral.e_tag);
        if !self.has_waiting() {
            let answer = api::act_on(&referral.id, &if_match, &request, idempotency_key).await;
            match answer {
                Ok(updated) => {
                    self.reached();
                    return Ok(Acted::Applied(updated));
                }
                Err(ActionError::Failed(error)) if drain::is_retryable(&error) => {
                    self.failed(&error);
                }
                Err(error) => return Err(error),
            }
        }
        let pending = self.queue(
            &referral.id,
            Change::Act {
                request: Box::new(request),
                if_match,
                baseline,
            },
            idempotency_key.to_owned(),
        );
        let _ = pending.await;
        let shown = self
            .referral_untracked(&referral.id)
            .unwrap_or_else(|| referral.clone());
        Ok(Acted::Queued(shown))
    }

    /// An own queued action on `id`, sent on version `sent_on`, landed as `made`.
    fn own_version_landed(self, id: &str, sent_on: &str, made: &str) {
        self.landed_versions.update_value(|versions| {
            versions.push(LandedVersion {
                referral_id: id.to_owned(),
                sent_on: sent_on.to_owned(),
                made: made.to_owned(),
            });
            // The oldest go first: a draft that old has long been sent or stopped.
            let over = versions.len().saturating_sub(LANDED_VERSIONS_KEPT);
            versions.drain(..over);
        });
    }

    /// Puts the versions own actions made on the device (the tab that sent them does).
    fn keep_landed_versions(self) {
        cache::write_soon(Changes {
            landed_versions: Some(self.landed_versions.get_value()),
            ..Changes::default()
        });
    }

    /// The referral as it is now, when the user's own landed actions made a newer version
    /// of it from `referral`'s (a form opened before they landed is sent on that version).
    pub fn own_change_beneath(self, referral: &Referral) -> Option<Referral> {
        let newest = self.own_newest_version(&referral.id, &referral.e_tag);
        if newest == referral.e_tag {
            return None;
        }
        self.referral_untracked(&referral.id)
    }

    /// The version of `id` this device's own landed actions made from `e_tag` (itself
    /// when none did).
    pub fn own_newest_version(self, id: &str, e_tag: &str) -> String {
        self.landed_versions.with_value(|versions| {
            let mut newest = e_tag.to_owned();
            // Each step is a newer version; the bound only guards against a cycle.
            for _ in 0..versions.len() {
                match versions
                    .iter()
                    .find(|landed| landed.referral_id == id && landed.sent_on == newest)
                {
                    Some(landed) => newest = landed.made.clone(),
                    None => break,
                }
            }
            newest
        })
    }

    /// Whether any change waits to be sent (not counting those the server refused).
    fn has_waiting(self) -> bool {
        self.outbox
            .with_untracked(|outbox| outbox.iter().any(Pending::is_waiting))
    }

    /// Puts a change in the outbox (on disk first when it can), shows it applied, and
    /// has the syncing tab send it.
    fn queue(
        self,
        referral_id: &str,
        change: Change,
        idempotency_key: String,
    ) -> impl Future<Output = Result<(), String>> + use<> {
        let last = self
            .outbox
            .with_untracked(|outbox| outbox.iter().map(|p| p.seq).max());
        let random = (js_sys::Math::random() * 1024.0) as u64;
        let pending = Pending {
            seq: outbox::next_seq(last, js_sys::Date::now(), random),
            referral_id: referral_id.to_owned(),
            change,
            idempotency_key,
            queued_at: Utc::now(),
            stuck: None,
        };
        let written = cache::write(Changes {
            outbox_put: vec![pending.clone()],
            ..Changes::default()
        });
        self.outbox.update(|outbox| outbox.push(pending));
        self.reapply(referral_id);
        async move {
            let outcome = written.await;
            tabs::tell_outbox(self);
            drain::request(self);
            outcome
        }
    }

    /// The changes waiting or stuck (tracked), in order.
    pub fn outbox(self) -> Vec<Pending> {
        self.outbox.get()
    }

    /// The changes on one referral that have not landed (tracked).
    pub fn pending_on(self, id: &str) -> Vec<Pending> {
        self.outbox.with(|outbox| {
            outbox
                .iter()
                .filter(|pending| pending.referral_id == id)
                .cloned()
                .collect()
        })
    }

    /// How many changes wait to be sent (tracked).
    pub fn waiting_count(self) -> usize {
        self.outbox
            .with(|outbox| outbox.iter().filter(|p| p.is_waiting()).count())
    }

    /// How many changes stopped (refused, or run into a colleague's) and wait for the
    /// user on their referral's page (tracked).
    pub fn stopped_count(self) -> usize {
        self.outbox
            .with(|outbox| outbox.iter().filter(|p| !p.is_waiting()).count())
    }

    /// Whether the last request reached the server (tracked).
    pub fn is_online(self) -> bool {
        self.online.get()
    }

    /// Why the device could not save the latest changes, if so (tracked).
    pub fn storage_trouble(self) -> Option<String> {
        self.storage_trouble.get()
    }

    /// The user drops a change: one waiting to be sent, or one the server refused or that
    /// met a colleague's change (the referral shows as the server has it). An action's form comes back as a
    /// draft when `keep_as_draft`, opening on the conflict view.
    pub fn drop_pending(self, seq: u64) -> Option<Pending> {
        let dropped = self.outbox.try_update(|outbox| {
            let at = outbox.iter().position(|p| p.seq == seq)?;
            Some(outbox.remove(at))
        })??;
        tabs::write_outbox(
            self,
            Changes {
                outbox_removed: vec![seq],
                ..Changes::default()
            },
        );
        self.reapply(&dropped.referral_id);
        drain::request(self);
        Some(dropped)
    }

    /// A request reached the server.
    fn reached(self) {
        if !self.online.get_untracked() {
            self.online.set(true);
        }
    }

    /// A request failed: when it did not reach the server, the app is offline until one
    /// does; an error answer still means the server is there.
    fn failed(self, error: &ApiError) {
        if *error == ApiError::Unreachable {
            self.unreachable();
        } else {
            self.reached();
        }
    }

    /// A request did not reach the server: the app is offline until one does.
    fn unreachable(self) {
        if self.online.get_untracked() {
            self.online.set(false);
        }
    }

    /// The people of the organisation for the team pickers: from the server, else as
    /// last fetched (offline).
    pub async fn colleagues(self) -> Result<Vec<Colleague>, ApiError> {
        let answer = api::colleagues().await;
        self.fresh_or_kept(answer, self.colleagues, |colleagues| Changes {
            colleagues: Some(colleagues),
            ..Changes::default()
        })
    }

    /// The dollar rates the server decides deal registration with: from the server, else
    /// as last fetched (offline).
    pub async fn exchange_rates(self) -> Result<ExchangeRates, ApiError> {
        let answer = api::exchange_rates().await;
        self.fresh_or_kept(answer, self.rates, |rates| Changes {
            rates: Some(rates),
            ..Changes::default()
        })
    }

    /// The server's answer, kept in `kept` and on the device (`keep`); without one, what
    /// was kept last.
    fn fresh_or_kept<T: Clone + Send + Sync + 'static>(
        self,
        answer: Result<T, ApiError>,
        kept: StoredValue<Option<T>>,
        keep: impl FnOnce(T) -> Changes,
    ) -> Result<T, ApiError> {
        match answer {
            Ok(value) => {
                self.reached();
                let _ = kept.try_set_value(Some(value.clone()));
                cache::write_soon(keep(value.clone()));
                Ok(value)
            }
            Err(error) => kept.try_get_value().flatten().ok_or(error),
        }
    }

    /// Forgets everything this device holds (on sign-out), after the server ended the session.
    pub async fn forget_device(self) {
        let _ = cache::clear().await;
        self.cache_owner.set_value(None);
        tabs::tell_signed_out(self);
    }

    fn referral_untracked(self, id: &str) -> Option<Referral> {
        self.data
            .with_untracked(|data| data.as_ref().and_then(|snapshot| snapshot.get(id).cloned()))
    }

    /// Hearts or un-hearts a referral at once, then tells the server. When the server
    /// cannot be reached (or earlier changes wait), the heart waits in the outbox and
    /// stays; a refusal turns it back. `done` gets the outcome.
    pub fn set_favorite(
        self,
        id: String,
        favorite: bool,
        done: impl FnOnce(Result<(), ApiError>) + 'static,
    ) {
        // Behind earlier changes, or behind this referral's heart still on its way (from
        // another view of it): queued, which the drain sends once that one has answered,
        // so the server ends with the user's last choice. A tab that does not sync
        // queues every heart: only the tab that does knows every heart on its way.
        let in_flight = self
            .hearts_in_flight
            .with_value(|hearts| hearts.contains_key(&id));
        if self.has_waiting() || in_flight || !drain::is_leading(self) {
            let queued = self.queue(
                &id,
                Change::Favorite { favorite },
                api::new_idempotency_key(),
            );
            spawn_local(async move {
                let _ = queued.await;
                done(Ok(()));
            });
            return;
        }
        self.hearts_in_flight.update_value(|hearts| {
            hearts.insert(id.clone(), favorite);
        });
        self.mark(&id, favorite);
        spawn_local(async move {
            let answer = api::set_favorite(&id, favorite).await;
            self.hearts_in_flight.update_value(|hearts| {
                hearts.remove(&id);
            });
            // A later choice queued meanwhile supersedes this one, whatever its answer.
            let superseded = self.outbox.with_untracked(|queue| {
                queue.iter().any(|pending| {
                    pending.referral_id == id && matches!(pending.change, Change::Favorite { .. })
                })
            });
            match answer {
                Ok(()) => {
                    self.reached();
                    self.heart_landed(&id, favorite);
                    done(Ok(()));
                }
                Err(error) if drain::is_retryable(&error) => {
                    self.failed(&error);
                    if !superseded {
                        let queued = self.queue(
                            &id,
                            Change::Favorite { favorite },
                            api::new_idempotency_key(),
                        );
                        let _ = queued.await;
                    }
                    done(Ok(()));
                }
                Err(error) => {
                    if !superseded {
                        self.mark(&id, !favorite);
                    }
                    done(Err(error));
                }
            }
            // What was queued behind this heart may go now.
            drain::request(self);
        });
    }

    /// The server took a heart: the cache and the other tabs learn it.
    fn heart_landed(self, id: &str, favorite: bool) {
        let server = self
            .confirmed
            .with_value(|confirmed| confirmed.get(id).cloned())
            .or_else(|| self.referral_untracked(id));
        if let Some(mut server) = server {
            server.favorite = favorite;
            if self.confirmed.with_value(|c| c.contains_key(id)) {
                self.confirmed.update_value(|c| {
                    c.insert(id.to_owned(), server.clone());
                });
            }
            cache::write_soon(Changes {
                referrals: vec![server.clone()],
                ..Changes::default()
            });
            tabs::tell_referrals(self, &[server]);
        }
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

/// `referral` as the system's job will have closed it by `now`, if it is due.
fn closed_if_due(referral: Referral, now: DateTime<Utc>) -> Referral {
    closed_now(&referral, now).unwrap_or(referral)
}

/// The referral as the server will hand it out once its job has closed it: an Expired
/// one without its contacts (shown, searched and exported alike).
fn closed_now(referral: &Referral, now: DateTime<Utc>) -> Option<Referral> {
    domain::lifecycle::close_if_due(referral, now).map(Referral::redacted)
}
