//! The languages the product speaks and its message catalogue.
//!
//! The catalogue is a set of Fluent files (`locales/<tag>/*.ftl` at the repository's
//! root), read by the wasm app and by the server alike. Only the subset of Fluent the
//! product needs is understood (text, `{ $variable }`, `{ "literal" }` and selectors
//! on a variable, plural categories included); anything else is a parse error, so a
//! message never silently loses a part. Plural categories and digit grouping follow
//! CLDR for the four languages, here, so both sides agree without a locale library.

mod catalogue;
mod numbers;
mod plural;
mod sources;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use catalogue::{Arg, Catalogue, ParseError};
pub use numbers::group_digits;
pub use plural::{PluralCategory, plural_category};
pub use sources::{CATALOGUE_FILES, ENGLISH, bundled_sources};

/// The English catalogue, parsed once: coded errors are worded by it, and the app shows it
/// until (or instead of) the reader's language.
pub fn english() -> &'static Catalogue {
    static PARSED: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| {
        Catalogue::parse(Locale::English, ENGLISH)
            .unwrap_or_else(|_| Catalogue::empty(Locale::English))
    })
}

/// The id of a domain value's words, `value-<Kind>-<Value>` (`locales/*/values.ftl`), e.g.
/// `value_id("Substatus", "Won")`. Values are stored in the API's spelling and worded only
/// at the edge, by this id.
pub fn value_id(kind: &str, value: &str) -> String {
    format!("value-{kind}-{value}")
}

/// A language of the product. Values are translated at the edge; what is stored
/// (statuses, reasons, …) stays in the API's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "de")]
    German,
    #[serde(rename = "zh")]
    Chinese,
    #[serde(rename = "ru")]
    Russian,
}

impl Locale {
    pub const ALL: [Locale; 4] = [
        Locale::English,
        Locale::German,
        Locale::Chinese,
        Locale::Russian,
    ];

    /// The BCP 47 tag the catalogue's folder and the API use.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::German => "de",
            Locale::Chinese => "zh",
            Locale::Russian => "ru",
        }
    }

    /// The tag handed to formatters (`Intl`): English is written the British way
    /// ("21 Nov 2026"), Chinese in simplified script.
    pub fn format_tag(self) -> &'static str {
        match self {
            Locale::English => "en-GB",
            Locale::German => "de-DE",
            Locale::Chinese => "zh-Hans-CN",
            Locale::Russian => "ru-RU",
        }
    }

    /// The language's own name, as a picker lists it (never translated: a reader
    /// looks for their own language in their own script).
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::English => "English",
            Locale::German => "Deutsch",
            Locale::Chinese => "简体中文",
            Locale::Russian => "Русский",
        }
    }

    /// The product's language for a BCP 47 tag such as `de-AT` or `zh-Hans-CN`;
    /// `None` for a language it does not speak (traditional Chinese included).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = lower.split('-').next().unwrap_or("");
        match primary {
            "en" => Some(Locale::English),
            "de" => Some(Locale::German),
            "ru" => Some(Locale::Russian),
            "zh" => {
                let traditional = ["hant", "tw", "hk", "mo"]
                    .iter()
                    .any(|part| lower.split('-').skip(1).any(|p| p == *part));
                (!traditional).then_some(Locale::Chinese)
            }
            _ => None,
        }
    }

    /// The first language of a preference list (a browser's `navigator.languages`,
    /// an `Accept-Language` header's tags) that the product speaks; English otherwise.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Locale {
    type Err = crate::UnknownValue;

    /// Exactly one of the four tags (the API's spelling), not a negotiation.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag() == text)
            .ok_or_else(|| crate::UnknownValue {
                kind: "Locale",
                value: text.to_owned(),
                expected: Locale::ALL.iter().map(|l| l.tag()).collect(),
            })
    }
}
