//! The offline cache: what the app needs to start and work without the server, kept in
//! the browser's IndexedDB — who is signed in, their organisation's referrals as the
//! server last sent them (with the user's hearts), the feed cursor, the colleagues,
//! the exchange rates, and the outbox of actions not yet sent.
//!
//! Values are stored as JSON text (the API's own shapes): one `getAll` per store reads
//! everything at start, and a pull's changes go in one transaction. Writes are queued
//! on the database in call order (IndexedDB runs transactions on the same stores in
//! the order they were created), so a later write never lands before an earlier one.
//! No network request is ever awaited inside a transaction: it would commit early.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use domain::i18n::Arg;
use domain::{ExchangeRates, Referral};
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, Transaction, TransactionMode};
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use super::LandedVersion;
use super::notifications::SavedNotifications;
use super::outbox::Pending;
use crate::api::{Colleague, Me};
use crate::i18n::{t, t_with};

const NAME: &str = "referral-desk";
const VERSION: u32 = 2;
const REFERRALS: &str = "referrals";
const OUTBOX: &str = "outbox";
const META: &str = "meta";
/// Added in version 2: drafts of forms (they lived in local storage before).
const DRAFTS: &str = "drafts";
/// The key of the bell's items in `meta` (wiped with the rest on sign-out).
const NOTIFICATIONS: &str = "notifications";
/// The meta store's key of the versions own queued actions made.
const LANDED_VERSIONS: &str = "landedVersions";
const STORES: [&str; 4] = [REFERRALS, OUTBOX, META, DRAFTS];

thread_local! {
    static DATABASE: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
    /// The last write that failed (a full disk, storage turned off): shown in the top bar.
    static TROUBLE: RefCell<Option<RwSignal<Option<String>>>> = const { RefCell::new(None) };
}

/// Everything the cache holds for the user who was signed in last.
pub struct Cached {
    pub me: Me,
    pub referrals: Vec<Referral>,
    pub cursor: Option<String>,
    pub outbox: Vec<Pending>,
    pub colleagues: Option<Vec<Colleague>>,
    pub rates: Option<ExchangeRates>,
    pub last_synced: Option<DateTime<Utc>>,
    /// Drafts of forms: (key, JSON text).
    pub drafts: Vec<(String, String)>,
    /// The versions this device's own queued actions made.
    pub landed_versions: Vec<LandedVersion>,
}

/// Opens the database (once per page) and reads what it holds; `None` when there is no
/// cache (first visit, signed out, storage unavailable) or it cannot be read.
pub async fn open_and_load() -> Option<Cached> {
    let database = open().await.ok()?;
    let transaction = database
        .transaction(&STORES, TransactionMode::ReadOnly)
        .ok()?;
    let me: Me = get(&transaction, "me").await?;
    let cursor = get(&transaction, "cursor").await;
    let colleagues = get(&transaction, "colleagues").await;
    let rates = get(&transaction, "rates").await;
    let last_synced = get(&transaction, "lastSynced").await;
    let referrals = all(&transaction, REFERRALS).await?;
    let outbox = all(&transaction, OUTBOX).await?;
    let drafts = all(&transaction, DRAFTS).await.unwrap_or_default();
    let landed_versions = get(&transaction, LANDED_VERSIONS).await.unwrap_or_default();
    Some(Cached {
        me,
        referrals,
        cursor,
        outbox,
        colleagues,
        rates,
        last_synced,
        drafts,
        landed_versions,
    })
}

/// Who made the changes this device holds that were never sent, and how many there are
/// (`None`: none). The sign-in form reads it: signing in as anyone else forgets them.
pub async fn unsent() -> Option<(Me, usize)> {
    let database = open().await.ok()?;
    let transaction = database
        .transaction(&[META, OUTBOX], TransactionMode::ReadOnly)
        .ok()?;
    let me: Me = get(&transaction, "me").await?;
    let outbox: Vec<Pending> = all(&transaction, OUTBOX).await?;
    (!outbox.is_empty()).then_some((me, outbox.len()))
}

/// Whether this device holds someone's cache, where index.html's first paint can read it
/// before the app (and IndexedDB) is at hand: a signed-out visit with a cache may still
/// open the cached lists (offline), so it is not shown the static sign-in form. Set once
/// a write of the user commits, removed as a wipe starts, and put right at each start
/// (`crate::start`), which alone reads the cache with no other tab's wipe in between.
const HELD_MARK: &str = "referral-desk-cache-held";

