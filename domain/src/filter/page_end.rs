//! Where a page of a list ended, as a cursor for the next page: the sort value its last
//! referral had when the page was served, and that referral's id. The next page starts
//! after that place in the order, not after wherever the referral sorts now, so a change
//! to it (declined, edited, un-hearted) neither skips nor repeats the rows that follow.

use std::cmp::Ordering;

use chrono::{DateTime, SecondsFormat, Utc};
use rust_decimal::Decimal;

use super::entry::{ListEntry, Listed};
use super::sort::{SortValue, compare_keyed};
use super::{SortDirection, SortKey};

/// Written first in every cursor, so a cursor of another kind (a bare id, handed out
/// before there were these) is told apart.
const MARK: &str = "p1";
const SEPARATOR: char = '~';

/// The place in one order (sort key and direction) a page ended at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageEnd {
    key: SortKey,
    direction: SortDirection,
    value: Option<SortValue>,
    id: String,
}

impl PageEnd {
    /// The place of `last`, the page's last entry, in the order `key` and `direction`.
    pub fn at(last: &ListEntry, key: SortKey, direction: SortDirection) -> PageEnd {
        PageEnd {
            key,
            direction,
            value: last.sort_value(key),
            id: last.id().to_owned(),
        }
    }

    /// As the next page's link carries it: `p1~created~desc~t2026-11-29T08:00:00Z~<id>`.
    pub fn to_cursor(&self) -> String {
        let value = match &self.value {
            None => "-".to_owned(),
            Some(SortValue::Time(at)) => {
                format!("t{}", at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
            }
            Some(SortValue::Amount(amount)) => format!("a{amount}"),
            Some(SortValue::Rank(rank)) => format!("r{rank}"),
        };
        [
            MARK,
            self.key.as_str(),
            self.direction.as_str(),
            &value,
            &self.id,
        ]
        .join("~")
    }

    /// The place a cursor names, for a list in the order `key` and `direction`; `None`
    /// when it is no cursor of this kind or was made for another order (its value would
    /// say nothing about where to go on).
    pub fn from_cursor(cursor: &str, key: SortKey, direction: SortDirection) -> Option<PageEnd> {
        let mut parts = cursor.splitn(5, SEPARATOR);
        let (mark, in_key, in_direction, value, id) = (
            parts.next()?,
            parts.next()?,
            parts.next()?,
            parts.next()?,
            parts.next()?,
        );
        if mark != MARK
            || in_key != key.as_str()
            || in_direction != direction.as_str()
            || id.is_empty()
        {
            return None;
        }
        let value = match value.split_at_checked(1)? {
            ("-", "") => None,
            ("t", at) => Some(SortValue::Time(
                DateTime::parse_from_rfc3339(at).ok()?.with_timezone(&Utc),
            )),
            ("a", amount) => Some(SortValue::Amount(amount.parse::<Decimal>().ok()?)),
            ("r", rank) => Some(SortValue::Rank(rank.parse().ok()?)),
            _ => return None,
        };
        // A value of another kind than the key gives cannot be where this order put a row.
        let expected = match key {
            SortKey::Created | SortKey::Updated | SortKey::Expiry => {
                matches!(value, None | Some(SortValue::Time(_)))
            }
            SortKey::DealValue => matches!(value, None | Some(SortValue::Amount(_))),
            SortKey::EmailValidity | SortKey::PhoneValidity => {
                matches!(value, None | Some(SortValue::Rank(_)))
            }
        };
        expected.then(|| PageEnd {
            key,
            direction,
            value,
            id: id.to_owned(),
        })
    }

    /// Whether `entry` sorts after this place: it belongs to a later page.
    pub fn is_before(&self, entry: &ListEntry) -> bool {
        compare_keyed(
            self.direction,
            (self.value, &self.id),
            (entry.sort_value(self.key), entry.id()),
        ) == Ordering::Less
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::filter::compare_entries;
    use crate::filter::tests::arbitrary_referral;

    proptest! {
        /// A page's end read back from its cursor splits the list exactly after it: every
        /// entry up to it is on this page or before, every one after on the next.
        #[test]
        fn a_cursor_continues_right_after_its_page(
            referrals in proptest::collection::vec(arbitrary_referral(), 1..12),
            key in proptest::sample::select(SortKey::ALL.to_vec()),
            direction in proptest::sample::select(SortDirection::ALL.to_vec()),
            at in 0usize..12,
        ) {
            // Ids are unique in real data (the order's last tie-breaker).
            let mut entries: Vec<ListEntry> = referrals
                .into_iter()
                .enumerate()
                .map(|(n, mut referral)| {
                    referral.id = format!("r{n}");
                    ListEntry::of(&referral)
                })
                .collect();
            entries.sort_by(|a, b| compare_entries(key, direction, a, b));
            let at = at % entries.len();
            let end = PageEnd::from_cursor(&PageEnd::at(&entries[at], key, direction).to_cursor(), key, direction)
                .expect("a cursor reads back");
            for (n, entry) in entries.iter().enumerate() {
                prop_assert_eq!(end.is_before(entry), n > at, "entry {} of {}", n, entries.len());
            }
        }
    }

    #[test]
    fn a_cursor_of_another_order_or_kind_is_none() {
        let referral = crate::fixtures::referral("a~b");
        let entry = ListEntry::of(&referral);
        let cursor = PageEnd::at(&entry, SortKey::Created, SortDirection::Desc).to_cursor();
        assert!(cursor.starts_with("p1~created~desc~t"), "{cursor}");
        let end = PageEnd::from_cursor(&cursor, SortKey::Created, SortDirection::Desc).unwrap();
        assert_eq!(end.id, "a~b", "an id may hold the separator");
        assert_eq!(
            PageEnd::from_cursor(&cursor, SortKey::Updated, SortDirection::Desc),
            None
        );
        assert_eq!(
            PageEnd::from_cursor(&cursor, SortKey::Created, SortDirection::Asc),
            None
        );
        assert_eq!(
            PageEnd::from_cursor("a", SortKey::Created, SortDirection::Desc),
            None
        );
        assert_eq!(
            PageEnd::from_cursor(
                "p1~created~desc~a12~x",
                SortKey::Created,
                SortDirection::Desc
            ),
            None
        );
        assert_eq!(
            PageEnd::from_cursor(
                "p1~created~desc~tnot-a-time~x",
                SortKey::Created,
                SortDirection::Desc
            ),
            None
        );
        assert_eq!(
            PageEnd::from_cursor("p1~created~desc~-~", SortKey::Created, SortDirection::Desc),
            None
        );
        assert!(
            PageEnd::from_cursor(
                "p1~dealValue~asc~a12.50~x",
                SortKey::DealValue,
                SortDirection::Asc
            )
            .is_some()
        );
        assert!(
            PageEnd::from_cursor("p1~expiry~asc~-~x", SortKey::Expiry, SortDirection::Asc)
                .is_some()
        );
    }
}
