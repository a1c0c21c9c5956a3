//! CLDR's plural categories of whole numbers for the product's four languages.

use super::Locale;

/// A plural category as Fluent's selectors name them (`[one]`, `[few]`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub fn key(self) -> &'static str {
        match self {
            PluralCategory::One => "one",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// The category of a count: English and German have one/other, Chinese only other,
/// Russian one (1, 21, 101…), few (2–4, 22–24…) and many (0, 5–20, 25…).
pub fn plural_category(locale: Locale, count: i64) -> PluralCategory {
    let n = count.unsigned_abs();
    match locale {
        Locale::English | Locale::German if n == 1 => PluralCategory::One,
        Locale::English | Locale::German | Locale::Chinese => PluralCategory::Other,
        Locale::Russian => match (n % 10, n % 100) {
            (1, tens) if tens != 11 => PluralCategory::One,
            (2..=4, tens) if !(12..=14).contains(&tens) => PluralCategory::Few,
            _ => PluralCategory::Many,
        },
    }
}