pub fn note_held(held: bool) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = if held {
            storage.set_item(HELD_MARK, "1")
        } else {
            storage.remove_item(HELD_MARK)
        };
    }
}

/// Where write failures are reported (the top bar shows them).
pub fn report_trouble_to(trouble: RwSignal<Option<String>>) {
    TROUBLE.with(|slot| *slot.borrow_mut() = Some(trouble));
}

/// Asks the browser to keep the cache under storage pressure: the outbox must not be evicted.
pub fn ask_to_persist() {
    if let Ok(storage) = js_sys::Reflect::get(&window().navigator(), &"storage".into())
        && let Ok(persist) = js_sys::Reflect::get(&storage, &"persist".into())
        && let Ok(persist) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(persist)
    {
        let _ = persist.call0(&storage);
    }
}

/// What a write changes; several kinds go in one transaction.
#[derive(Default)]
pub struct Changes {
    /// Forget everything first (another user signs in).
    pub wipe: bool,
    /// Forget every referral first (a fresh fill).
    pub replace_all: bool,
    pub referrals: Vec<Referral>,
    pub removed: Vec<String>,
    pub cursor: Option<Option<String>>,
    pub me: Option<Me>,
    pub colleagues: Option<Vec<Colleague>>,
    pub rates: Option<ExchangeRates>,
    pub last_synced: Option<DateTime<Utc>>,
    pub outbox_put: Vec<Pending>,
    pub outbox_removed: Vec<u64>,
    /// (key, JSON text)
    pub drafts_put: Vec<(String, String)>,
    pub drafts_removed: Vec<String>,
    /// The bell's items and the reads not yet sent.
    pub notifications: Option<SavedNotifications>,
    /// Every version own queued actions made that is still kept.
    pub landed_versions: Option<Vec<LandedVersion>>,
}

/// Writes `changes` in one transaction, queued behind earlier writes; resolves when it is
/// on disk. A failure is also reported to the top bar: nothing in memory is lost.
/// Wait for it (or spawn it) at once: a write of many referrals puts them batch by batch
/// from the answers to the batch before, which a future polled late would miss (the
/// browser commits a transaction left without requests).
pub fn write(changes: Changes) -> impl Future<Output = Result<(), String>> {
    let holds_user = changes.me.is_some();
    if changes.wipe && !holds_user {
        note_held(false);
    }
    let started = DATABASE.with(|database| {
        let database = database.borrow();
        let database = database.as_ref().ok_or_else(unavailable)?;
        let transaction = database
            .transaction(&STORES, TransactionMode::ReadWrite)
            .map_err(|error| trouble(&error))?;
        let first = stage_first(&transaction, &changes).map_err(|error| trouble(&error))?;
        Ok::<_, String>((transaction, first))
    });
    async move {
        let outcome = match started {
            Ok((transaction, first)) => finish(transaction, first, changes, holds_user).await,
            Err(message) => Err(message),
        };
        TROUBLE.with(|slot| {
            if let Some(signal) = *slot.borrow() {
                let shown = outcome.as_ref().err().cloned();
                if signal.get_untracked() != shown {
                    signal.set(shown);
                }
            }
        });
        outcome
    }
}

/// How long one task puts referrals for. A fill brings hundreds or thousands (a put is
/// about 0.3 ms on a desktop, four times that on a phone): they are put a slice at a
/// time, each slice once the one before is stored, in a task of its own, so a phone's
/// main thread is never held for long; all in the one transaction, so the device never
/// holds half a fill. A time, not a count: a slower device puts fewer at a time.
const PUT_SLICE_MS: f64 = 8.0;

