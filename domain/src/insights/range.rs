//! The days an insights page looks at: `from` and `to` as the URL and the API spell
//! them (`?from=2026-09-01&to=2026-11-30`), checked once at the edge.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::problem::Explanation;
use crate::values::{EARLIEST_YEAR, LATEST_YEAR};

/// How many days the range covers when the URL names none: the last 90, today included.
pub const DEFAULT_DAYS: u64 = 90;

/// The query parameter of the first day.
pub const FROM: &str = "from";
/// The query parameter of the last day.
pub const TO: &str = "to";

/// Whole UTC days from `from` to `to`, both included; never empty (`from <= to`).
///
/// UTC days, not the viewer's: the app (offline) and the server must count the same
/// referrals for the same link, wherever the viewer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InsightsRange {
    from: NaiveDate,
    to: NaiveDate,
}

/// Why a range from a link or a request cannot be used; its words say how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeError(pub Explanation);

impl std::fmt::Display for RangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.english())
    }
}

impl std::error::Error for RangeError {}

impl InsightsRange {
    /// The range of the given days; `None` when `from` is after `to`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<InsightsRange> {
        (from <= to).then_some(InsightsRange { from, to })
    }

    /// The last [`DEFAULT_DAYS`] days up to and including `today`.
    pub fn default_until(today: NaiveDate) -> InsightsRange {
        InsightsRange {
            from: today
                .checked_sub_days(Days::new(DEFAULT_DAYS - 1))
                .unwrap_or(today),
            to: today,
        }
    }

    /// Reads `from` and `to` as the URL or the API gives them (`YYYY-MM-DD`, either may be
    /// missing; one given empty is not a date, as the API's schema says). Without `to` the
    /// range ends `today`; without `from` it starts [`DEFAULT_DAYS`] days before its end.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
    ) -> Result<InsightsRange, RangeError> {
        fn given(text: Option<&str>) -> Option<&str> {
            text.map(str::trim)
        }
        let to = match given(to) {
            Some(text) => day(TO, text)?,
            None => today,
        };
        let from = match given(from) {
            Some(text) => day(FROM, text)?,
            None => InsightsRange::default_until(to).from,
        };
        InsightsRange::new(from, to).ok_or_else(|| {
            RangeError(
                Explanation::new("range-reversed")
                    .with("from", from.to_string())
                    .with("to", to.to_string()),
            )
        })
    }

    /// Reads the range from a query string (`from=…&to=…`; other parameters are the caller's).
    pub fn from_query_string(query: &str, today: NaiveDate) -> Result<InsightsRange, RangeError> {
        let (mut from, mut to) = (None, None);
        for (name, value) in crate::filter::query_pairs(query) {
            match name.as_str() {
                FROM => from = Some(value),
                TO => to = Some(value),
                _ => {}
            }
        }
        InsightsRange::parse(from.as_deref(), to.as_deref(), today)
    }

    /// The query string of this range: `from=2026-09-01&to=2026-11-30`.
    pub fn to_query_string(self) -> String {
        format!("{FROM}={}&{TO}={}", self.from, self.to)
    }

    pub fn from(self) -> NaiveDate {
        self.from
    }

    pub fn to(self) -> NaiveDate {
        self.to
    }

    /// Whether `at` falls on one of the range's days (UTC).
    pub fn contains(self, at: DateTime<Utc>) -> bool {
        (self.from..=self.to).contains(&at.date_naive())
    }

    /// The range's first instant.
    pub fn start(self) -> DateTime<Utc> {
        self.from.and_time(NaiveTime::MIN).and_utc()
    }
}

/// One day as typed in a link: `YYYY-MM-DD`, in the years the app's dates allow.
fn day(name: &str, text: &str) -> Result<NaiveDate, RangeError> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        // chrono also reads "2026-9-1"; links show and keep the zero-padded form only.
        .filter(|date| date.format("%Y-%m-%d").to_string() == text)
        .ok_or_else(|| {
            RangeError(
                Explanation::new("range-not-a-date")
                    .with("name", name)
                    .with("value", text),
            )
        })?;
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
        return Err(RangeError(
            Explanation::new("range-years")
                .with("name", name)
                .with("value", text)
                .with("earliest", EARLIEST_YEAR.to_string())
                .with("latest", LATEST_YEAR.to_string()),
        ));
    }
    Ok(date)
}
