//! Several tabs, one sync: the tab holding the browser's sync lock (Web Locks) pulls the
//! feed and sends the outbox; the others hear what changed on a `BroadcastChannel` and
//! show it, so no change is ever sent twice and the server is asked once, not per tab.
//! When the syncing tab closes, the lock passes to a waiting tab, which takes over.
//!
//! Messages are JSON: `referrals` (the server's versions, written to the cache already,
//! with the cursor they bring the store to), `outbox` (read it again from the cache),
//! `reload` (a fresh fill: read everything again), `signedOut`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::JsValue;
use web_sys::{AbortController, BroadcastChannel, MessageEvent};

use super::cache;
use super::{Referrals, Snapshot};
use domain::Referral;

const CHANNEL: &str = "referral-desk";
const LOCK: &str = "referral-desk-sync";

/// This tab's part; one per app, in the store.
#[derive(Default)]
pub(super) struct Tabs {
    channel: Option<BroadcastChannel>,
    on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    /// Given to the browser's lock request; called when this tab gets the lock.
    on_lock: Option<Closure<dyn FnMut(JsValue) -> js_sys::Promise>>,
    /// Resolving it gives the lock back.
    release: Option<js_sys::Function>,
    /// Withdraws a lock request still waiting.
    waiting: Option<AbortController>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", try_from = "Heard")]
enum Message {
    Referrals {
        referrals: Vec<Referral>,
        #[serde(default)]
        removed: Vec<String>,
        cursor: Option<String>,
    },
    Outbox,
    Reload,
    SignedOut,
    /// The bell's items or reads on the device changed (a read in another tab).
    Bell,
    /// How the syncing tab's last pull went.
    #[serde(rename_all = "camelCase")]
    Synced {
        at: Option<chrono::DateTime<chrono::Utc>>,
        online: bool,
    },
    /// A queued action of the user `user_id` on `referral_id`, sent on version `sent_on`,
    /// landed as `made`: a form another tab of that user opened on its result is sent on
    /// `made`.
    #[serde(rename_all = "camelCase")]
    Landed {
        user_id: String,
        referral_id: String,
        sent_on: String,
        made: String,
    },
}

/// A [`Message`] as read: every kind's fields, checked against its `kind` by `TryFrom`
/// (the same JSON). Read this way rather than as the tagged enum, which buffers the whole
/// message before looking at `kind` and so builds a second, buffered copy of the reading
/// of a [`Referral`] into the wasm.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Heard {
    /// A `String`, not an enum of the kinds: serde's derive would build one more reader.
    kind: String,
    referrals: Option<Vec<Referral>>,
    #[serde(default)]
    removed: Vec<String>,
    cursor: Option<String>,
    at: Option<chrono::DateTime<chrono::Utc>>,
    online: Option<bool>,
    user_id: Option<String>,
    referral_id: Option<String>,
    sent_on: Option<String>,
    made: Option<String>,
}

impl TryFrom<Heard> for Message {
    type Error = &'static str;

    /// The fields the tagged enum requires for the message's kind (`referrals`, `online`).
    fn try_from(heard: Heard) -> Result<Message, &'static str> {
        Ok(match heard.kind.as_str() {
            "referrals" => Message::Referrals {
                referrals: heard.referrals.ok_or("missing field `referrals`")?,
                removed: heard.removed,
                cursor: heard.cursor,
            },
            "outbox" => Message::Outbox,
            "reload" => Message::Reload,
            "signedOut" => Message::SignedOut,
            "bell" => Message::Bell,
            "synced" => Message::Synced {
                at: heard.at,
                online: heard.online.ok_or("missing field `online`")?,
            },
            "landed" => Message::Landed {
                user_id: heard.user_id.ok_or("missing field `userId`")?,
                referral_id: heard.referral_id.ok_or("missing field `referralId`")?,
                sent_on: heard.sent_on.ok_or("missing field `sentOn`")?,
                made: heard.made.ok_or("missing field `made`")?,
            },
            _ => return Err("unknown kind of message"),
        })
    }
}

/// Joins the tabs of the signed-in user: listens, and asks for the sync lock.
pub(super) fn join(store: Referrals) {
    leave(store);
    let channel = BroadcastChannel::new(CHANNEL).ok();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(text) = event.data().as_string()
            && let Ok(message) = serde_json::from_str::<Message>(&text)
        {
            heard(store, message);
        }
    });
    if let Some(channel) = &channel {
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    }
    let on_lock = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |_lock| {
        // Held until `leave` resolves it (sign-out) or the tab closes.
        let held = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = store.tabs.try_update_value(|tabs| {
                tabs.release = Some(resolve);
                tabs.waiting = None;
            });
        });
        store.lead();
        held
    });
    let waiting = request_lock(&on_lock);
    let no_locks = waiting.is_none();
    store.tabs.update_value(|tabs| {
        tabs.channel = channel;
        tabs.on_message = Some(on_message);
        tabs.on_lock = Some(on_lock);
        tabs.waiting = waiting.flatten();
    });
    if no_locks {
        // A browser without Web Locks: every tab syncs (the server's idempotency keys
        // still apply each change once).
        store.lead();
    }
}