/// The rest of a write begun by [`stage_first`], then its commit.
async fn finish(
    transaction: Transaction,
    first: Option<(usize, PutDone)>,
    changes: Changes,
    holds_user: bool,
) -> Result<(), String> {
    // Kept to read why the browser aborted it (a full disk says QuotaExceededError).
    let raw = web_sys::IdbTransaction::from(transaction);
    let watched = raw.clone();
    let transaction = Transaction::from(raw);
    if let Some((mut done, mut last)) = first {
        let staged = async {
            let referrals = transaction.object_store(REFERRALS)?;
            while done < changes.referrals.len() {
                last.await?;
                let rest = &changes.referrals[done..];
                let put = put_slice(&referrals, rest)?;
                done += put;
                last = stored(&referrals, &rest[put - 1])?;
            }
            last.await?;
            stage_rest(&transaction, &changes)
        };
        if let Err(error) = staged.await {
            let _ = transaction.abort();
            return Err(trouble(&error));
        }
    }
    match transaction.commit() {
        Ok(transaction) => match transaction.await {
            Ok(idb::TransactionResult::Committed) => {
                if holds_user {
                    note_held(true);
                }
                Ok(())
            }
            Ok(idb::TransactionResult::Aborted) => Err(full_or(t_with(
                "storage-not-saved",
                &[(
                    "reason",
                    Arg::Text(
                        &watched
                            .error()
                            .map_or_else(|| "aborted".to_owned(), |error| error.name()),
                    ),
                )],
            ))),
            Err(error) => Err(trouble(&error)),
        },
        Err(error) => Err(trouble(&error)),
    }
}

/// Writes without waiting: the order still holds, and a failure still shows.
pub fn write_soon(changes: Changes) {
    leptos::task::spawn_local(async move {
        let _ = write(changes).await;
    });
}

/// The outbox as the cache holds it (another tab changed it).
pub async fn load_outbox() -> Option<Vec<Pending>> {
    let database = open().await.ok()?;
    let transaction = database
        .transaction(&[OUTBOX], TransactionMode::ReadOnly)
        .ok()?;
    all(&transaction, OUTBOX).await
}

/// The bell's items the cache holds for `user`; `None` when it holds none, or another user's.
pub async fn load_notifications(user: &str) -> Option<SavedNotifications> {
    let database = open().await.ok()?;
    let transaction = database
        .transaction(&[META], TransactionMode::ReadOnly)
        .ok()?;
    let me: Me = get(&transaction, "me").await?;
    if me.user.id != user {
        return None;
    }
    get(&transaction, NOTIFICATIONS).await
}

/// Forgets everything this device holds for anyone: on sign-out, or when another user signs in.
pub async fn clear() -> Result<(), String> {
    write(Changes {
        wipe: true,
        ..Changes::default()
    })
    .await
}

/// A slice's answer, which the next slice waits for.
type PutDone = std::pin::Pin<Box<dyn Future<Output = Result<Option<JsValue>, idb::Error>>>>;

/// What a write does in the task that began it: the clears and the first slice of
/// referrals, and with no more slices all the rest (then `None`: nothing to wait for);
/// else how many referrals were put, and the answer the next slice waits for.
fn stage_first(
    transaction: &Transaction,
    changes: &Changes,
) -> Result<Option<(usize, PutDone)>, idb::Error> {
    let referrals = transaction.object_store(REFERRALS)?;
    if changes.wipe {
        transaction.object_store(OUTBOX)?.clear()?;
        transaction.object_store(META)?.clear()?;
        transaction.object_store(DRAFTS)?.clear()?;
    }
    if changes.replace_all || changes.wipe {
        referrals.clear()?;
    }
    let put = put_slice(&referrals, &changes.referrals)?;
    if put < changes.referrals.len() {
        return Ok(Some((
            put,
            stored(&referrals, &changes.referrals[put - 1])?,
        )));
    }
    stage_rest(transaction, changes)?;
    Ok(None)
}

/// Puts the first of `referrals` for [`PUT_SLICE_MS`] (at least one); how many it put.
fn put_slice(store: &idb::ObjectStore, referrals: &[Referral]) -> Result<usize, idb::Error> {
    let started = js_sys::Date::now();
    let mut put_so_far = 0;
    for referral in referrals {
        put(store, &referral.id, referral)?;
        put_so_far += 1;
        if js_sys::Date::now() - started >= PUT_SLICE_MS {
            break;
        }
    }
    Ok(put_so_far)
}

/// Answers once `last` is stored (a read of it, which the database answers after the
/// puts before it).
fn stored(store: &idb::ObjectStore, last: &Referral) -> Result<PutDone, idb::Error> {
    let read = store.get(JsValue::from_str(&last.id))?;
    Ok(Box::pin(std::future::IntoFuture::into_future(read)))
}

