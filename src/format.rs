//! How values read on screen: durations, money, dates and the domain's enum values
//! in words. Presentation only; what the values mean is the domain crate's.

use chrono::{DateTime, Duration, Local, NaiveDate, Utc};
use domain::Countdown;
use domain::i18n::{Arg, Locale};
use domain::referral::{Qualification, ReferralType};
use rust_decimal::Decimal;

use crate::i18n::{locale, t, t_with, value as value_words};

/// A duration in the two largest units that matter: "3 days 4 h", "5 h 12 min", "12 min".
pub fn duration(span: Duration) -> String {
    let minutes = span.num_minutes().max(0);
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let count = |n: i64| Arg::Count(n);
    match (days, hours, minutes) {
        (0, 0, 0) => t("duration-under-a-minute"),
        (0, 0, m) => t_with("duration-minutes", &[("minutes", count(m))]),
        (0, h, 0) => t_with("duration-hours", &[("hours", count(h))]),
        (0, h, m) => t_with(
            "duration-hours-minutes",
            &[("hours", count(h)), ("minutes", count(m))],
        ),
        (d, 0, _) => t_with("duration-days", &[("days", count(d))]),
        (d, h, _) => t_with(
            "duration-days-hours",
            &[("days", count(d)), ("hours", count(h))],
        ),
    }
}

/// What is left of the 24-hour response window.
pub fn response_window(countdown: Countdown) -> String {
    match countdown {
        Countdown::Remaining(left) => {
            t_with("window-left", &[("duration", Arg::Text(&duration(left)))])
        }
        Countdown::Overdue(past) => {
            t_with("window-passed", &[("duration", Arg::Text(&duration(past)))])
        }
    }
}

/// The response window in a list row, where space is short.
pub fn response_window_short(countdown: Countdown) -> String {
    match countdown {
        Countdown::Remaining(left) => t_with(
            "window-left-short",
            &[("duration", Arg::Text(&duration(left)))],
        ),
        Countdown::Overdue(past) => t_with(
            "window-overdue-short",
            &[("duration", Arg::Text(&duration(past)))],
        ),
    }
}

/// What is left before an unanswered referral expires.
pub fn expiry(countdown: Countdown) -> String {
    match countdown {
        Countdown::Remaining(left) => {
            t_with("expires-in", &[("duration", Arg::Text(&duration(left)))])
        }
        Countdown::Overdue(_) => t("expiring-now"),
    }
}

/// A deal value with its currency: "125,000 EUR", "9,999.50 USD" in English (the product's
/// established form), the language's own elsewhere ("12.345,67 €").
pub fn money(value: Decimal, currency: Option<&str>) -> String {
    let number = if value.fract().is_zero() {
        value.trunc().normalize().to_string()
    } else {
        format!("{:.2}", value)
    };
    if locale() != Locale::English {
        return crate::i18n::intl_money(&number, currency);
    }
    let amount = group_thousands(&number);
    match currency {
        Some(currency) => format!("{amount} {currency}"),
        None => amount,
    }
}

/// An instant in the user's time zone: "21 Nov 2026, 09:00" ("29.11.2026, 09:00" in German).
pub fn date_time(at: DateTime<Utc>) -> String {
    if locale() != Locale::English {
        return crate::i18n::intl_date(at.timestamp_millis() as f64, "date-time");
    }
    at.with_timezone(&Local)
        .format("%-d %b %Y, %H:%M")
        .to_string()
}

/// A country as the filter panel and the lead show it: "Germany (DE)" ("Deutschland (DE)").
pub fn country(code: domain::values::CountryCode) -> String {
    let name = if locale() == Locale::English {
        None
    } else {
        crate::i18n::intl_country(code.as_str())
    };
    code.shown(name.as_deref())
}

/// A time of day in the user's time zone: "09:00".
pub fn time(at: DateTime<Utc>) -> String {
    if locale() != Locale::English {
        return crate::i18n::intl_date(at.timestamp_millis() as f64, "time");
    }
    at.with_timezone(&Local).format("%H:%M").to_string()
}

/// How long ago `then` was, for "Synced …": "just now", "3 min ago", "2 h ago",
/// then the day.
pub fn ago(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let minutes = (now - then).num_minutes();
    match minutes {
        ..1 => t("ago-just-now"),
        1..60 => t_with("ago-minutes", &[("minutes", Arg::Count(minutes))]),
        60..1440 => t_with("ago-hours", &[("hours", Arg::Count(minutes / 60))]),
        _ => t_with("ago-on-day", &[("date", Arg::Text(&date(then)))]),
    }
}

