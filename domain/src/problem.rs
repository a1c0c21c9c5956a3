//! What a problem of the API says, by code: the catalogue's message `problem-<code>`
//! (`locales/*/errors.ftl`) with named values. The server sends `code` and `params`
//! beside its English `detail`; the app words them in the reader's language. The
//! English lives only in the catalogue: `detail` is formatted from it.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Arg, Catalogue};

/// A problem's stable code and the values its message names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    /// Machine-readable and stable, e.g. `too-many-sign-ins`.
    pub code: String,
    /// Named values, e.g. `{"seconds": 180}`.
    #[serde(default)]
    pub params: BTreeMap<String, Param>,
}

/// A value named in an explanation: a count is grouped and picks plural forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Param {
    Count(i64),
    Text(String),
}

impl From<i64> for Param {
    fn from(count: i64) -> Param {
        Param::Count(count)
    }
}

impl From<&str> for Param {
    fn from(text: &str) -> Param {
        Param::Text(text.to_owned())
    }
}

impl From<String> for Param {
    fn from(text: String) -> Param {
        Param::Text(text)
    }
}

impl Explanation {
    /// The explanation `code` (its message is `problem-<code>`), without values yet.
    pub fn new(code: &str) -> Explanation {
        Explanation {
            code: code.to_owned(),
            params: BTreeMap::new(),
        }
    }

    /// Adds the value its message names as `{ $name }`.
    pub fn with(mut self, name: &str, value: impl Into<Param>) -> Explanation {
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// The catalogue's id of its message.
    pub fn message_id(&self) -> String {
        format!("{PREFIX}{}", self.code)
    }

    /// In the catalogue's language; `None` when the catalogue has no message for the code.
    pub fn in_words(&self, catalogue: &Catalogue) -> Option<String> {
        let id = self.message_id();
        if !catalogue.contains(&id) {
            return None;
        }
        let args: Vec<(&str, Arg<'_>)> = self
            .params
            .iter()
            .map(|(name, value)| {
                let arg = match (value, value_kind(name)) {
                    (Param::Count(count), _) => Arg::Count(*count),
                    (Param::Text(text), Some(kind)) => Arg::Value { kind, value: text },
                    (Param::Text(text), None) => Arg::Text(text),
                };
                (name.as_str(), arg)
            })
            .collect();
        Some(catalogue.format(&id, &args))
    }

    /// In English, as the API's `detail` says it.
    pub fn english(&self) -> String {
        self.in_words(crate::i18n::english())
            .unwrap_or_else(|| self.message_id())
    }
}

/// The params that name a domain value, by the kind of value: they travel in the API's
/// spelling (`"substatus": "Won"`, `"kind": "LeadSource"`) and read in the reader's words
/// (`value-Substatus-Won`, `value-Kind-LeadSource`), while a message may still select
/// on the spelling, which is the same in every language.
const VALUE_PARAMS: [(&str, &str); 6] = [
    ("status", "Status"),
    ("substatus", "Substatus"),
    ("action", "Action"),
    ("role", "Role"),
    ("region", "Region"),
    ("kind", "Kind"),
];

fn value_kind(param: &str) -> Option<&'static str> {
    VALUE_PARAMS
        .iter()
        .find(|(name, _)| *name == param)
        .map(|(_, kind)| *kind)
}

/// Every problem message's id starts so.
pub const PREFIX: &str = "problem-";

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// A wait in the units a person reads it in: `{"seconds": 45, "minutes": 0}` under a
/// minute, else whole minutes (`minutes` picks the words, `seconds` stays exact).
pub fn wait(explanation: Explanation, seconds: i64) -> Explanation {
    let minutes = match seconds {
        ..=59 => 0,
        60..=119 => 1,
        _ => (seconds + 59) / 60,
    };
    explanation
        .with("seconds", seconds.max(1))
        .with("minutes", minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, bundled_sources};

    #[test]
    fn explanations_travel_as_code_and_params() {
        let throttled = wait(Explanation::new("too-many-sign-ins"), 180);
        let json = serde_json::to_value(&throttled).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "too-many-sign-ins", "params": {"seconds": 180, "minutes": 3}})
        );
        let back: Explanation = serde_json::from_value(json).unwrap();
        assert_eq!(back, throttled);
    }

    #[test]
    fn waits_are_worded_in_each_language_with_plural_forms() {
        let say = |locale: Locale, seconds: i64| {
            let catalogue = Catalogue::parse(locale, bundled_sources(locale)).unwrap();
            wait(Explanation::new("too-many-sign-ins"), seconds)
                .in_words(&catalogue)
                .unwrap()
        };
        assert_eq!(
            say(Locale::English, 180),
            "Too many failed sign-ins from here. Try again in 3 minutes."
        );
        assert!(say(Locale::English, 1).ends_with("in 1 second."));
        assert!(say(Locale::English, 45).ends_with("in 45 seconds."));
        assert!(say(Locale::English, 90).ends_with("in 1 minute."));
        assert!(
            say(Locale::German, 5).contains("5 Sekunden"),
            "{}",
            say(Locale::German, 5)
        );
        assert!(say(Locale::German, 60).contains("1 Minute"));
        assert!(
            say(Locale::Russian, 180).contains("3 минуты"),
            "{}",
            say(Locale::Russian, 180)
        );
        assert!(say(Locale::Russian, 300).contains("5 минут"));
        assert!(say(Locale::Russian, 21).contains("21 секунду"));
        assert!(
            say(Locale::Chinese, 300).contains("5 分钟"),
            "{}",
            say(Locale::Chinese, 300)
        );
    }

    #[test]
    fn an_unknown_code_has_no_words_but_english_names_it() {
        // Built by hand: the catalogue's test reads `Explanation::new` codes as promises.
        let unknown = Explanation {
            code: "no-such-problem".to_owned(),
            params: BTreeMap::new(),
        };
        let english = Catalogue::parse(Locale::English, bundled_sources(Locale::English)).unwrap();
        assert_eq!(unknown.in_words(&english), None);
        assert_eq!(unknown.english(), "problem-no-such-problem");
    }
}