/// Everything of a write but its referrals' puts, after them.
fn stage_rest(transaction: &Transaction, changes: &Changes) -> Result<(), idb::Error> {
    let referrals = transaction.object_store(REFERRALS)?;
    let outbox = transaction.object_store(OUTBOX)?;
    let meta = transaction.object_store(META)?;
    let drafts = transaction.object_store(DRAFTS)?;
    for id in &changes.removed {
        referrals.delete(JsValue::from_str(id))?;
    }
    if let Some(cursor) = &changes.cursor {
        match cursor {
            Some(cursor) => put(&meta, "cursor", cursor)?,
            None => {
                meta.delete(JsValue::from_str("cursor"))?;
            }
        }
    }
    if let Some(me) = &changes.me {
        put(&meta, "me", me)?;
    }
    if let Some(colleagues) = &changes.colleagues {
        put(&meta, "colleagues", colleagues)?;
    }
    if let Some(rates) = &changes.rates {
        put(&meta, "rates", rates)?;
    }
    if let Some(at) = &changes.last_synced {
        put(&meta, "lastSynced", at)?;
    }
    for pending in &changes.outbox_put {
        outbox.put(
            &JsValue::from_str(&serde_json::to_string(pending).unwrap_or_default()),
            Some(&JsValue::from_f64(pending.seq as f64)),
        )?;
    }
    for seq in &changes.outbox_removed {
        outbox.delete(JsValue::from_f64(*seq as f64))?;
    }
    for draft in &changes.drafts_put {
        put(&drafts, &draft.0, draft)?;
    }
    for key in &changes.drafts_removed {
        drafts.delete(JsValue::from_str(key))?;
    }
    if let Some(notifications) = &changes.notifications {
        put(&meta, NOTIFICATIONS, notifications)?;
    }
    if let Some(versions) = &changes.landed_versions {
        put(&meta, LANDED_VERSIONS, versions)?;
    }
    Ok(())
}

fn put(store: &idb::ObjectStore, key: &str, value: &impl Serialize) -> Result<(), idb::Error> {
    let text = serde_json::to_string(value).unwrap_or_default();
    store.put(&JsValue::from_str(&text), Some(&JsValue::from_str(key)))?;
    Ok(())
}

async fn get<T: DeserializeOwned>(transaction: &Transaction, key: &str) -> Option<T> {
    let value = transaction
        .object_store(META)
        .ok()?
        .get(JsValue::from_str(key))
        .ok()?
        .await
        .ok()??;
    serde_json::from_str(&value.as_string()?).ok()
}

/// Every value of a store, in key order; `None` when the store cannot be read. A value
/// this version of the app cannot read is skipped (the next fill replaces it).
async fn all<T: DeserializeOwned>(transaction: &Transaction, name: &str) -> Option<Vec<T>> {
    let values = transaction
        .object_store(name)
        .ok()?
        .get_all(None, None)
        .ok()?
        .await
        .ok()?;
    Some(
        values
            .iter()
            .filter_map(|value| serde_json::from_str(&value.as_string()?).ok())
            .collect(),
    )
}

async fn open() -> Result<Rc<Database>, idb::Error> {
    if let Some(database) = DATABASE.with(|database| database.borrow().clone()) {
        return Ok(database);
    }
    let mut request = Factory::new()?.open(NAME, Some(VERSION))?;
    request.on_upgrade_needed(|event| {
        let Ok(database) = event.database() else {
            return;
        };
        for name in STORES {
            if !database
                .store_names()
                .iter()
                .any(|existing| existing == name)
            {
                let _ = database.create_object_store(name, ObjectStoreParams::new());
            }
        }
    });
    let database = Rc::new(request.await?);
    DATABASE.with(|slot| *slot.borrow_mut() = Some(database.clone()));
    Ok(database)
}

fn unavailable() -> String {
    t("storage-unavailable")
}

fn trouble(error: &idb::Error) -> String {
    full_or(t_with(
        "storage-could-not-save",
        &[("reason", Arg::Text(&error.to_string()))],
    ))
}

/// A quota error says so plainly: the user can free space, and nothing waiting is dropped.
fn full_or(message: String) -> String {
    if message.contains("Quota") || message.contains("quota") {
        t("storage-full")
    } else {
        message
    }
}
