//! The bell's items as the app holds them: the server's page of the user's items
//! (`GET /api/v1/notifications`), kept on the device with the referrals so they show
//! offline, and the reads the user made that the server has not heard of yet.
//!
//! When they are fetched: the server writes items only together with a move of the
//! organisation's feed (a lead's arrival in the lead's transaction; the reminder job
//! takes a change number for its items), so after a pull that brought the feed's
//! cursor somewhere new, the items are fetched again — no second live channel, and no
//! request while nothing moved. Opening the bell fetches them too (a read on another
//! device moves no feed).
//!
//! Reading offline: the item shows read at once and its id waits in `pending`, saved
//! with the items; the next refresh sends those reads first. "Mark all as read" offline
//! waits the same way, as the newest item the user saw (`read_all_through`): sent later,
//! it reads that item and older ones, not what arrived meanwhile unseen.

use std::collections::HashSet;

use chrono::Utc;
use domain::{NotificationItem, NotificationPage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

use super::cache::{self, Changes};
use super::outbox::Pending;
use super::{Referrals, drain};
use crate::api::{self, ApiError};

/// What the device keeps of the bell (in the cache's `meta` store).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedNotifications {
    pub page: NotificationPage,
    /// Items read on this device the server has not confirmed yet.
    #[serde(default)]
    pub pending: Vec<String>,
    /// A "Mark all as read" the server has not confirmed: the newest item it covers.
    #[serde(default)]
    pub read_all_through: Option<String>,
}

/// The signed-in user's bell; provided once, copied freely.
#[derive(Clone, Copy)]
pub struct Notifications {
    referrals: Referrals,
    /// `None` until loaded from the device or the server.
    page: RwSignal<Option<NotificationPage>>,
    /// Why the last fetch failed, until one succeeds.
    error: RwSignal<Option<ApiError>>,
    /// Reads not yet sent (offline) or sent and not yet answered.
    pending: RwSignal<Vec<String>>,
    /// A "Mark all as read" not yet confirmed: the newest item it covers.
    read_all_through: RwSignal<Option<String>>,
    sending: StoredValue<HashSet<String>>,
    /// The feed's cursor at the last fetch that succeeded.
    fetched_at: StoredValue<Option<String>>,
    /// (a fetch runs, another is wanted after it)
    fetching: StoredValue<(bool, bool)>,
    /// Bumped when the user changes: an answer for the previous one is dropped.
    generation: StoredValue<u64>,
}

/// When the items kept on the device replace those shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// Another tab changed them: always.
    Always,
    /// The user changed: only if nothing is shown yet.
    OnlyWhenEmpty,
}

impl Notifications {
    /// Creates the bell's state and provides it; it follows the signed-in user.
    pub fn provide(referrals: Referrals) -> Notifications {
        let bell = Notifications {
            referrals,
            page: RwSignal::new(None),
            error: RwSignal::new(None),
            pending: RwSignal::new(Vec::new()),
            read_all_through: RwSignal::new(None),
            sending: StoredValue::new(HashSet::new()),
            fetched_at: StoredValue::new(None),
            fetching: StoredValue::new((false, false)),
            generation: StoredValue::new(0),
        };
        provide_context(bell);
        // Another user (or nobody): the previous one's items go; this one's saved ones show.
        Effect::new(move |previous: Option<Option<String>>| {
            let user = referrals.user.get();
            if previous.as_ref() == Some(&user) {
                return user;
            }
            bell.generation.update_value(|generation| *generation += 1);
            bell.page.set(None);
            bell.error.set(None);
            bell.pending.set(Vec::new());
            bell.read_all_through.set(None);
            bell.fetched_at.set_value(None);
            if let Some(user) = user.clone() {
                bell.show_saved(user, Shown::OnlyWhenEmpty);
            }
            user
        });
        // Another tab read an item or fetched them: what it kept on the device shows here
        // too, so the count agrees across tabs and its waiting reads are not written over.
        Effect::new(move |first: Option<()>| {
            referrals.bell_told.track();
            if first.is_none() {
                return;
            }
            if let Some(user) = referrals.user.get_untracked() {
                bell.show_saved(user, Shown::Always);
            }
        });
        // A pull succeeded: when it found the feed moved, the items may have too.
        Effect::new(move |_| {
            let pulled = referrals
                .sync_state
                .with(|state| state.error.is_none().then_some(state.last_synced).flatten());
            if pulled.is_some() && referrals.user.get_untracked().is_some() {
                let moved = referrals.cursor_untracked() != bell.fetched_at.get_value();
                if moved || bell.has_unsent_reads() {
                    bell.refresh();
                }
            }
        });
        bell
    }