/// Leaves the tabs (sign-out): gives the lock back and stops listening.
pub(super) fn leave(store: Referrals) {
    let Some((channel, release, waiting)) = store.tabs.try_update_value(|tabs| {
        tabs.on_message = None;
        (
            tabs.channel.take(),
            tabs.release.take(),
            tabs.waiting.take(),
        )
    }) else {
        return;
    };
    if let Some(channel) = channel {
        channel.set_onmessage(None);
        channel.close();
    }
    if let Some(waiting) = waiting {
        waiting.abort();
    }
    if let Some(release) = release {
        let _ = release.call0(&JsValue::NULL);
    }
}

/// The syncing tab applied the server's versions of these referrals.
pub(super) fn tell_referrals(store: Referrals, referrals: &[Referral]) {
    tell_page(store, referrals.to_vec(), Vec::new(), None);
}

/// The syncing tab applied a page of the feed.
pub(super) fn tell_page(
    store: Referrals,
    referrals: Vec<Referral>,
    removed: Vec<String>,
    cursor: Option<String>,
) {
    post(
        store,
        &Message::Referrals {
            referrals,
            removed,
            cursor,
        },
    );
}

/// How the last pull went (the other tabs show it in their top bar).
pub(super) fn tell_synced(
    store: Referrals,
    at: Option<chrono::DateTime<chrono::Utc>>,
    online: bool,
) {
    post(store, &Message::Synced { at, online });
}

/// Writes a change of the outbox, then tells the other tabs (which read it from the cache).
pub(super) fn write_outbox(store: Referrals, changes: cache::Changes) {
    let written = cache::write(changes);
    spawn_local(async move {
        let _ = written.await;
        tell_outbox(store);
    });
}

/// The outbox changed in the cache.
pub(super) fn tell_outbox(store: Referrals) {
    post(store, &Message::Outbox);
}

/// An own queued action landed (see [`Message::Landed`]).
pub(super) fn tell_landed(store: Referrals, referral_id: &str, sent_on: &str, made: &str) {
    let Some(user_id) = store.user.get_untracked() else {
        return;
    };
    post(
        store,
        &Message::Landed {
            user_id,
            referral_id: referral_id.to_owned(),
            sent_on: sent_on.to_owned(),
            made: made.to_owned(),
        },
    );
}

/// The bell's state on the device changed: the other tabs read it back.
pub(super) fn tell_bell(store: Referrals) {
    post(store, &Message::Bell);
}

/// The cache was filled afresh.
pub(super) fn tell_reload(store: Referrals) {
    post(store, &Message::Reload);
}

/// The user signed out here: the other tabs follow.
pub(super) fn tell_signed_out(store: Referrals) {
    // The channel closed with the sign-out; a short-lived one carries the word.
    let _ = store;
    if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
        if let Ok(text) = serde_json::to_string(&Message::SignedOut) {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
        channel.close();
    }
}

