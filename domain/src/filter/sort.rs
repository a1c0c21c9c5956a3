//! The order of the referral list: one key, one direction, ties broken by id.

use std::cmp::Ordering;

use crate::UnknownValue;
use crate::referral::{EmailValidity, PhoneValidity, Referral};

/// What the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// `createdDateTime`.
    #[default]
    Created,
    /// `updatedDateTime`.
    Updated,
    /// `details.dealValue`, compared as a number whatever the currency (the domain has no exchange rates).
    DealValue,
    /// `expirationDateTime` of referrals that await an answer; others have no expiry.
    Expiry,
    /// The email validity of the primary contact (the best among the customer's contacts).
    EmailValidity,
    /// The phone validity of the primary contact (see `Referral::primary_contact`).
    PhoneValidity,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Created,
        SortKey::Updated,
        SortKey::DealValue,
        SortKey::Expiry,
        SortKey::EmailValidity,
        SortKey::PhoneValidity,
    ];

    /// The key as the query string spells it (`sort=dealValue`).
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Created => "created",
            SortKey::Updated => "updated",
            SortKey::DealValue => "dealValue",
            SortKey::Expiry => "expiry",
            SortKey::EmailValidity => "emailValidity",
            SortKey::PhoneValidity => "phoneValidity",
        }
    }

    /// The label of the sort option.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Created => "Created",
            SortKey::Updated => "Updated",
            SortKey::DealValue => "Deal value",
            SortKey::Expiry => "Expiry",
            SortKey::EmailValidity => "Email validity",
            SortKey::PhoneValidity => "Phone validity",
        }
    }
}

impl std::str::FromStr for SortKey {
    type Err = UnknownValue;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        SortKey::ALL
            .into_iter()
            .find(|key| key.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| UnknownValue {
                kind: "SortKey",
                value: text.to_owned(),
                expected: SortKey::ALL.iter().map(|k| k.as_str()).collect(),
            })
    }
}

/// Ascending puts the smallest first: oldest, cheapest, soonest to expire, least valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortDirection {
    Asc,
    /// Newest, most valuable, latest to expire, most valid first.
    #[default]
    Desc,
}

impl SortDirection {
    pub const ALL: [SortDirection; 2] = [SortDirection::Asc, SortDirection::Desc];

    /// The direction as the query string spells it (`dir=asc`).
    pub fn as_str(self) -> &'static str {
        match self {
            SortDirection::Asc => "asc",
            SortDirection::Desc => "desc",
        }
    }

    pub fn reversed(self) -> SortDirection {
        match self {
            SortDirection::Asc => SortDirection::Desc,
            SortDirection::Desc => SortDirection::Asc,
        }
    }
}

impl std::str::FromStr for SortDirection {
    type Err = UnknownValue;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        SortDirection::ALL
            .into_iter()
            .find(|dir| dir.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| UnknownValue {
                kind: "SortDirection",
                value: text.to_owned(),
                expected: SortDirection::ALL.iter().map(|d| d.as_str()).collect(),
            })
    }
}

/// Validity as a sort rank: Valid > Unknown > Invalid > Spam (a spam address is worse than a fake one).
pub fn email_validity_rank(validity: EmailValidity) -> u8 {
    match validity {
        EmailValidity::Valid => 3,
        EmailValidity::Unknown => 2,
        EmailValidity::Invalid => 1,
        EmailValidity::Spam => 0,
    }
}

/// Validity as a sort rank: Valid > Unknown > Invalid.
pub fn phone_validity_rank(validity: PhoneValidity) -> u8 {
    match validity {
        PhoneValidity::Valid => 3,
        PhoneValidity::Unknown => 2,
        PhoneValidity::Invalid => 1,
    }
}

/// Compares two referrals for the list: by `key` in `direction`, a missing value
/// (no deal value, no expiry, no contacts) last in both directions, then by id
/// ascending so the order is total and does not depend on the input order.
pub fn compare(key: SortKey, direction: SortDirection, a: &Referral, b: &Referral) -> Ordering {
    compare_keyed(
        direction,
        (sort_value(key, a), &a.id),
        (sort_value(key, b), &b.id),
    )
}

/// What a referral sorts by for one key; computed once per referral when sorting a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SortValue {
    Time(chrono::DateTime<chrono::Utc>),
    Amount(rust_decimal::Decimal),
    Rank(u8),
}

pub(crate) fn sort_value(key: SortKey, referral: &Referral) -> Option<SortValue> {
    match key {
        SortKey::Created => Some(SortValue::Time(referral.created_date_time)),
        SortKey::Updated => Some(SortValue::Time(referral.updated_date_time)),
        SortKey::DealValue => referral.details.deal_value.map(SortValue::Amount),
        SortKey::Expiry => expiry_of(referral).map(SortValue::Time),
        SortKey::EmailValidity => best_email(referral).map(SortValue::Rank),
        SortKey::PhoneValidity => best_phone(referral).map(SortValue::Rank),
    }
}

/// The list order of two referrals given by their sort values and ids: the one rule
/// `compare`, `Filter::apply` and `compare_entries` share.
pub(crate) fn compare_keyed(
    direction: SortDirection,
    (a_value, a_id): (Option<SortValue>, &str),
    (b_value, b_id): (Option<SortValue>, &str),
) -> Ordering {
    missing_last(direction, a_value, b_value).then_with(|| a_id.cmp(b_id))
}

fn directed(direction: SortDirection, ordering: Ordering) -> Ordering {
    match direction {
        SortDirection::Asc => ordering,
        SortDirection::Desc => ordering.reverse(),
    }
}

fn missing_last<T: Ord>(direction: SortDirection, a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(direction, a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn expiry_of(referral: &Referral) -> Option<chrono::DateTime<chrono::Utc>> {
    referral
        .awaits_answer()
        .then_some(referral.expiration_date_time)
}

fn best_email(referral: &Referral) -> Option<u8> {
    referral
        .primary_contact()
        .map(|contact| email_validity_rank(contact.email_validity))
}

fn best_phone(referral: &Referral) -> Option<u8> {
    referral
        .primary_contact()
        .map(|contact| phone_validity_rank(contact.phone_validity))
}