/// A day in the user's time zone: "21 Nov 2026" ("29.11.2026" in German).
pub fn date(at: DateTime<Utc>) -> String {
    if locale() != Locale::English {
        return crate::i18n::intl_date(at.timestamp_millis() as f64, "date");
    }
    at.with_timezone(&Local).format("%-d %b %Y").to_string()
}

/// A calendar day (no time of day: a contract's dates, a range's ends) as the language
/// writes a date ("21 Nov 2026", "21.11.2026"). `date` shows an instant in the viewer's
/// time zone: noon of that day there is an instant that falls on the same day.
pub fn day(day: NaiveDate) -> String {
    day.and_hms_opt(12, 0, 0)
        .and_then(|noon| noon.and_local_timezone(Local).earliest())
        .map_or_else(|| day.to_string(), |noon| date(noon.with_timezone(&Utc)))
}

/// An estimated closing date: a calendar day, kept as midnight UTC (DOMAIN.md), shown as
/// that day wherever the reader is (as a date it would be the day before west of UTC,
/// and the Edit form, which shows the day, would disagree).
pub fn closing_day(at: DateTime<Utc>) -> String {
    day(at.date_naive())
}

pub fn qualification(value: Qualification) -> String {
    value_words("Qualification", value.as_str())
}

pub fn referral_type(value: ReferralType) -> String {
    value_words("ReferralType", value.as_str())
}

/// "1234567.50" → "1,234,567.50"; "-1234" → "-1,234".
fn group_thousands(number: &str) -> String {
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    // A deal value has at most 15 whole digits (the domain's `Money`): an i64 holds it.
    let grouped = whole.parse::<i64>().map_or_else(
        |_| whole.to_owned(),
        |whole| domain::i18n::group_digits(Locale::English, whole),
    );
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_use_the_two_largest_units() {
        assert_eq!(duration(Duration::seconds(20)), "less than a minute");
        assert_eq!(duration(Duration::minutes(12)), "12 min");
        assert_eq!(duration(Duration::minutes(5 * 60 + 12)), "5 h 12 min");
        assert_eq!(duration(Duration::hours(5)), "5 h");
        assert_eq!(duration(Duration::hours(24 + 3)), "1 day 3 h");
        assert_eq!(
            duration(Duration::hours(3 * 24 + 4) + Duration::minutes(59)),
            "3 days 4 h"
        );
        assert_eq!(duration(Duration::days(14)), "14 days");
        assert_eq!(duration(Duration::minutes(-5)), "less than a minute");
    }

    #[test]
    fn countdowns_say_what_to_do() {
        assert_eq!(
            response_window(Countdown::Remaining(Duration::minutes(18 * 60 + 5))),
            "18 h 5 min left to respond"
        );
        assert_eq!(
            response_window(Countdown::Overdue(Duration::hours(30))),
            "Respond now: the 24 h window passed 1 day 6 h ago"
        );
        assert_eq!(
            expiry(Countdown::Remaining(Duration::days(9))),
            "Expires in 9 days"
        );
        assert_eq!(
            response_window_short(Countdown::Remaining(Duration::minutes(65))),
            "1 h 5 min left"
        );
        assert_eq!(
            response_window_short(Countdown::Overdue(Duration::hours(2))),
            "Overdue by 2 h"
        );
        assert_eq!(expiry(Countdown::Overdue(Duration::zero())), "Expiring now");
    }

    #[test]
    fn how_long_ago_reads_in_the_largest_unit_that_fits() {
        let now = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 21, 12, 0, 0).unwrap();
        assert_eq!(ago(now, now - Duration::seconds(59)), "just now");
        // The clock ticks twice a minute: a pull a moment after its last tick is "just now" too.
        assert_eq!(ago(now, now + Duration::seconds(20)), "just now");
        assert_eq!(ago(now, now - Duration::minutes(3)), "3 min ago");
        assert_eq!(ago(now, now - Duration::minutes(59)), "59 min ago");
        assert_eq!(ago(now, now - Duration::minutes(150)), "2 h ago");
        assert!(ago(now, now - Duration::days(3)).starts_with("on "));
    }

    #[test]
    fn money_groups_thousands_and_keeps_the_cents() {
        let value = |text: &str| text.parse::<Decimal>().unwrap();
        assert_eq!(money(value("125000"), Some("EUR")), "125,000 EUR");
        assert_eq!(money(value("1234567.50"), Some("USD")), "1,234,567.50 USD");
        assert_eq!(money(value("999"), None), "999");
        assert_eq!(money(value("-1000"), None), "-1,000");
        assert_eq!(money(value("100.00"), Some("JPY")), "100 JPY");
    }
}
