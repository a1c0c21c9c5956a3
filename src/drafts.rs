//! Drafts of forms, kept in the browser's local storage until they are sent or
//! discarded: a failed request, a reload or an accidental navigation loses nothing.
//!
//! A draft belongs to one user, one referral and one action, and remembers the
//! version (`eTag`) of the referral it was written against, so a draft older than
//! the referral is never sent as if it were current. Signing out removes the
//! user's drafts, so a shared device does not show them to the next person.

use std::marker::PhantomData;

use domain::Action;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::api::Session;

const PREFIX: &str = "referral-desk:draft:";

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
        let text = storage()?.get_item(&self.key.get_value()).ok()??;
        serde_json::from_str(&text).ok()
    }

    pub fn save(self, e_tag: &str, baseline: &T, form: &T) {
        let saved = Saved {
            e_tag: e_tag.to_owned(),
            baseline,
            form,
        };
        if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(&saved)) {
            // A full or disabled storage only costs the draft, never the form.
            let _ = storage.set_item(&self.key.get_value(), &text);
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
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Removes every draft kept in this browser: on sign-out.
pub fn clear_all() {
    let Some(storage) = storage() else {
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

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
