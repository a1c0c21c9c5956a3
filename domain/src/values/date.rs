//! Calendar dates typed into a form: the estimated closing date and the deal
//! registration's dates all pass through [`CalendarDate::parse`].

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};

use crate::validation::FieldError;
use crate::values::is_blank;

/// The first year a typed date may fall in.
pub const EARLIEST_YEAR: i32 = 2000;
/// The last year a typed date may fall in.
pub const LATEST_YEAR: i32 = 2100;

/// The earliest calendar date anywhere on Earth at `now`: the date at UTC−12 (Baker
/// Island). The domain knows no user's time zone, and "today" is each user's own date,
/// so a date is past only when it is past for everyone: a partner in Los Angeles at 19:00
/// (already tomorrow in UTC) may still pick their today.
pub fn earliest_today(now: DateTime<Utc>) -> NaiveDate {
    now.checked_sub_signed(TimeDelta::hours(12))
        .unwrap_or(now)
        .date_naive()
}

/// The latest calendar date anywhere on Earth at `now`: the date at UTC+14 (Kiribati's
/// Line Islands). A date is in the future only when it is in the future for everyone:
/// a contract signed this morning in Auckland may already be dated tomorrow in UTC.
pub fn latest_today(now: DateTime<Utc>) -> NaiveDate {
    now.checked_add_signed(TimeDelta::hours(14))
        .unwrap_or(now)
        .date_naive()
}

/// A calendar date typed as `YYYY-MM-DD`, or as an RFC 3339 timestamp with any offset
/// (API clients send those), which counts as its date in UTC.
///
/// Always in the years 2000 to 2100 ([`EARLIEST_YEAR`], [`LATEST_YEAR`]): wide enough for
/// any deal, and narrow enough that its timestamp ([`CalendarDate::start_utc`]) is always
/// valid RFC 3339, which knows only four-digit years (chrono would write year 10000 as
/// `+10000-01-01T00:00:00Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate(NaiveDate);

impl CalendarDate {
    pub fn parse(field: &str, text: &str) -> Result<CalendarDate, FieldError> {
        if is_blank(text) {
            return Err(FieldError::coded(field, "error-required", &[]));
        }
        let text = text.trim();
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .or_else(|| {
                DateTime::parse_from_rfc3339(text)
                    .ok()
                    .map(|d| d.with_timezone(&Utc).date_naive())
            })
            .ok_or_else(|| FieldError::coded(field, "error-date", &[]))?;
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
            return Err(FieldError::coded(
                field,
                "error-date-years",
                &[
                    ("earliest", &EARLIEST_YEAR.to_string()),
                    ("latest", &LATEST_YEAR.to_string()),
                ],
            ));
        }
        Ok(CalendarDate(date))
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// The date's first instant in UTC: how it is stored where the API has a timestamp
    /// (`details.closingDateTime`), written as `2026-12-31T00:00:00Z`.
    pub fn start_utc(self) -> DateTime<Utc> {
        self.0.and_time(NaiveTime::MIN).and_utc()
    }
}

impl From<CalendarDate> for NaiveDate {
    fn from(date: CalendarDate) -> NaiveDate {
        date.0
    }
}

impl fmt::Display for CalendarDate {
    /// `2026-12-31`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

#[cfg(test)]
mod tests {
    use chrono::SecondsFormat;
    use proptest::prelude::*;

    use super::*;

    const FIELD: &str = "details.closingDateTime";

    fn message(text: &str) -> String {
        CalendarDate::parse(FIELD, text)
            .expect_err("should be refused")
            .message
    }

