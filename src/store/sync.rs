//! The sync engine: keeps the store's referrals current with the server's change feed.
//!
//! After sign-in it fills the store from the feed's pages (`GET /api/v1/sync` without
//! `since`, following `more`), then only ever asks what changed after its cursor and
//! applies that by id. It pulls at start, when the server's event stream announces a
//! cursor other than the store's, when the stream reconnects, on window focus, when
//! the browser comes back online, every minute, and when the user asks. One pull runs
//! at a time; asking while one runs queues exactly one more. A cursor the server does
//! not know (400/404) means starting over: a fresh fill replaces what was held.

use std::collections::HashMap;
use std::time::Duration;

use chrono::Utc;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::cache::{self, Changes};
use super::events::CursorEvents;
use super::{Referrals, Snapshot, SyncState, Upserted, drain, tabs};
use crate::api::{self, ApiError, SyncPage};

/// The most referrals per page the server hands out: fewer round trips for a fill.
/// index.html asks for a fill's first page with the same limit before the app arrives
/// (src/api/early.rs): the two must stay equal for the app to take that answer.
const PAGE_LIMIT: usize = 1000;
/// A pull even when nothing announced one (a missed event, a stream that cannot connect).
const EVERY: Duration = Duration::from_secs(60);

/// Where the pulls stand; one per app, in the store.
#[derive(Default)]
pub(super) struct Engine {
    /// Bumped at sign-in and sign-out: a pull started for another session drops its answer.
    generation: u64,
    running: bool,
    /// A pull asked for while one ran: the next one to run.
    queued: Option<Why>,
    /// The newest cursor the event stream announced.
    announced: Option<String>,
    /// What triggers pulls while someone is signed in.
    triggers: Option<Triggers>,
}

/// Why a pull was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    /// The event stream announced a cursor the store is not at: no need once it is.
    Announced,
    /// Anything else (start, focus, online, the minute, the user): always pulls.
    Asked,
}

impl Engine {
    /// A pull is asked for: `true` when it should start now, else it is queued (exactly
    /// one more, whatever the number of requests meanwhile).
    fn ask(&mut self, why: Why) -> bool {
        if self.running {
            self.queued = match (self.queued, why) {
                (Some(Why::Asked), _) | (_, Why::Asked) => Some(Why::Asked),
                _ => Some(Why::Announced),
            };
            false
        } else {
            self.running = true;
            true
        }
    }

    /// A pull ended with the store at `cursor`: `true` when the queued one should run now.
    fn finished(&mut self, cursor: Option<&str>) -> bool {
        let again = match self.queued.take() {
            None => false,
            Some(Why::Announced) => self.announced.as_deref() != cursor,
            Some(Why::Asked) => true,
        };
        self.running = again;
        again
    }
}

struct Triggers {
    events: CursorEvents,
    every_minute: Option<IntervalHandle>,
    on_focus: WindowListenerHandle,
    on_online: WindowListenerHandle,
}

impl Triggers {
    fn stop(self) {
        self.events.close();
        if let Some(every_minute) = self.every_minute {
            every_minute.clear();
        }
        self.on_focus.remove();
        self.on_online.remove();
    }
}

/// Someone signed in: fill the store and keep it current.
pub(super) fn start(store: Referrals) {
    let events = CursorEvents::open(
        move |cursor| announced(store, cursor),
        move || request(store),
    );
    let every_minute = set_interval_with_handle(move || request(store), EVERY).ok();
    let on_focus = window_event_listener(ev::focus, move |_| request(store));
    let on_online = window_event_listener(ev::online, move |_| {
        request(store);
        store.engine.with_value(|engine| {
            if let Some(triggers) = &engine.triggers {
                triggers.events.reconnect_if_closed();
            }
        });
    });
    let previous = store
        .engine
        .try_update_value(|engine| {
            engine.generation += 1;
            engine.triggers.replace(Triggers {
                events,
                every_minute,
                on_focus,
                on_online,
            })
        })
        .flatten();
    if let Some(previous) = previous {
        previous.stop();
    }
    request(store);
}