    /// Shows `user`'s items as kept on the device, unless the user changed meanwhile (or,
    /// `OnlyWhenEmpty`, the server's answer came first).
    fn show_saved(self, user: String, when: Shown) {
        let generation = self.generation.get_value();
        spawn_local(async move {
            if let Some(saved) = cache::load_notifications(&user).await
                && self.generation.get_value() == generation
                && (when == Shown::Always || self.page.with_untracked(Option::is_none))
            {
                self.pending.set(saved.pending);
                self.read_all_through.set(saved.read_all_through);
                self.page.set(Some(saved.page));
            }
        });
    }

    /// The bell provided by [`Notifications::provide`].
    pub fn current() -> Notifications {
        expect_context()
    }

    /// The user's items, newest first (tracked); `None` until loaded.
    pub fn items(self) -> Option<Vec<NotificationItem>> {
        self.page
            .with(|page| page.as_ref().map(|page| page.items.clone()))
    }

    /// The user's actions the server would not take (tracked): they are the bell's too.
    pub fn not_synced(self) -> Vec<Pending> {
        self.referrals
            .outbox()
            .into_iter()
            .filter(|pending| !pending.is_waiting())
            .collect()
    }

    /// How many items want attention (tracked): the server's unread and the actions not synced.
    pub fn unread(self) -> u64 {
        let unread = self
            .page
            .with(|page| page.as_ref().map_or(0, |page| page.unread));
        unread + self.not_synced().len() as u64
    }

    /// Whether older items than those held wait on the server (tracked).
    pub fn has_older(self) -> bool {
        self.page
            .with(|page| page.as_ref().is_some_and(|page| page.next.is_some()))
    }

    /// Why the last fetch failed (tracked), when it did.
    pub fn error(self) -> Option<ApiError> {
        self.error.get()
    }

    /// Whether the server could be reached lately (tracked).
    pub fn is_online(self) -> bool {
        self.referrals.is_online()
    }

    /// Fetches the items now (or right after the fetch under way); reads made offline go first.
    pub fn refresh(self) {
        let start = self
            .fetching
            .try_update_value(|(running, again)| {
                if *running {
                    *again = true;
                    false
                } else {
                    *running = true;
                    true
                }
            })
            .unwrap_or(false);
        if start {
            spawn_local(self.fetch_until_done());
        }
    }

    async fn fetch_until_done(self) {
        loop {
            let generation = self.generation.get_value();
            let cursor = self.referrals.cursor_untracked();
            let outcome = match self.send_pending().await {
                Ok(()) => api::notifications(None).await,
                Err(error) => Err(error),
            };
            if self.generation.get_value() == generation {
                match outcome {
                    Ok(page) => {
                        self.fetched_at.set_value(cursor);
                        self.error.set(None);
                        self.referrals.reached();
                        let page = self.with_local_reads(page);
                        self.page.set(Some(page));
                        self.save();
                    }
                    Err(error) if error.is_unauthenticated() => {}
                    Err(error) => {
                        self.referrals.failed(&error);
                        self.error.set(Some(error));
                    }
                }
            }
            let again = self
                .fetching
                .try_update_value(|(running, again)| {
                    let go = std::mem::take(again);
                    *running = go;
                    go
                })
                .unwrap_or(false);
            if !again {
                return;
            }
        }
    }

    /// Fetches the next older page and adds it below the items held.
    pub fn load_older(self) {
        let Some(next) = self
            .page
            .with_untracked(|page| page.as_ref().and_then(|page| page.next.clone()))
        else {
            return;
        };
        let generation = self.generation.get_value();
        spawn_local(async move {
            match api::notifications(Some(&next)).await {
                Ok(older) if self.generation.get_value() == generation => {
                    let older = self.with_local_reads(older);
                    self.page.update(|page| {
                        if let Some(page) = page
                            && page.next.as_deref() == Some(next.as_str())
                        {
                            page.items.extend(older.items);
                            page.next = older.next;
                        }
                    });
                    self.save();
                }
                Ok(_) => {}
                Err(error) => self.error.set(Some(error)),
            }
        });
    }

    /// The user read one item (opened it): shown read at once, then the server is told.
    pub fn mark_read(self, id: &str) {
        if self.read_locally(&[id.to_owned()]) {
            self.send(vec![id.to_owned()], None);
        }
    }

    /// Whether reads made here wait to be sent.
    fn has_unsent_reads(self) -> bool {
        !self.pending.with_untracked(Vec::is_empty)
            || self.read_all_through.with_untracked(Option::is_some)
    }

    /// The user read every item.
    pub fn mark_all_read(self) {
        let unread: Vec<String> = self.page.with_untracked(|page| {
            page.as_ref().map_or_else(Vec::new, |page| {
                page.items
                    .iter()
                    .filter(|item| item.is_unread())
                    .map(|item| item.id.clone())
                    .collect()
            })
        });
        let any_unread = self
            .page
            .with_untracked(|page| page.as_ref().is_some_and(|page| page.unread > 0));
        // Items beyond the pages held are read too; items that arrive after the newest
        // one shown are not, however late the server hears of this.
        let through = self.page.with_untracked(|page| {
            page.as_ref()
                .and_then(|page| page.items.first())
                .map(|item| item.id.clone())
        });
        self.read_locally(&unread);
        if any_unread && let Some(through) = through {
            self.page.update(|page| {
                if let Some(page) = page {
                    page.unread = 0;
                }
            });
            self.save();
            self.send(unread, Some(through));
        }
    }

