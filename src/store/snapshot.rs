//! The organisation's referrals as the app holds them, and the change-feed cursor they
//! are current to: the list, its search index kept position for position, and where
//! each id sits. List and cursor are what an offline cache persists.

use std::collections::{HashMap, HashSet};

use domain::{Filter, Referral, SearchIndex};

/// The referrals, current to one point of the server's change feed.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// In no particular order: every view sorts (ties by id), so a removal may move the last one up.
    referrals: Vec<Referral>,
    /// `index` covers `referrals` position for position.
    index: SearchIndex,
    /// The position of each referral in `referrals`, by id.
    at: HashMap<String, usize>,
    /// The feed position these referrals are current to; `None` once the server refused it.
    cursor: Option<String>,
}

/// What [`Snapshot::upsert`] did with a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Added,
    Replaced,
    /// The snapshot already holds a newer version (an answer overtaken by the feed): kept that.
    KeptNewer,
}

impl Snapshot {
    /// Every referral, in no particular order (see [`Snapshot::positions`]).
    pub fn referrals(&self) -> &[Referral] {
        &self.referrals
    }

    /// The referral with this id.
    pub fn get(&self, id: &str) -> Option<&Referral> {
        self.at.get(id).map(|&at| &self.referrals[at])
    }

    /// Positions of the referrals that pass `filter`, in its order.
    pub fn positions(&self, filter: &Filter) -> Vec<usize> {
        filter.positions(&self.referrals, Some(&self.index))
    }

    /// The feed position these referrals are current to (`None`: start over).
    pub fn cursor(&self) -> Option<&str> {
        self.cursor.as_deref()
    }

    /// The ids of the referrals the user hearted.
    pub fn favorites(&self) -> HashSet<String> {
        self.referrals
            .iter()
            .filter(|referral| referral.favorite)
            .map(|referral| referral.id.clone())
            .collect()
    }

    pub(super) fn set_cursor(&mut self, cursor: Option<String>) {
        self.cursor = cursor;
    }

    /// Puts `referral` in place of the one with its id, or adds it, unless this holds a
    /// newer version of it. Its search text is folded again; nothing else is.
    pub(super) fn upsert(&mut self, referral: Referral) -> Upserted {
        match self.at.get(&referral.id) {
            Some(&at) if is_older(&referral.e_tag, &self.referrals[at].e_tag) => {
                Upserted::KeptNewer
            }
            Some(&at) => {
                self.index.upsert(at, &referral);
                self.referrals[at] = referral;
                Upserted::Replaced
            }
            None => {
                let at = self.referrals.len();
                self.index.upsert(at, &referral);
                self.at.insert(referral.id.clone(), at);
                self.referrals.push(referral);
                Upserted::Added
            }
        }
    }

    /// Takes the referral with this id out; `false` when there was none.
    pub(super) fn remove(&mut self, id: &str) -> bool {
        let Some(at) = self.at.remove(id) else {
            return false;
        };
        self.referrals.swap_remove(at);
        self.index.swap_remove(at);
        if let Some(moved) = self.referrals.get(at) {
            self.at.insert(moved.id.clone(), at);
        }
        true
    }

    /// Records the user's heart on a referral; `false` when there is no such referral
    /// or the heart was already so.
    pub(super) fn set_favorite(&mut self, id: &str, favorite: bool) -> bool {
        match self.at.get(id) {
            Some(&at) if self.referrals[at].favorite != favorite => {
                self.referrals[at].favorite = favorite;
                true
            }
            _ => false,
        }
    }
}