/// Signed out (or another user): no more pulls, and none under way is applied.
pub(super) fn stop(store: Referrals) {
    let triggers = store
        .engine
        .try_update_value(|engine| {
            engine.generation += 1;
            engine.queued = None;
            engine.announced = None;
            engine.triggers.take()
        })
        .flatten();
    if let Some(triggers) = triggers {
        triggers.stop();
    }
}

/// Pulls now, or right after the pull under way.
pub(super) fn request(store: Referrals) {
    request_because(store, Why::Asked);
}

/// The event stream says the organisation's feed is at `cursor`.
fn announced(store: Referrals, cursor: String) {
    let behind = store.cursor_untracked().as_ref() != Some(&cursor);
    store
        .engine
        .update_value(|engine| engine.announced = Some(cursor));
    if behind {
        request_because(store, Why::Announced);
    }
}

fn request_because(store: Referrals, why: Why) {
    if store.user.get_untracked().is_none() {
        return;
    }
    let start = store
        .engine
        .try_update_value(|engine| engine.ask(why))
        .unwrap_or(false);
    if start {
        spawn_local(run(store));
    }
}

/// Pulls until nothing is queued.
async fn run(store: Referrals) {
    loop {
        let generation = store.engine.with_value(|engine| engine.generation);
        let outcome = pull(store, generation).await;
        if is_current(store, generation) {
            record(store, outcome);
        }
        let cursor = store.cursor_untracked();
        let again = store
            .engine
            .try_update_value(|engine| engine.finished(cursor.as_deref()))
            .unwrap_or(false);
        if !again {
            break;
        }
    }
}

fn is_current(store: Referrals, generation: u64) -> bool {
    store.engine.with_value(|engine| engine.generation) == generation
}

fn record(store: Referrals, outcome: Result<(), ApiError>) {
    let still_asked = store
        .engine
        .with_value(|engine| engine.queued == Some(Why::Asked));
    match outcome {
        Ok(()) => {
            let now = Utc::now();
            store.sync_state.set(SyncState {
                last_synced: Some(now),
                error: None,
                asked: still_asked,
            });
            cache::write_soon(Changes {
                last_synced: Some(now),
                ..Changes::default()
            });
            store.reached();
            tabs::tell_synced(store, Some(now), true);
            // The server is there: what waits in the outbox can go now.
            drain::request(store);
        }
        // The session ended: the app is on its way to the sign-in page.
        Err(error) if error.is_unauthenticated() => {}
        Err(error) => {
            store.failed(&error);
            tabs::tell_synced(store, None, store.online.get_untracked());
            store.sync_state.update(|state| {
                state.error = Some(error);
                state.asked = still_asked;
            });
        }
    }
}

/// One pull: what changed since the store's cursor, or a fill when it has none.
async fn pull(store: Referrals, generation: u64) -> Result<(), ApiError> {
    let Some(cursor) = store.cursor_untracked() else {
        return fill(store, generation).await;
    };
    match catch_up(store, generation, cursor).await {
        // An answer for a session that has ended (sign-out, another user) is dropped.
        Err(_) if !is_current(store, generation) => Ok(()),
        Err(error) if error.is_unknown_cursor() => {
            // Even if the fill fails, the next pull starts over too.
            store.data.update_untracked(|data| {
                if let Some(snapshot) = data {
                    snapshot.set_cursor(None);
                }
            });
            fill(store, generation).await
        }
        outcome => outcome,
    }
}

