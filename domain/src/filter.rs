//! The list's filters, free-text search and sort order (DOMAIN.md §5).
//!
//! One `Filter` serves the wasm app (its state lives in the URL query string, so
//! a filtered view is bookmarkable) and the server (`GET /api/v1/referrals?…` and
//! the CSV export read the same query). Filters combine with AND across fields
//! and OR within one field; an empty set means "any".

mod entry;
mod fold;
mod index;
mod page_end;
mod percent;
mod query;
mod sort;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use memchr::memmem;

use entry::Listed;

pub use entry::{EntryMatcher, ListEntry, compare_entries};
pub use fold::{fold, fold_into};
pub use page_end::PageEnd;
pub use percent::{encode as percent_encode, pairs as query_pairs};
pub use query::{FilterError, param};
pub use sort::{SortDirection, SortKey, compare, email_validity_rank, phone_validity_rank};

use crate::referral::{
    CallToAction, Category, EmailValidity, LeadQuality, LeadSource, LeadType, PhoneValidity,
    Referral, Stage, Status,
};
use crate::values::CountryCode;

/// What the referral list shows and in which order.
///
/// Sets are ordered (declaration order of each enum, alphabetical for text), so
/// equal filters give equal query strings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// The view (tab) the list belongs to; `None` lists every stage.
    pub stage: Option<Stage>,
    /// Marketplace or Qualified leads; `None` lists both.
    pub category: Option<Category>,
    pub calls_to_action: BTreeSet<CallToAction>,
    pub countries: BTreeSet<CountryCode>,
    /// Parts of customer names, matched case- and accent-insensitively; blank entries are ignored.
    pub customer_names: BTreeSet<String>,
    pub lead_sources: BTreeSet<LeadSource>,
    pub lead_types: BTreeSet<LeadType>,
    pub lead_qualities: BTreeSet<LeadQuality>,
    pub statuses: BTreeSet<Status>,
    /// Matches when the primary contact (see `Referral::primary_contact`) has one of these.
    pub email_validities: BTreeSet<EmailValidity>,
    /// Matches when the primary contact (see `Referral::primary_contact`) has one of these.
    pub phone_validities: BTreeSet<PhoneValidity>,
    /// Free text: every word must occur in the customer name, deal name, a contact's
    /// name or email, or the notes (case- and accent-insensitive). Blank means no search.
    pub search: String,
    pub sort: SortKey,
    pub direction: SortDirection,
}

/// One active filter value as a removable chip above the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chip {
    /// What the chip says, e.g. "Country: DE" or "Call to action: Contact me".
    pub label: String,
    /// The value the chip's ✕ removes (see [`Filter::without`]).
    pub value: ChipValue,
}

/// The one value a chip stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ChipValue {
    CallToAction(CallToAction),
    Country(CountryCode),
    CustomerName(String),
    LeadSource(LeadSource),
    LeadType(LeadType),
    LeadQuality(LeadQuality),
    Status(Status),
    EmailValidity(EmailValidity),
    PhoneValidity(PhoneValidity),
    Search(String),
}

impl Filter {
    /// Whether no filter or search narrows the list (stage, category and sort aside):
    /// there are no chips to show and nothing to clear.
    pub fn is_empty(&self) -> bool {
        self.calls_to_action.is_empty()
            && self.countries.is_empty()
            && self
                .customer_names
                .iter()
                .all(|name| name.trim().is_empty())
            && self.lead_sources.is_empty()
            && self.lead_types.is_empty()
            && self.lead_qualities.is_empty()
            && self.statuses.is_empty()
            && self.email_validities.is_empty()
            && self.phone_validities.is_empty()
            && self.search.trim().is_empty()
    }

    /// The same view (stage, category, sort) without any filter or search.
    pub fn cleared(&self) -> Filter {
        Filter {
            stage: self.stage,
            category: self.category,
            sort: self.sort,
            direction: self.direction,
            ..Filter::default()
        }
    }

    /// Whether the referral passes every filter and the search.
    pub fn matches(&self, referral: &Referral) -> bool {
        let prepared = Prepared::new(self);
        prepared.matches_fields(referral)
            && (prepared.search_words.is_empty()
                || prepared.matches_words(&searchable_text(referral)))
    }

