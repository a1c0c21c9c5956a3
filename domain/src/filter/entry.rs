//! What the list's filters, search and sort read of one referral, worked out once:
//! a [`ListEntry`]. A server that answers many list queries over a large organisation
//! keeps these instead of whole referrals, and gets exactly `Filter::apply`'s answer,
//! because the filter and the sort read a referral and an entry through one trait.

use std::borrow::Cow;
use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use super::sort::{SortValue, compare_keyed, email_validity_rank, phone_validity_rank};
use super::{Filter, Prepared, SortDirection, SortKey, fold, write_searchable_text};
use crate::referral::{
    CallToAction, Category, EmailValidity, LeadQuality, LeadSource, LeadType, PhoneValidity,
    Referral, Stage, Status,
};

/// What the filter and the sort read of a listed referral: a `Referral` works each
/// value out when asked, a `ListEntry` holds them.
pub(crate) trait Listed {
    fn status(&self) -> Status;
    fn category(&self) -> Category;
    fn call_to_action(&self) -> Option<CallToAction>;
    /// The customer's country as stored (the filter trims it).
    fn country(&self) -> &str;
    /// The customer's name, folded.
    fn folded_customer_name(&self) -> Cow<'_, str>;
    fn lead_source(&self) -> Option<LeadSource>;
    fn lead_type(&self) -> Option<LeadType>;
    /// The quality a lead quality filter compares (assessed when the source gave none).
    fn quality(&self) -> LeadQuality;
    /// The primary contact's email and phone validity; `None` without a contact shown.
    fn validities(&self) -> Option<(EmailValidity, PhoneValidity)>;
    fn sort_value(&self, key: SortKey) -> Option<SortValue>;

    fn stage(&self) -> Stage {
        Stage::of(self.status())
    }
}

impl Listed for Referral {
    fn status(&self) -> Status {
        self.status
    }
    fn category(&self) -> Category {
        Referral::category(self)
    }
    fn call_to_action(&self) -> Option<CallToAction> {
        self.call_to_action
    }
    fn country(&self) -> &str {
        &self.customer_profile.address.country
    }
    fn folded_customer_name(&self) -> Cow<'_, str> {
        Cow::Owned(fold(&self.customer_profile.name))
    }
    fn lead_source(&self) -> Option<LeadSource> {
        self.lead_source
    }
    fn lead_type(&self) -> Option<LeadType> {
        self.lead_type
    }
    fn quality(&self) -> LeadQuality {
        self.effective_quality()
    }
    fn validities(&self) -> Option<(EmailValidity, PhoneValidity)> {
        self.primary_contact()
            .map(|contact| (contact.email_validity, contact.phone_validity))
    }
    fn sort_value(&self, key: SortKey) -> Option<SortValue> {
        super::sort::sort_value(key, self)
    }
}

/// One referral as the list's filters, search and sort see it, without the rest of it.
///
/// Built from the referral as the user is shown it (`Referral::redacted`): an Expired
/// lead's withheld contacts are neither searched nor sorted by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    id: Box<str>,
    status: Status,
    category: Category,
    call_to_action: Option<CallToAction>,
    lead_source: Option<LeadSource>,
    lead_type: Option<LeadType>,
    quality: LeadQuality,
    validities: Option<(EmailValidity, PhoneValidity)>,
    country: Box<str>,
    created: DateTime<Utc>,
    updated: DateTime<Utc>,
    deal_value: Option<Decimal>,
    expiry: Option<DateTime<Utc>>,
    /// The folded searchable text; the folded customer name is its first field, so
    /// it is kept once: `text[..customer_name_len]`.
    text: Box<[u8]>,
    customer_name_len: usize,
}

impl ListEntry {
    pub fn of(referral: &Referral) -> ListEntry {
        let mut text = Vec::with_capacity(128);
        write_searchable_text(&mut text, referral);
        let customer_name_len = fold(&referral.customer_profile.name).len();
        let sort_time = |key| match Listed::sort_value(referral, key) {
            Some(SortValue::Time(time)) => Some(time),
            _ => None,
        };
        ListEntry {
            id: referral.id.as_str().into(),
            status: referral.status,
            category: referral.category(),
            call_to_action: referral.call_to_action,
            lead_source: referral.lead_source,
            lead_type: referral.lead_type,
            quality: referral.effective_quality(),
            validities: Listed::validities(referral),
            country: referral.customer_profile.address.country.as_str().into(),
            created: referral.created_date_time,
            updated: referral.updated_date_time,
            deal_value: referral.details.deal_value,
            expiry: sort_time(SortKey::Expiry),
            text: text.into_boxed_slice(),
            customer_name_len,
        }
    }

    /// The referral's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn status(&self) -> Status {
        self.status
    }
}

