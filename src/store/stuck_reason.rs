//! Why the server would not take a change from the outbox, kept as the server said it
//! (its problem's code and values, the form's field errors) and worded only when shown:
//! a change stuck while the app was in English reads in German once the user switches.

use domain::FieldErrors;
use serde::{Deserialize, Serialize};

use crate::api::ApiError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Externally tagged (serde's default): reading it needs no buffering, less code in the wasm.
#[serde(rename_all = "camelCase")]
pub enum StuckReason {
    /// The server's answer: a problem by its code, else its status.
    Answer { error: ApiError },
    /// What the form lacks, field by field (the server's check of a change made offline).
    Invalid { errors: FieldErrors },
    /// The action no longer applies to the referral, and the server said no more.
    NoLongerApplies,
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::outbox::{Pending, Stuck};
    use domain::Explanation;

    #[test]
    fn a_reason_is_kept_as_the_server_gave_it_and_worded_when_shown() {
        let stuck = Stuck::refused(StuckReason::Answer {
            error: ApiError::Server {
                status: 409,
                explanation: Some(Explanation::new("archived").with("substatus", "Won")),
                detail: Some("This referral is already archived (Won); …".to_owned()),
            },
        });
        let json = serde_json::to_string(&stuck).unwrap();
        assert!(json.contains(r#""code":"archived""#), "{json}");
        let back: Stuck = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stuck);
        assert_eq!(
            back.in_words().unwrap(),
            "This referral is already archived (Won); archived referrals accept no actions."
        );
    }

    /// A tab still running an older build shares the device's outbox: it reads what this
    /// build writes (the words it knows), and this build reads what it wrote.
    #[test]
    fn older_builds_and_this_one_read_each_others_stuck_items() {
        let older = r#"{"seq":7,"referralId":"r1","change":{"kind":"favorite","favorite":true},
            "idempotencyKey":"k7","queuedAt":"2026-11-30T10:00:00Z",
            "stuck":{"kind":"refused","message":"Nope."}}"#;
        let pending: Pending = serde_json::from_str(older).unwrap();
        assert_eq!(pending.stuck.as_ref().unwrap().in_words().unwrap(), "Nope.");

        // What an older build expects of a refused item: its words, under `message`.
        let written = serde_json::to_value(Stuck::refused(StuckReason::NoLongerApplies)).unwrap();
        assert_eq!(written["kind"], "refused");
        assert!(
            written["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{written}"
        );
    }
}