    fn stored(text: &str) -> String {
        CalendarDate::parse(FIELD, text)
            .expect("a date")
            .start_utc()
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn today_spans_the_dates_from_utc_minus_12_to_utc_plus_14() {
        // 03:00 UTC: still yesterday evening in Los Angeles, already afternoon in Kiribati.
        assert_eq!(
            earliest_today(at("2026-12-02T03:00:00Z")),
            day("2026-12-01")
        );
        assert_eq!(latest_today(at("2026-12-02T03:00:00Z")), day("2026-12-02"));
        // 13:00 UTC: already tomorrow in Auckland and Kiribati.
        assert_eq!(
            earliest_today(at("2026-12-01T13:00:00Z")),
            day("2026-12-01")
        );
        assert_eq!(latest_today(at("2026-12-01T13:00:00Z")), day("2026-12-02"));
        // The edges: the last hours of a day at UTC−12, the first at UTC+14.
        assert_eq!(
            earliest_today(at("2026-12-02T11:59:59Z")),
            day("2026-12-01")
        );
        assert_eq!(
            earliest_today(at("2026-12-02T12:00:00Z")),
            day("2026-12-02")
        );
        assert_eq!(latest_today(at("2026-12-01T09:59:59Z")), day("2026-12-01"));
        assert_eq!(latest_today(at("2026-12-01T10:00:00Z")), day("2026-12-02"));
    }

    #[test]
    fn a_date_or_a_timestamp_with_any_offset_is_its_utc_date() {
        assert_eq!(stored("2027-03-01"), "2027-03-01T00:00:00Z");
        assert_eq!(
            stored(" 2027-03-01T10:00:00+05:00 "),
            "2027-03-01T00:00:00Z"
        );
        assert_eq!(stored("2027-03-01T23:30:00-02:00"), "2027-03-02T00:00:00Z");
        assert_eq!(stored("2027-03-01T00:30:00+23:59"), "2027-02-28T00:00:00Z");
        assert_eq!(
            CalendarDate::parse(FIELD, "2027-03-01")
                .unwrap()
                .to_string(),
            "2027-03-01"
        );
    }

    #[test]
    fn a_timestamp_that_lands_in_year_10000_is_refused_not_stored_as_plus_10000() {
        assert_eq!(
            message("9999-12-31T23:59:59-23:59"),
            "Estimated closing date must be in the years 2000 to 2100."
        );
        assert_eq!(
            message("9999-12-31"),
            "Estimated closing date must be in the years 2000 to 2100."
        );
        assert_eq!(
            message("1999-12-31"),
            "Estimated closing date must be in the years 2000 to 2100."
        );
    }

    #[test]
    fn the_years_2000_and_2100_are_inside_the_range() {
        assert_eq!(stored("2000-01-01"), "2000-01-01T00:00:00Z");
        assert_eq!(stored("2100-12-31"), "2100-12-31T00:00:00Z");
        assert!(CalendarDate::parse(FIELD, "2101-01-01").is_err());
        // The UTC date decides: this is 2101-01-01 in UTC.
        assert!(CalendarDate::parse(FIELD, "2100-12-31T23:00:00-05:00").is_err());
    }

    #[test]
    fn what_is_not_a_date_says_so_and_blank_is_required() {
        for text in [
            "next spring",
            "31/12/2026",
            "2026-13-45",
            "2026-02-30",
            "\u{0}",
        ] {
            assert_eq!(
                message(text),
                "Estimated closing date must be a date like 2026-12-31.",
                "{text:?}"
            );
        }
        for text in ["", "  ", "\u{200B}"] {
            assert_eq!(
                message(text),
                "Estimated closing date is required.",
                "{text:?}"
            );
        }
    }

    /// Timestamps from year 1900 to 2200 with any offset RFC 3339 allows.
    fn timestamps() -> impl Strategy<Value = String> {
        (
            1900..2200i32,
            1..=12u32,
            1..=31u32,
            0..24u32,
            0..60u32,
            0..60u32,
            -(23 * 60 + 59)..=(23 * 60 + 59i32),
        )
            .prop_map(|(y, mo, d, h, mi, s, offset)| {
                let sign = if offset < 0 { '-' } else { '+' };
                let offset = offset.abs();
                format!(
                    "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{sign}{:02}:{:02}",
                    offset / 60,
                    offset % 60
                )
            })
    }

    proptest! {
        #[test]
        fn every_users_own_today_lies_between_the_earliest_and_the_latest_today(
            seconds in 946_684_800i64..4_133_980_799,
            offset_minutes in -(12 * 60)..=(14 * 60i32),
        ) {
            let now = DateTime::from_timestamp(seconds, 0).unwrap();
            let own = now
                .with_timezone(&chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap())
                .date_naive();
            prop_assert!(earliest_today(now) <= own && own <= latest_today(now));
            prop_assert!(latest_today(now) - earliest_today(now) <= TimeDelta::days(2));
        }

        #[test]
        fn an_accepted_date_is_rfc_3339_that_reads_back_equal_and_lies_in_range(
            text in prop_oneof![timestamps(), timestamps().prop_map(|t| t[..10].to_owned()), any::<String>()],
        ) {
            if let Ok(date) = CalendarDate::parse(FIELD, &text) {
                let written = date.start_utc().to_rfc3339_opts(SecondsFormat::Secs, true);
                prop_assert!(written.len() == 20 && written.ends_with("T00:00:00Z"), "{}", written);
                let read = DateTime::parse_from_rfc3339(&written).unwrap().with_timezone(&Utc);
                prop_assert_eq!(read, date.start_utc());
                prop_assert!((EARLIEST_YEAR..=LATEST_YEAR).contains(&read.year()));
                prop_assert_eq!(CalendarDate::parse(FIELD, &written), Ok(date));
                prop_assert_eq!(CalendarDate::parse(FIELD, &date.to_string()), Ok(date));
            }
        }

        #[test]
        fn a_timestamp_is_refused_exactly_when_its_utc_date_is_out_of_range(text in timestamps()) {
            let Ok(instant) = DateTime::parse_from_rfc3339(&text) else {
                // 31 February and the like.
                prop_assert!(CalendarDate::parse(FIELD, &text).is_err());
                return Ok(());
            };
            let year = instant.with_timezone(&Utc).year();
            prop_assert_eq!(
                CalendarDate::parse(FIELD, &text).is_ok(),
                (EARLIEST_YEAR..=LATEST_YEAR).contains(&year)
            );
        }
    }
}
