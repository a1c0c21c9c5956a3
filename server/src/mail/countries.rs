//! Countries as the emails name them, as the app does (`CountryCode::shown`): in English
//! by their ISO short name, in the other languages by the CLDR name a browser's `Intl`
//! gives the app, kept in `server/countries/<tag>.txt` (one "CODE Name" line per country,
//! written by `scripts/country-names.mjs`).

use std::collections::HashMap;
use std::sync::OnceLock;

use domain::i18n::Locale;
use domain::values::CountryCode;

fn names_of(locale: Locale) -> &'static str {
    match locale {
        Locale::English => "",
        Locale::German => include_str!("../../countries/de.txt"),
        Locale::Chinese => include_str!("../../countries/zh.txt"),
        Locale::Russian => include_str!("../../countries/ru.txt"),
    }
}

/// `code`'s name in `locale`, when it has one other than the English short name.
fn localized(locale: Locale, code: &str) -> Option<&'static str> {
    static TABLES: OnceLock<Vec<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        Locale::ALL
            .iter()
            .map(|&locale| {
                names_of(locale)
                    .lines()
                    .filter_map(|line| line.split_once(' '))
                    .collect()
            })
            .collect()
    });
    let at = Locale::ALL.iter().position(|l| *l == locale)?;
    tables[at].get(code).copied()
}

/// The lead's country `code` as a mail in `locale` shows it: "Germany (DE)",
/// "Deutschland (DE)". A code that is not a country's stays as it is.
pub fn country(locale: Locale, code: &str) -> String {
    match CountryCode::parse("country", code) {
        Ok(country) => country.shown(localized(locale, country.as_str())),
        Err(_) => code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_a_name_in_every_language_but_english() {
        for locale in [Locale::German, Locale::Russian, Locale::Chinese] {
            for country in CountryCode::all() {
                assert!(
                    localized(locale, country.as_str()).is_some(),
                    "{locale}: {}",
                    country.as_str()
                );
            }
        }
    }

    #[test]
    fn a_country_reads_in_the_mails_language_with_its_code_as_in_the_app() {
        assert_eq!(country(Locale::English, "DE"), "Germany (DE)");
        assert_eq!(country(Locale::English, "KR"), "Korea, Republic of (KR)");
        assert_eq!(country(Locale::German, "DE"), "Deutschland (DE)");
        assert_eq!(country(Locale::Russian, "AT"), "Австрия (AT)");
        assert_eq!(country(Locale::Chinese, "JP"), "日本 (JP)");
        assert_eq!(country(Locale::English, "ZZ"), "ZZ");
    }
}
