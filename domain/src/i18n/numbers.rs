//! Whole numbers written with each language's digit grouping (CLDR), for counts
//! inside messages. Money and dates are formatted by the caller's own formatter.

use super::Locale;

/// "12,345" in English and Chinese, "12.345" in German, "12 345" (no-break space) in
/// Russian; from four digits on in each, as the browsers' own formatters do.
pub fn group_digits(locale: Locale, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let separator = match locale {
        Locale::English | Locale::Chinese => ",",
        Locale::German => ".",
        Locale::Russian => "\u{a0}",
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    if digits.len() < 4 {
        out.push_str(&digits);
        return out;
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}