    /// Marks these items read as shown; `true` when any was unread.
    fn read_locally(self, ids: &[String]) -> bool {
        let now = Utc::now();
        let changed = self
            .page
            .try_update(|page| {
                let Some(page) = page else {
                    return false;
                };
                let mut changed = false;
                for item in page.items.iter_mut().filter(|item| ids.contains(&item.id)) {
                    if item.read_at.is_none() {
                        item.read_at = Some(now);
                        page.unread = page.unread.saturating_sub(1);
                        changed = true;
                    }
                }
                changed
            })
            .unwrap_or(false);
        if changed {
            self.save();
        }
        changed
    }

    /// Tells the server of reads (with `read_all`, every item up to that one; `ids` are
    /// the held ones it covers); what cannot reach it waits for the next refresh.
    fn send(self, ids: Vec<String>, read_all: Option<String>) {
        self.sending
            .update_value(|sending| sending.extend(ids.iter().cloned()));
        spawn_local(async move {
            let answer = match (&read_all, ids.first()) {
                (Some(through), _) => api::read_all_notifications(Some(through)).await,
                (None, Some(id)) => api::read_notification(id).await,
                (None, None) => Ok(()),
            };
            self.sending.update_value(|sending| {
                for id in &ids {
                    sending.remove(id);
                }
            });
            match answer {
                Ok(()) => self.referrals.reached(),
                Err(error) if drain::is_retryable(&error) => {
                    self.referrals.failed(&error);
                    match read_all {
                        // The later "read all" covers every earlier one.
                        Some(through) => self.read_all_through.set(Some(through)),
                        None => self.pending.update(|pending| {
                            for id in ids {
                                if !pending.contains(&id) {
                                    pending.push(id);
                                }
                            }
                        }),
                    }
                    self.save();
                }
                // Gone meanwhile (404) or refused: nothing to send again.
                Err(_) => {}
            }
        });
    }

    /// Sends the reads made offline, the "read all" first, then one by one; stops at the
    /// first that cannot reach the server.
    async fn send_pending(self) -> Result<(), ApiError> {
        if let Some(through) = self.read_all_through.get_untracked() {
            match api::read_all_notifications(Some(&through)).await {
                Err(error) if drain::is_retryable(&error) => return Err(error),
                // Done, or refused for good (the item is gone): nothing to send again.
                _ => {}
            }
            self.read_all_through.set(None);
            self.save();
        }
        loop {
            let Some(id) = self
                .pending
                .with_untracked(|pending| pending.first().cloned())
            else {
                return Ok(());
            };
            match api::read_notification(&id).await {
                Ok(()) | Err(ApiError::Server { status: 404, .. }) => {}
                Err(error) if drain::is_retryable(&error) => return Err(error),
                Err(_) => {}
            }
            self.pending.update(|pending| pending.retain(|p| *p != id));
            self.save();
        }
    }

    /// The server's page with the reads it has not heard of yet applied.
    fn with_local_reads(self, mut page: NotificationPage) -> NotificationPage {
        let local: HashSet<String> = self.sending.with_value(|sending| {
            self.pending
                .with_untracked(|pending| sending.iter().chain(pending).cloned().collect())
        });
        // Items are newest first: the waiting "read all" covers its item and all below it.
        let read_all_from = self.read_all_through.with_untracked(|through| {
            through
                .as_ref()
                .and_then(|through| page.items.iter().position(|item| &item.id == through))
        });
        let now = Utc::now();
        for (at, item) in page.items.iter_mut().enumerate() {
            let read_here =
                local.contains(&item.id) || read_all_from.is_some_and(|from| at >= from);
            if item.read_at.is_none() && read_here {
                item.read_at = Some(now);
                page.unread = page.unread.saturating_sub(1);
            }
        }
        page
    }

    /// Keeps the items and the waiting reads on the device, for the next start offline.
    fn save(self) {
        let Some(page) = self.page.get_untracked() else {
            return;
        };
        // Only the signed-in user's own cache holds them.
        if self.referrals.user.get_untracked().is_none()
            || self.referrals.cache_owner.get_value() != self.referrals.user.get_untracked()
        {
            return;
        }
        let changes = Changes {
            notifications: Some(SavedNotifications {
                page,
                pending: self.pending.get_untracked(),
                read_all_through: self.read_all_through.get_untracked(),
            }),
            ..Changes::default()
        };
        let referrals = self.referrals;
        spawn_local(async move {
            // Once on disk, where the other tabs read it.
            if cache::write(changes).await.is_ok() {
                super::tabs::tell_bell(referrals);
            }
        });
    }
}
