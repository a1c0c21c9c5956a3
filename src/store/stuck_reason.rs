//! Why the server would not take a change from the outbox, kept as the server said it
//! (its problem's code and values, the form's field errors) and worded only when shown:
//! a change stuck while the app was in English reads in German once the user switches.

use domain::FieldErrors;
use serde::{Deserialize, Deserializer, Serialize};

use crate::api::ApiError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum StuckReason {
    /// The server's answer: a problem by its code, else its status.
    Answer { error: ApiError },
    /// What the form lacks, field by field (the server's check of a change made offline).
    Invalid { errors: FieldErrors },
    /// The action no longer applies to the referral, and the server said no more.
    NoLongerApplies,
    /// An item stuck by an earlier version of the app, which kept only its words.
    Words { text: String },
}

impl StuckReason {
    /// In the reader's language of the moment.
    pub fn in_words(&self) -> String {
        match self {
            StuckReason::Answer { error } => crate::i18n::api_error(error),
            StuckReason::Invalid { errors } => errors
                .0
                .iter()
                .map(crate::i18n::field_error)
                .collect::<Vec<_>>()
                .join(" "),
            StuckReason::NoLongerApplies => crate::i18n::t("sync-action-no-longer-applies"),
            StuckReason::Words { text } => text.clone(),
        }
    }

    /// Reads a reason, or the plain words an earlier version kept in its place.
    pub fn kept_or_words<'de, D: Deserializer<'de>>(from: D) -> Result<StuckReason, D::Error> {
        Ok(Stored::deserialize(from)?.into())
    }

    /// As [`StuckReason::kept_or_words`], where there may be none.
    pub fn maybe_kept_or_words<'de, D: Deserializer<'de>>(
        from: D,
    ) -> Result<Option<StuckReason>, D::Error> {
        Ok(Option::<Stored>::deserialize(from)?.map(StuckReason::from))
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Stored {
    Kept(StuckReason),
    Words(String),
}

impl From<Stored> for StuckReason {
    fn from(stored: Stored) -> StuckReason {
        match stored {
            Stored::Kept(reason) => reason,
            Stored::Words(text) => StuckReason::Words { text },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::outbox::Stuck;
    use domain::Explanation;

    #[test]
    fn a_reason_is_kept_as_the_server_gave_it_and_worded_when_shown() {
        let stuck = Stuck::Refused {
            reason: StuckReason::Answer {
                error: ApiError::Server {
                    status: 409,
                    explanation: Some(Explanation::new("archived").with("substatus", "Won")),
                    detail: Some("This referral is already archived (Won); …".to_owned()),
                },
            },
        };
        let json = serde_json::to_string(&stuck).unwrap();
        assert!(json.contains(r#""code":"archived""#), "{json}");
        let back: Stuck = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stuck);
        let Stuck::Refused { reason } = back else {
            unreachable!()
        };
        assert_eq!(
            reason.in_words(),
            "This referral is already archived (Won); archived referrals accept no actions."
        );
    }

    #[test]
    fn items_an_earlier_version_kept_in_words_still_read() {
        let refused: Stuck =
            serde_json::from_str(r#"{"kind":"refused","message":"Nope."}"#).unwrap();
        assert_eq!(
            refused,
            Stuck::Refused {
                reason: StuckReason::Words {
                    text: "Nope.".to_owned()
                }
            }
        );
        // A conflict's reason, as `Stuck::Conflict` reads it.
        #[derive(Deserialize)]
        struct Conflict {
            #[serde(default, deserialize_with = "StuckReason::maybe_kept_or_words")]
            reason: Option<StuckReason>,
        }
        let read = |json: &str| serde_json::from_str::<Conflict>(json).unwrap().reason;
        assert_eq!(
            read(r#"{"reason":"It expired."}"#),
            Some(StuckReason::Words {
                text: "It expired.".to_owned()
            })
        );
        assert_eq!(read(r#"{"reason":null}"#), None);
        assert_eq!(read("{}"), None);
        assert_eq!(
            read(r#"{"reason":{"kind":"noLongerApplies"}}"#),
            Some(StuckReason::NoLongerApplies)
        );
    }
}
