//! The JSON of referrals that list pages showed lately, kept by version: the next page
//! that shows them copies bytes instead of reading, parsing and serialising again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::Referral;

use crate::routes::referrals::for_user;

/// Referrals kept per organisation (about 3 KB each); beyond that the cache starts over.
const KEPT: usize = 10_000;

#[derive(Default)]
pub struct Rendered {
    kept: Mutex<HashMap<Box<str>, Kept>>,
}

struct Kept {
    version: i64,
    /// As every user is shown it, without a heart.
    referral: Arc<Referral>,
    json: Arc<[u8]>,
}

impl Rendered {
    /// The referral's JSON at `version` as this user sees it, if kept.
    pub fn json(&self, id: &str, version: i64, favorite: bool) -> Option<Arc<[u8]>> {
        let kept = self.lock();
        let kept = kept.get(id).filter(|kept| kept.version == version)?;
        Some(if favorite {
            // Hearts are few and per user: rendered when asked.
            render(Referral::clone(&kept.referral), true)
        } else {
            kept.json.clone()
        })
    }

    /// Keeps a referral as stored at `version`; returns its JSON as this user sees it.
    pub fn keep(&self, referral: Referral, version: i64, favorite: bool) -> Arc<[u8]> {
        let shown = for_user(referral, false);
        let json = render(shown.clone(), false);
        let mine = if favorite {
            render(shown.clone(), true)
        } else {
            json.clone()
        };
        let mut kept = self.lock();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(
            shown.id.as_str().into(),
            Kept {
                version,
                referral: Arc::new(shown),
                json,
            },
        );
        mine
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Box<str>, Kept>> {
        // A panic while holding the lock leaves a map that is still whole.
        self.kept
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Exactly the bytes `axum::Json` writes for the referral as the user sees it.
fn render(referral: Referral, favorite: bool) -> Arc<[u8]> {
    serde_json::to_vec(&for_user(referral, favorite))
        .expect("a referral serialises")
        .into()
}
