//! Each organisation's referrals, read once and kept while nothing changes.
//!
//! The app loads a whole organisation a page at a time; without this every page
//! would read and parse every referral again. A cheap stamp (how many referrals and
//! the sum of their versions: every insert and every stored change moves it) tells
//! whether the kept list is still the stored one, so a change by another server
//! sharing the PostgreSQL database is seen at the next request too.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::Referral;

use crate::db::{self, DbError, Pool};

#[derive(Default)]
pub struct ReferralCache {
    entries: Mutex<HashMap<String, Entry>>,
}

struct Entry {
    stamp: db::referrals::Stamp,
    referrals: Arc<Vec<Referral>>,
}

impl ReferralCache {
    /// The organisation's referrals as stored now (newest first).
    pub async fn referrals(
        &self,
        pool: &Pool,
        organisation_id: &str,
    ) -> Result<Arc<Vec<Referral>>, DbError> {
        let stamp = db::referrals::stamp(pool, organisation_id).await?;
        if let Some(kept) = self.kept(organisation_id, stamp) {
            return Ok(kept);
        }
        let fresh = Arc::new(db::referrals::list_for_organisation(pool, organisation_id).await?);
        // A change between the stamp and the read only makes the next request read again.
        self.lock().insert(
            organisation_id.to_owned(),
            Entry {
                stamp,
                referrals: fresh.clone(),
            },
        );
        Ok(fresh)
    }

    fn kept(
        &self,
        organisation_id: &str,
        stamp: db::referrals::Stamp,
    ) -> Option<Arc<Vec<Referral>>> {
        self.lock()
            .get(organisation_id)
            .filter(|entry| entry.stamp == stamp)
            .map(|entry| entry.referrals.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        // A panic while holding the lock leaves a map that is still whole.
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
