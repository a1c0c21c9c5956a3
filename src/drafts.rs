//! Drafts of forms, kept on the device (the offline cache, IndexedDB) until they are
//! sent or discarded: a failed request, a reload, a closed browser or an accidental
//! navigation loses nothing. Forms read them synchronously from memory, filled from the
//! cache at start; every change is written through to the cache.
//!
//! A draft belongs to one user, one referral and one action, and remembers the
//! version (`eTag`) of the referral it was written against, so a draft older than
//! the referral is never sent as if it were current. Signing out removes the
//! user's drafts, so a shared device does not show them to the next person.

use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;

use domain::Action;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::api::Session;
use crate::store::cache::{self, Changes};

const PREFIX: &str = "referral-desk:draft:";

thread_local! {
    /// Every draft on the device, by key, as JSON text.
    static DRAFTS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// The drafts the cache held at start.
pub fn preload(drafts: impl IntoIterator<Item = (String, String)>) {
    DRAFTS.with(|all| all.borrow_mut().extend(drafts));
}

/// What is stored: the form, the version it was written against, and the form as
/// it started on that version (to tell the user's changes from the colleague's).
#[derive(Serialize, Deserialize)]
pub struct Saved<T> {
    pub e_tag: String,
    pub baseline: T,
    pub form: T,
}

/// The draft of one form for one referral.
pub struct Draft<T> {
    key: StoredValue<String>,
    form: PhantomData<fn() -> T>,
}

impl<T> Clone for Draft<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Draft<T> {}

impl<T: Serialize + DeserializeOwned> Draft<T> {
    /// The signed-in user's draft of `action` on the referral.
    pub fn new(referral_id: &str, action: Action) -> Draft<T> {
        let user = Session::current()
            .me_untracked()
            .map(|me| me.user.id)
            .unwrap_or_default();
        Draft {
            key: StoredValue::new(format!("{PREFIX}{user}:{}:{referral_id}", action.as_str())),
            form: PhantomData,
        }
    }

    /// The storage key, for use after the form is gone (see [`clear_key`]).
    pub fn key(self) -> String {
        self.key.get_value()
    }

    /// The saved draft, if there is one that this version of the app can read.
    pub fn load(self) -> Option<Saved<T>> {
        let key = self.key.get_value();
        DRAFTS.with(|all| {
            all.borrow()
                .get(&key)
                .and_then(|text| serde_json::from_str(text).ok())
        })
    }

    pub fn save(self, e_tag: &str, baseline: &T, form: &T) {
        let saved = Saved {
            e_tag: e_tag.to_owned(),
            baseline,
            form,
        };
        if let Ok(text) = serde_json::to_string(&saved) {
            let key = self.key.get_value();
            let unchanged = DRAFTS.with(|all| all.borrow().get(&key) == Some(&text));
            if unchanged {
                return;
            }
            DRAFTS.with(|all| all.borrow_mut().insert(key.clone(), text.clone()));
            // A full or unavailable storage costs the draft on disk, never the form.
            cache::write_soon(Changes {
                drafts_put: vec![(key, text)],
                ..Changes::default()
            });
        }
    }

    pub fn clear(self) {
        clear_key(&self.key.get_value());
    }
}

/// Puts a form back as the user's draft of `action` on the referral, written against
/// version `e_tag` (a queued action the server did not take: it reopens in its form).
pub fn restore(
    referral_id: &str,
    action: Action,
    e_tag: &str,
    baseline: &serde_json::Value,
    form: &serde_json::Value,
) {
    Draft::<serde_json::Value>::new(referral_id, action).save(e_tag, baseline, form);
}

/// Removes one draft by its key.
pub fn clear_key(key: &str) {
    let removed = DRAFTS.with(|all| all.borrow_mut().remove(key).is_some());
    if removed {
        cache::write_soon(Changes {
            drafts_removed: vec![key.to_owned()],
            ..Changes::default()
        });
    }
}

/// Forgets every draft in memory: on sign-out and when another user signs in (the cache
/// is wiped with everything else then).
pub fn clear_all() {
    DRAFTS.with(|all| all.borrow_mut().clear());
    // Drafts of earlier versions of the app lived in local storage.
    let Some(storage) = window().local_storage().ok().flatten() else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|at| storage.key(at).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}
