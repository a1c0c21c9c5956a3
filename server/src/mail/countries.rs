//! Countries by name in each language, for the emails (the app names them with the
//! browser's `Intl`, `src/format.rs`): `server/countries/<tag>.txt`, one "CODE Name"
//! line per country, written from the same CLDR names by `scripts/country-names.mjs`.

use std::collections::HashMap;
use std::sync::OnceLock;

use domain::i18n::Locale;

fn names_of(locale: Locale) -> &'static str {
    match locale {
        Locale::English => include_str!("../../countries/en.txt"),
        Locale::German => include_str!("../../countries/de.txt"),
        Locale::Chinese => include_str!("../../countries/zh.txt"),
        Locale::Russian => include_str!("../../countries/ru.txt"),
    }
}

/// The country `code` as a mail shows it in `locale`, its name with its code, as the app
/// shows it: "Germany (DE)", "Deutschland (DE)". A code without a name stays as it is.
pub fn country(locale: Locale, code: &str) -> String {
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
    let at = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    match tables[at].get(code) {
        Some(name) => format!("{name} ({code})"),
        None => code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::business_profile::Region;

    #[test]
    fn every_country_of_every_region_has_a_name_in_every_language() {
        for locale in Locale::ALL {
            for region in Region::ALL {
                for code in region.countries() {
                    let shown = country(locale, code.as_str());
                    assert_ne!(shown, code.as_str(), "{locale}: {}", code.as_str());
                }
            }
        }
    }

    #[test]
    fn a_country_reads_in_the_mails_language_with_its_code() {
        assert_eq!(country(Locale::English, "DE"), "Germany (DE)");
        assert_eq!(country(Locale::German, "DE"), "Deutschland (DE)");
        assert_eq!(country(Locale::Russian, "AT"), "Австрия (AT)");
        assert_eq!(country(Locale::Chinese, "JP"), "日本 (JP)");
        assert_eq!(country(Locale::English, "ZZ"), "ZZ");
    }
}