    /// The referrals that match, in the filter's sort order.
    pub fn apply<'a>(&self, referrals: &'a [Referral]) -> Vec<&'a Referral> {
        self.select(referrals, None)
    }

    /// `apply` for a list whose searchable text was folded once in advance: what a
    /// list that is queried again and again (the app's, a server's cache) uses.
    pub fn apply_indexed<'a>(
        &self,
        referrals: &'a [Referral],
        index: &SearchIndex,
    ) -> Vec<&'a Referral> {
        self.select(referrals, Some(index))
    }

    /// The positions in `referrals` of those that match, in the filter's sort order:
    /// what a view that keeps the list itself (the app) needs, without copying referrals.
    /// `index`, when given, must have been built for this list.
    pub fn positions(&self, referrals: &[Referral], index: Option<&SearchIndex>) -> Vec<usize> {
        if let Some(index) = index {
            assert_eq!(
                referrals.len(),
                index.texts.len(),
                "the index was built for this list"
            );
        }
        let prepared = Prepared::new(self);
        // Without an index, one buffer serves the whole list.
        let mut buffer = Vec::new();
        let mut searched = |at: usize, referral: &Referral| {
            prepared.search_words.is_empty() || {
                let text: &[u8] = match index {
                    Some(index) => &index.texts[at],
                    None => {
                        buffer.clear();
                        write_searchable_text(&mut buffer, referral);
                        &buffer
                    }
                };
                prepared.matches_words(text)
            }
        };
        // Each referral's sort value is worked out once, not at every comparison.
        let mut shown: Vec<(Option<sort::SortValue>, usize)> = referrals
            .iter()
            .enumerate()
            .filter(|(at, r)| prepared.matches_fields(*r) && searched(*at, r))
            .map(|(at, r)| (sort::sort_value(self.sort, r), at))
            .collect();
        shown.sort_by(|a, b| {
            sort::compare_keyed(
                self.direction,
                (a.0, &referrals[a.1].id),
                (b.0, &referrals[b.1].id),
            )
        });
        shown.into_iter().map(|(_, at)| at).collect()
    }

    /// Filters, then sorts by the filter's key.
    fn select<'a>(
        &self,
        referrals: &'a [Referral],
        index: Option<&SearchIndex>,
    ) -> Vec<&'a Referral> {
        self.positions(referrals, index)
            .into_iter()
            .map(|at| &referrals[at])
            .collect()
    }

    /// Every active filter value and the search, in the order of the filter panel.
    pub fn active_chips(&self) -> Vec<Chip> {
        let mut chips = Vec::new();
        let mut push = |field: &str, value: &str, chip: ChipValue| {
            chips.push(Chip {
                label: format!("{field}: {value}"),
                value: chip,
            });
        };
        for &v in &self.calls_to_action {
            push(
                "Call to action",
                call_to_action_label(v),
                ChipValue::CallToAction(v),
            );
        }
        for &v in &self.countries {
            push("Country", v.as_str(), ChipValue::Country(v));
        }
        for v in self.customer_names.iter().filter(|v| !v.trim().is_empty()) {
            push("Customer", v, ChipValue::CustomerName(v.clone()));
        }
        for &v in &self.lead_sources {
            push(
                "Lead source",
                lead_source_label(v),
                ChipValue::LeadSource(v),
            );
        }
        for &v in &self.lead_types {
            push("Lead type", lead_type_label(v), ChipValue::LeadType(v));
        }
        for &v in &self.lead_qualities {
            push(
                "Lead quality",
                lead_quality_label(v),
                ChipValue::LeadQuality(v),
            );
        }
        for &v in &self.statuses {
            push("Status", v.as_str(), ChipValue::Status(v));
        }
        for &v in &self.email_validities {
            push(
                "Email",
                email_validity_label(v),
                ChipValue::EmailValidity(v),
            );
        }
        for &v in &self.phone_validities {
            push(
                "Phone",
                phone_validity_label(v),
                ChipValue::PhoneValidity(v),
            );
        }
        if !self.search.trim().is_empty() {
            push(
                "Search",
                &format!("\u{201C}{}\u{201D}", self.search.trim()),
                ChipValue::Search(self.search.clone()),
            );
        }
        chips
    }

    /// The filter without the chip's value; everything else stays.
    pub fn without(&self, chip: &Chip) -> Filter {
        let mut filter = self.clone();
        match &chip.value {
            ChipValue::CallToAction(v) => {
                filter.calls_to_action.remove(v);
            }
            ChipValue::Country(v) => {
                filter.countries.remove(v);
            }
            ChipValue::CustomerName(v) => {
                filter.customer_names.remove(v);
            }
            ChipValue::LeadSource(v) => {
                filter.lead_sources.remove(v);
            }
            ChipValue::LeadType(v) => {
                filter.lead_types.remove(v);
            }
            ChipValue::LeadQuality(v) => {
                filter.lead_qualities.remove(v);
            }
            ChipValue::Status(v) => {
                filter.statuses.remove(v);
            }
            ChipValue::EmailValidity(v) => {
                filter.email_validities.remove(v);
            }
            ChipValue::PhoneValidity(v) => {
                filter.phone_validities.remove(v);
            }
            ChipValue::Search(_) => filter.search.clear(),
        }
        filter
    }
}

/// The label of a call to action, as the filter panel shows it.
pub fn call_to_action_label(value: CallToAction) -> &'static str {
    match value {
        CallToAction::GetItNow => "Get it now",
        CallToAction::FreeTrial => "Free trial",
        CallToAction::TestDrive => "Test drive",
        CallToAction::ContactMe => "Contact me",
    }
}

/// The label of a lead source, as the marketplaces spell their names.
pub fn lead_source_label(value: LeadSource) -> &'static str {
    match value {
        LeadSource::AppSource => "AppSource",
        LeadSource::AzureMarketplace => "Azure Marketplace",
        LeadSource::AzurePortal => "Azure portal",
    }
}