/// Every referral, page by page; the store shows them once all are in (what it showed
/// before, if anything, stays until then).
async fn fill(store: Referrals, generation: u64) -> Result<(), ApiError> {
    let mut fresh = Snapshot::default();
    let mut server_versions = Vec::new();
    let mut since: Option<String> = None;
    loop {
        let page = api::sync(since.as_deref(), PAGE_LIMIT).await?;
        if !is_current(store, generation) {
            return Ok(());
        }
        let more = page.more;
        since = Some(page.cursor.clone());
        server_versions.extend(page.referrals.iter().cloned());
        take(
            &mut fresh,
            page,
            &store.hearts_in_flight.get_value(),
            &|referral| store.overlaid(referral),
        );
        if !more {
            break;
        }
    }
    // The lists render in a task of their own, not in the one that read the last page.
    crate::clock::next_task().await;
    if !is_current(store, generation) {
        return Ok(());
    }
    let favorites = fresh.favorites();
    store.data.set(Some(fresh));
    store.favorites.set(favorites);
    // The device keeps exactly what the server sent, written once the lists have painted,
    // in a task of its own: a phone's main thread is not held for both at once. The sync
    // goes on only once the write has its place, so later writes stay after it.
    crate::clock::after_paint().await;
    // Signed out meanwhile, perhaps in another tab (it drops the session's hint before it
    // empties the device): nothing is written back.
    if !is_current(store, generation) || !api::may_be_signed_in() {
        return Ok(());
    }
    let written = cache::write(Changes {
        replace_all: true,
        referrals: server_versions,
        cursor: Some(since),
        ..Changes::default()
    });
    // The other tabs read it once it is there.
    spawn_local(async move {
        if written.await.is_ok() {
            tabs::tell_reload(store);
        }
    });
    Ok(())
}

/// What changed since `cursor`, applied to the store page by page.
async fn catch_up(store: Referrals, generation: u64, cursor: String) -> Result<(), ApiError> {
    let mut since = cursor;
    loop {
        let page = api::sync(Some(&since), PAGE_LIMIT).await?;
        if !is_current(store, generation) {
            return Ok(());
        }
        let more = page.more;
        let moved = page.cursor != since;
        since = page.cursor.clone();
        let changed = !page.referrals.is_empty() || !page.removed.is_empty();
        if changed {
            cache::write_soon(Changes {
                referrals: page.referrals.clone(),
                removed: page.removed.clone(),
                cursor: Some(Some(page.cursor.clone())),
                ..Changes::default()
            });
            tabs::tell_page(
                store,
                page.referrals.clone(),
                page.removed.clone(),
                Some(page.cursor.clone()),
            );
        } else if moved {
            // A poll with nothing new leaves the cursor where it was: nothing to write.
            cache::write_soon(Changes {
                cursor: Some(Some(page.cursor.clone())),
                ..Changes::default()
            });
            // A move without referrals (the bell's reminders): the other tabs refresh their bell too.
            tabs::tell_page(store, Vec::new(), Vec::new(), Some(page.cursor.clone()));
        }
        let hearts = store.hearts_in_flight.get_value();
        let mut hearts_changed = Vec::new();
        store.data.maybe_update(|data| {
            let Some(snapshot) = data else {
                return false;
            };
            hearts_changed = take(snapshot, page, &hearts, &|referral| {
                store.overlaid(referral)
            });
            changed
        });
        store.favorites.maybe_update(|favorites| {
            let mut changed = false;
            for (id, favorite) in hearts_changed {
                changed |= if favorite {
                    favorites.insert(id)
                } else {
                    favorites.remove(&id)
                };
            }
            changed
        });
        if !more {
            return Ok(());
        }
    }
}