impl Listed for ListEntry {
    fn status(&self) -> Status {
        self.status
    }
    fn category(&self) -> Category {
        self.category
    }
    fn call_to_action(&self) -> Option<CallToAction> {
        self.call_to_action
    }
    fn country(&self) -> &str {
        &self.country
    }
    fn folded_customer_name(&self) -> Cow<'_, str> {
        Cow::Borrowed(
            std::str::from_utf8(&self.text[..self.customer_name_len])
                .expect("folding copies whole UTF-8 characters"),
        )
    }
    fn lead_source(&self) -> Option<LeadSource> {
        self.lead_source
    }
    fn lead_type(&self) -> Option<LeadType> {
        self.lead_type
    }
    fn quality(&self) -> LeadQuality {
        self.quality
    }
    fn validities(&self) -> Option<(EmailValidity, PhoneValidity)> {
        self.validities
    }
    fn sort_value(&self, key: SortKey) -> Option<SortValue> {
        match key {
            SortKey::Created => Some(SortValue::Time(self.created)),
            SortKey::Updated => Some(SortValue::Time(self.updated)),
            SortKey::DealValue => self.deal_value.map(SortValue::Amount),
            SortKey::Expiry => self.expiry.map(SortValue::Time),
            SortKey::EmailValidity => self
                .validities
                .map(|(email, _)| SortValue::Rank(email_validity_rank(email))),
            SortKey::PhoneValidity => self
                .validities
                .map(|(_, phone)| SortValue::Rank(phone_validity_rank(phone))),
        }
    }
}

/// A filter made ready to test many entries: its names and search words folded once.
pub struct EntryMatcher<'f> {
    prepared: Prepared<'f>,
}

impl EntryMatcher<'_> {
    /// Whether the entry passes every filter and the search (`Filter::matches` of its referral).
    pub fn matches(&self, entry: &ListEntry) -> bool {
        self.prepared.matches_fields(entry)
            && (self.prepared.search_words.is_empty() || self.prepared.matches_words(&entry.text))
    }
}

impl Filter {
    /// This filter, ready to test entries one after another.
    pub fn entry_matcher(&self) -> EntryMatcher<'_> {
        EntryMatcher {
            prepared: Prepared::new(self),
        }
    }
}

/// The list order of two entries: `compare` of their referrals.
pub fn compare_entries(
    key: SortKey,
    direction: SortDirection,
    a: &ListEntry,
    b: &ListEntry,
) -> Ordering {
    compare_keyed(
        direction,
        (a.sort_value(key), a.id()),
        (b.sort_value(key), b.id()),
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::filter::tests::{arbitrary_filter, arbitrary_referral};

    /// The entries' answer: matching entries in `compare_entries` order, as ids.
    fn by_entries(filter: &Filter, referrals: &[Referral]) -> Vec<String> {
        let entries: Vec<ListEntry> = referrals.iter().map(ListEntry::of).collect();
        let matcher = filter.entry_matcher();
        let mut shown: Vec<&ListEntry> = entries.iter().filter(|e| matcher.matches(e)).collect();
        shown.sort_by(|a, b| compare_entries(filter.sort, filter.direction, a, b));
        shown.iter().map(|e| e.id().to_owned()).collect()
    }

    #[test]
    fn an_entry_keeps_the_folded_customer_name_apart_from_the_rest_of_the_text() {
        let mut referral = crate::fixtures::referral("a");
        referral.customer_profile.name = "Müller GmbH".to_owned();
        referral.name = "Zürich rollout".to_owned();
        let entry = ListEntry::of(&referral);
        assert_eq!(entry.folded_customer_name(), "muller gmbh");
        let by_customer = |name: &str| Filter {
            customer_names: [name.to_owned()].into(),
            ..Filter::default()
        };
        assert!(by_customer("MULLER").entry_matcher().matches(&entry));
        // The deal name is searched, but is not the customer's name.
        assert!(!by_customer("zurich").entry_matcher().matches(&entry));
    }

    proptest! {
        #[test]
        fn entries_filter_and_sort_exactly_as_their_referrals(
            filter in arbitrary_filter(),
            referrals in proptest::collection::vec(arbitrary_referral(), 0..12),
        ) {
            // Ids are unique in real data; the id is the final tie-breaker.
            let referrals: Vec<Referral> = referrals
                .into_iter()
                .enumerate()
                .map(|(index, r)| Referral { id: format!("{}-{index}", r.id), ..r }.redacted())
                .collect();
            let applied: Vec<String> = filter.apply(&referrals).iter().map(|r| r.id.clone()).collect();
            prop_assert_eq!(by_entries(&filter, &referrals), applied);
        }

        #[test]
        fn entries_compare_as_their_referrals(
            a in arbitrary_referral(),
            b in arbitrary_referral(),
            key in proptest::sample::select(SortKey::ALL.to_vec()),
            direction in proptest::sample::select(SortDirection::ALL.to_vec()),
        ) {
            prop_assert_eq!(
                compare_entries(key, direction, &ListEntry::of(&a), &ListEntry::of(&b)),
                crate::filter::compare(key, direction, &a, &b)
            );
        }
    }
}