/// The label of a lead type, as the filter panel and the lead show it.
pub fn lead_type_label(value: LeadType) -> &'static str {
    match value {
        LeadType::Offer => "Offer",
        LeadType::Profile => "Business profile",
    }
}

/// The label of a lead quality; Low marks a probable spam lead.
pub fn lead_quality_label(value: LeadQuality) -> &'static str {
    match value {
        LeadQuality::High => "High",
        LeadQuality::Medium => "Medium",
        LeadQuality::Low => "Low (probable spam)",
    }
}

/// The label of an email validity, as the indicators and the filter panel word it.
pub fn email_validity_label(value: EmailValidity) -> &'static str {
    match value {
        EmailValidity::Valid => "Valid",
        EmailValidity::Invalid => "Invalid",
        EmailValidity::Spam => "Spam",
        EmailValidity::Unknown => "Not verified",
    }
}

/// The label of a phone validity, as the indicators and the filter panel word it.
pub fn phone_validity_label(value: PhoneValidity) -> &'static str {
    match value {
        PhoneValidity::Valid => "Valid",
        PhoneValidity::Invalid => "Invalid",
        PhoneValidity::Unknown => "Not verified",
    }
}

/// A filter with its texts folded once, so a long list is not re-folded per needle.
struct Prepared<'f> {
    filter: &'f Filter,
    customer_names: Vec<String>,
    /// One searcher per folded search word, built once for the whole list.
    search_words: Vec<memmem::Finder<'static>>,
}

impl<'f> Prepared<'f> {
    fn new(filter: &'f Filter) -> Self {
        Prepared {
            filter,
            customer_names: filter
                .customer_names
                .iter()
                .map(|name| fold(name.trim()))
                .filter(|name| !name.is_empty())
                .collect(),
            search_words: fold(&filter.search)
                .split_whitespace()
                .map(|word| memmem::Finder::new(word).into_owned())
                .collect(),
        }
    }

    /// Every filter but the free-text search, of a referral or of its list entry.
    fn matches_fields(&self, listed: &impl Listed) -> bool {
        let f = self.filter;
        let validities = || listed.validities();
        f.stage.is_none_or(|stage| listed.stage() == stage)
            && f.category
                .is_none_or(|category| listed.category() == category)
            && accepts(&f.calls_to_action, listed.call_to_action())
            && (f.countries.is_empty()
                || f.countries.iter().any(|country| {
                    country
                        .as_str()
                        .eq_ignore_ascii_case(listed.country().trim())
                }))
            && (self.customer_names.is_empty() || {
                let customer = listed.folded_customer_name();
                self.customer_names
                    .iter()
                    .any(|name| customer.contains(name.as_str()))
            })
            && accepts(&f.lead_sources, listed.lead_source())
            && accepts(&f.lead_types, listed.lead_type())
            // Assessing quality checks every contact: only when a quality filter asks.
            && (f.lead_qualities.is_empty() || f.lead_qualities.contains(&listed.quality()))
            && accepts(&f.statuses, Some(listed.status()))
            && (f.email_validities.is_empty()
                || validities().is_some_and(|(email, _)| f.email_validities.contains(&email)))
            && (f.phone_validities.is_empty()
                || validities().is_some_and(|(_, phone)| f.phone_validities.contains(&phone)))
    }

    /// Whether every search word occurs in a referral's folded searchable text.
    fn matches_words(&self, text: &[u8]) -> bool {
        self.search_words
            .iter()
            .all(|word| word.find(text).is_some())
    }
}

/// The folded searchable text of each referral of a list, built once for many queries.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    texts: Vec<Vec<u8>>,
}

impl SearchIndex {
    pub fn new(referrals: &[Referral]) -> SearchIndex {
        SearchIndex {
            texts: referrals.iter().map(searchable_text).collect(),
        }
    }
}

fn searchable_text(referral: &Referral) -> Vec<u8> {
    let mut text = Vec::with_capacity(128);
    write_searchable_text(&mut text, referral);
    text
}

/// What search looks at — customer, deal name, notes, contacts' names and emails —
/// folded, each field ended by a newline, which no search word contains, so a word
/// never matches across two fields.
fn write_searchable_text(text: &mut Vec<u8>, referral: &Referral) {
    let contacts = referral.customer_profile.team.iter().flat_map(|contact| {
        [
            contact.first_name.as_str(),
            contact.last_name.as_str(),
            contact.email.as_deref().unwrap_or_default(),
        ]
    });
    let fields = [
        referral.customer_profile.name.as_str(),
        referral.name.as_str(),
        referral.details.notes.as_deref().unwrap_or_default(),
    ];
    for field in fields.into_iter().chain(contacts) {
        fold_into(text, field);
        text.push(b'\n');
    }
}

/// An empty set accepts anything; otherwise the value must be present and in the set.
fn accepts<T: Ord>(accepted: &BTreeSet<T>, value: Option<T>) -> bool {
    accepted.is_empty() || value.is_some_and(|v| accepted.contains(&v))
}