fn post(store: Referrals, message: &Message) {
    let Ok(text) = serde_json::to_string(message) else {
        return;
    };
    store.tabs.with_value(|tabs| {
        if let Some(channel) = &tabs.channel {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    });
}

fn heard(store: Referrals, message: Message) {
    match message {
        Message::Referrals {
            referrals,
            removed,
            cursor,
        } => store.heard_page(referrals, removed, cursor),
        Message::Outbox => {
            let held = store.outbox.get_untracked();
            spawn_local(async move {
                if let Some(outbox) = cache::load_outbox().await {
                    store.heard_outbox(outbox, &held);
                }
            })
        }
        Message::Reload => spawn_local(async move {
            if let Some(cached) = cache::open_and_load().await
                && store.user.get_untracked().as_deref() == Some(cached.me.user.id.as_str())
            {
                store.restore(cached);
            }
        }),
        Message::Synced { at, online } => {
            if online {
                store.reached();
            } else {
                store.unreachable();
            }
            if at.is_some() {
                store.sync_state.update(|state| {
                    state.last_synced = at;
                    state.error = None;
                });
            }
        }
        Message::Bell => store.bell_told.notify(),
        Message::SignedOut => spawn_local(async move {
            // Asking the server ends the session here too (it answers 401).
            let _ = crate::api::me().await;
        }),
        Message::Landed {
            user_id,
            referral_id,
            sent_on,
            made,
        } => {
            // Only the versions the same user's actions made.
            if store.user.get_untracked().as_deref() == Some(user_id.as_str()) {
                store.own_version_landed(&referral_id, &sent_on, &made);
            }
        }
    }
}

/// Asks for the sync lock: `None` when the browser has no Web Locks; else the handle
/// that withdraws the request while it waits.
fn request_lock(
    on_lock: &Closure<dyn FnMut(JsValue) -> js_sys::Promise>,
) -> Option<Option<AbortController>> {
    let navigator = window().navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    if locks.is_undefined() {
        return None;
    }
    let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let controller = AbortController::new().ok();
    let options = js_sys::Object::new();
    if let Some(controller) = &controller {
        let _ = js_sys::Reflect::set(&options, &"signal".into(), &controller.signal());
    }
    let asked = request
        .call3(
            &locks,
            &LOCK.into(),
            &options,
            on_lock.as_ref().unchecked_ref(),
        )
        .ok()?;
    // Withdrawn or released: nothing to report.
    if let Ok(asked) = asked.dyn_into::<js_sys::Promise>() {
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = asked.catch(&ignore);
        ignore.forget();
    }
    Some(controller)
}

impl Referrals {
    /// Another tab applied these server versions (already in the cache).
    fn heard_page(self, referrals: Vec<Referral>, removed: Vec<String>, cursor: Option<String>) {
        let mut hearts = Vec::new();
        let shown: Vec<Referral> = referrals.into_iter().map(|r| self.overlaid(r)).collect();
        self.data.update(|data| {
            let snapshot = data.get_or_insert_with(Snapshot::default);
            for referral in shown {
                hearts.push((referral.id.clone(), referral.favorite));
                snapshot.upsert(referral);
            }
            for id in removed {
                if snapshot.remove(&id) {
                    hearts.push((id, false));
                }
            }
            if cursor.is_some() {
                snapshot.set_cursor(cursor);
            }
        });
        for (id, favorite) in hearts {
            self.mark(&id, favorite);
        }
    }

    /// Another tab changed the outbox (queued, sent or dropped a change): `outbox` as read
    /// from the device, begun when this tab held the items `held`.
    fn heard_outbox(self, outbox: Vec<super::outbox::Pending>, held: &[super::outbox::Pending]) {
        let outbox = self
            .outbox
            .with_untracked(|mine| super::outbox::merged_with_this_tabs(outbox, mine, held));
        let mut touched: Vec<String> = self
            .outbox
            .with_untracked(|old| old.iter().map(|p| p.referral_id.clone()).collect());
        touched.extend(outbox.iter().map(|p| p.referral_id.clone()));
        touched.sort();
        touched.dedup();
        self.outbox.set(outbox);
        for id in touched {
            self.reapply(&id);
        }
        super::drain::request(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::snapshot::tests::referral;

    fn read_back(message: &Message) -> String {
        let text = serde_json::to_string(message).unwrap();
        let read = serde_json::from_str::<Message>(&text).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), text);
        text
    }

    #[test]
    fn every_message_reads_back_as_it_was_sent() {
        let page = read_back(&Message::Referrals {
            referrals: vec![referral("r1", "Contoso", "1")],
            removed: vec!["r2".to_owned()],
            cursor: Some("c".to_owned()),
        });
        assert!(page.starts_with(r#"{"kind":"referrals","referrals":[{"id":"r1""#));
        read_back(&Message::Outbox);
        read_back(&Message::Reload);
        assert_eq!(read_back(&Message::SignedOut), r#"{"kind":"signedOut"}"#);
        let at = "2026-11-30T12:00:00Z".parse().ok();
        assert_eq!(
            read_back(&Message::Synced { at, online: true }),
            r#"{"kind":"synced","at":"2026-11-30T12:00:00Z","online":true}"#
        );
        assert_eq!(
            read_back(&Message::Landed {
                user_id: "u1".to_owned(),
                referral_id: "r1".to_owned(),
                sent_on: "5".to_owned(),
                made: "6".to_owned(),
            }),
            r#"{"kind":"landed","userId":"u1","referralId":"r1","sentOn":"5","made":"6"}"#
        );
    }

    #[test]
    fn a_message_lacking_its_kinds_fields_is_not_read() {
        for text in [
            r#"{"kind":"referrals","cursor":null}"#,
            r#"{"kind":"synced","at":null}"#,
            r#"{"kind":"landed","userId":"u1","referralId":"r1","sentOn":"5"}"#,
            r#"{"kind":"sometimes"}"#,
            r#"{"referrals":[]}"#,
        ] {
            assert!(serde_json::from_str::<Message>(text).is_err(), "{text}");
        }
        let page = serde_json::from_str::<Message>(r#"{"kind":"referrals","referrals":[]}"#);
        assert!(matches!(
            page,
            Ok(Message::Referrals { referrals, removed, cursor: None })
                if referrals.is_empty() && removed.is_empty()
        ));
    }
}