/// Whether version `incoming` of a referral is older than `current`. Versions are the
/// server's `eTag`s, which count up; one that is not a number is never taken for older.
pub fn is_older(incoming: &str, current: &str) -> bool {
    match (incoming.parse::<u64>(), current.parse::<u64>()) {
        (Ok(incoming), Ok(current)) => incoming < current,
        _ => false,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A referral as the API sends it, with the values these tests are about.
    pub(in crate::store) fn referral(id: &str, customer: &str, e_tag: &str) -> Referral {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "engagementId": null,
            "name": "ERP rollout",
            "externalReferenceId": null,
            "campaignId": null,
            "status": "New",
            "substatus": "Received",
            "statusReason": null,
            "type": "Independent",
            "qualification": "Direct",
            "direction": "Incoming",
            "createdDateTime": "2026-11-20T09:00:00Z",
            "updatedDateTime": "2026-11-20T09:00:00Z",
            "acceptedDateTime": null,
            "closedDateTime": null,
            "expirationDateTime": "2026-12-04T09:00:00Z",
            "eTag": e_tag,
            "consent": { "consentToContact": true, "consentToShareInfoWithOthers": false },
            "customerProfile": { "name": customer, "size": null, "address": { "country": "DE" } },
            "details": {},
            "leadType": "Offer",
            "leadSource": "AppSource",
            "callToAction": "ContactMe",
            "offerId": null,
            "offerName": null,
            "leadQuality": "High"
        }))
        .expect("a referral as the API sends it")
    }

    fn search(words: &str) -> Filter {
        Filter {
            search: words.to_owned(),
            ..Filter::default()
        }
    }

    fn customers(snapshot: &Snapshot, filter: &Filter) -> Vec<String> {
        snapshot
            .positions(filter)
            .into_iter()
            .map(|at| snapshot.referrals()[at].customer_profile.name.clone())
            .collect()
    }

    fn filled(referrals: impl IntoIterator<Item = Referral>) -> Snapshot {
        let mut snapshot = Snapshot::default();
        for referral in referrals {
            snapshot.upsert(referral);
        }
        snapshot
    }

    #[test]
    fn a_changed_referral_replaces_the_old_one_and_search_finds_its_new_text() {
        let mut snapshot = filled([
            referral("a", "Contoso", "1"),
            referral("b", "Fabrikam", "1"),
        ]);
        assert_eq!(
            snapshot.upsert(referral("a", "Müller GmbH", "2")),
            Upserted::Replaced
        );
        assert_eq!(snapshot.referrals().len(), 2);
        assert_eq!(customers(&snapshot, &search("muller")), ["Müller GmbH"]);
        assert!(customers(&snapshot, &search("contoso")).is_empty());
        assert_eq!(snapshot.get("a").unwrap().e_tag, "2");
    }

    #[test]
    fn a_new_referral_is_added() {
        let mut snapshot = filled([referral("a", "Contoso", "1")]);
        assert_eq!(
            snapshot.upsert(referral("b", "Fabrikam", "1")),
            Upserted::Added
        );
        assert_eq!(customers(&snapshot, &search("fabrikam")), ["Fabrikam"]);
        assert_eq!(snapshot.get("b").unwrap().customer_profile.name, "Fabrikam");
    }

    #[test]
    fn an_older_version_never_replaces_a_newer_one() {
        let mut snapshot = filled([referral("a", "Contoso (v3)", "3")]);
        assert_eq!(
            snapshot.upsert(referral("a", "Contoso (v2)", "2")),
            Upserted::KeptNewer
        );
        assert_eq!(
            snapshot.get("a").unwrap().customer_profile.name,
            "Contoso (v3)"
        );
        // The same version again is taken: the user's heart may have changed.
        let mut hearted = referral("a", "Contoso (v3)", "3");
        hearted.favorite = true;
        assert_eq!(snapshot.upsert(hearted), Upserted::Replaced);
        assert!(snapshot.get("a").unwrap().favorite);
    }

    #[test]
    fn a_removed_referral_is_gone_and_the_others_are_still_found_by_id_and_text() {
        let mut snapshot = filled([
            referral("a", "Contoso", "1"),
            referral("b", "Fabrikam", "1"),
            referral("c", "Zürich AG", "1"),
        ]);
        assert!(snapshot.remove("a"));
        assert!(!snapshot.remove("a"), "already gone");
        assert!(snapshot.get("a").is_none());
        assert_eq!(
            snapshot.get("c").unwrap().customer_profile.name,
            "Zürich AG"
        );
        assert_eq!(snapshot.get("b").unwrap().customer_profile.name, "Fabrikam");
        assert_eq!(customers(&snapshot, &search("zurich")), ["Zürich AG"]);
        assert!(customers(&snapshot, &search("contoso")).is_empty());
        // The moved one can still be changed and removed by its id.
        snapshot.upsert(referral("c", "Zurich Holding", "2"));
        assert_eq!(customers(&snapshot, &search("holding")), ["Zurich Holding"]);
        assert!(snapshot.remove("c"));
        assert_eq!(customers(&snapshot, &Filter::default()), ["Fabrikam"]);
    }

    #[test]
    fn hearts_are_read_from_the_referrals() {
        let mut hearted = referral("b", "Fabrikam", "1");
        hearted.favorite = true;
        let mut snapshot = filled([referral("a", "Contoso", "1"), hearted]);
        assert_eq!(snapshot.favorites(), HashSet::from(["b".to_owned()]));
        assert!(snapshot.set_favorite("a", true));
        assert!(!snapshot.set_favorite("a", true), "already hearted");
        assert!(!snapshot.set_favorite("nope", true));
        assert_eq!(snapshot.favorites().len(), 2);
    }

    #[test]
    fn versions_that_are_not_numbers_are_never_older() {
        assert!(is_older("2", "10"));
        assert!(!is_older("10", "2"));
        assert!(!is_older("2", "2"));
        assert!(!is_older("W/x", "2"));
    }
}