/// Applies one feed page to `snapshot` by id and moves it to the page's cursor; answers
/// each referral's heart as it now stands. A heart the user just clicked and the server
/// has not confirmed yet stays as clicked; `overlaid` applies the outbox's changes.
fn take(
    snapshot: &mut Snapshot,
    page: SyncPage,
    hearts_in_flight: &HashMap<String, bool>,
    overlaid: &dyn Fn(domain::Referral) -> domain::Referral,
) -> Vec<(String, bool)> {
    let mut hearts = Vec::with_capacity(page.referrals.len() + page.removed.len());
    for referral in page.referrals {
        // The user's changes waiting in the outbox show on top of the server's version.
        let mut referral = overlaid(referral);
        if let Some(&clicked) = hearts_in_flight.get(&referral.id) {
            referral.favorite = clicked;
        }
        let heart = (referral.id.clone(), referral.favorite);
        if snapshot.upsert(referral) != Upserted::KeptNewer {
            hearts.push(heart);
        }
    }
    for id in page.removed {
        if snapshot.remove(&id) {
            hearts.push((id, false));
        }
    }
    snapshot.set_cursor(Some(page.cursor));
    hearts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::snapshot::tests::referral;

    #[test]
    fn asking_while_a_pull_runs_queues_exactly_one_more() {
        let mut engine = Engine::default();
        assert!(engine.ask(Why::Asked), "the first starts at once");
        assert!(!engine.ask(Why::Asked));
        assert!(!engine.ask(Why::Announced));
        assert!(!engine.ask(Why::Asked));
        assert!(engine.finished(Some("c-2")), "one more runs");
        assert!(!engine.finished(Some("c-3")), "and no other");
        assert!(engine.ask(Why::Asked), "then the next starts at once again");
    }

    #[test]
    fn an_announced_cursor_the_pull_already_reached_is_not_pulled_again() {
        let mut engine = Engine::default();
        assert!(engine.ask(Why::Asked));
        engine.announced = Some("c-7".to_owned());
        assert!(!engine.ask(Why::Announced));
        assert!(!engine.finished(Some("c-7")), "the running pull got there");

        assert!(engine.ask(Why::Asked));
        engine.announced = Some("c-9".to_owned());
        assert!(!engine.ask(Why::Announced));
        assert!(engine.finished(Some("c-8")), "still behind: pull again");
        assert!(!engine.finished(Some("c-9")));
    }

    #[test]
    fn a_page_is_applied_by_id_and_moves_the_cursor() {
        let mut snapshot = Snapshot::default();
        let first = SyncPage {
            referrals: vec![
                referral("a", "Northwind", "1"),
                referral("b", "Fabrikam", "1"),
            ],
            removed: vec![],
            cursor: "c-1".to_owned(),
            more: false,
            me: None,
        };
        take(&mut snapshot, first, &HashMap::new(), &|r| r);
        let mut hearted = referral("b", "Fabrikam", "2");
        hearted.favorite = true;
        let delta = SyncPage {
            referrals: vec![hearted, referral("c", "Zürich AG", "1")],
            removed: vec!["a".to_owned(), "unknown".to_owned()],
            cursor: "c-2".to_owned(),
            more: false,
            me: None,
        };
        let hearts = take(&mut snapshot, delta, &HashMap::new(), &|r| r);
        assert_eq!(snapshot.cursor(), Some("c-2"));
        assert!(snapshot.get("a").is_none());
        assert_eq!(snapshot.get("b").unwrap().e_tag, "2");
        assert!(snapshot.get("c").is_some());
        assert_eq!(snapshot.referrals().len(), 2);
        assert_eq!(
            hearts,
            [
                ("b".to_owned(), true),
                ("c".to_owned(), false),
                ("a".to_owned(), false)
            ]
        );
    }

    #[test]
    fn a_heart_just_clicked_is_not_turned_back_by_an_older_word_from_the_feed() {
        let mut snapshot = Snapshot::default();
        let page = SyncPage {
            referrals: vec![referral("a", "Northwind", "1")],
            removed: vec![],
            cursor: "c-1".to_owned(),
            more: false,
            me: None,
        };
        let clicked = HashMap::from([("a".to_owned(), true)]);
        let hearts = take(&mut snapshot, page, &clicked, &|r| r);
        assert_eq!(hearts, [("a".to_owned(), true)]);
        assert!(snapshot.get("a").unwrap().favorite);
    }
}
