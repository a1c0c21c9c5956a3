//! Why a referral was declined or lost: the eight reasons partners choose from, and
//! the form (Decline and Lost ask the same) that picks one with its notes.

use serde::{Deserialize, Serialize};

use crate::validation::{FieldError, FieldErrors};
use crate::values::Notes;

api_enum! {
    /// Why a referral was declined or lost: the eight reasons partners choose from.
    pub enum DeclineReason {
        ProjectBudgetNotAdequate,
        CustomerDidNotRespond,
        CustomerChoseAnotherVendor,
        CustomerRequirementNotMet,
        NotACustomer,
        TimelineTooShort,
        ReportAsAbuse,
        Others,
    }
}

impl DeclineReason {
    /// The reason as partners read it; stored as `statusReason`.
    pub fn label(self) -> &'static str {
        match self {
            DeclineReason::ProjectBudgetNotAdequate => "Project budget isn't adequate",
            DeclineReason::CustomerDidNotRespond => "Customer didn't respond",
            DeclineReason::CustomerChoseAnotherVendor => "Customer chose another vendor",
            DeclineReason::CustomerRequirementNotMet => "Customer requirement not met",
            DeclineReason::NotACustomer => "Not a customer",
            DeclineReason::TimelineTooShort => "Proposed time line was too short",
            DeclineReason::ReportAsAbuse => "Report as abuse, spam, or phishing",
            DeclineReason::Others => "Others",
        }
    }

    /// "Others" says nothing by itself, so it needs notes.
    pub fn requires_notes(self) -> bool {
        self == DeclineReason::Others
    }

    /// Accepts the API spelling (`NotACustomer`) or the label (`Not a customer`).
    pub fn parse(field: &str, text: &str) -> Result<DeclineReason, FieldError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(FieldError::coded(field, "error-choose-reason", &[]));
        }
        DeclineReason::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == text || r.label().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                let labels: Vec<&str> = DeclineReason::ALL.iter().map(|r| r.label()).collect();
                FieldError::new(
                    field,
                    format!("Choose one of the listed reasons: {}.", labels.join(" · ")),
                )
            })
    }
}

/// A reason with its notes, as typed (Decline and Lost ask the same).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct ReasonForm {
    /// A [`DeclineReason`], as the API spells it or as labelled.
    pub status_reason: String,
    pub notes: String,
}

/// A validated reason: notes are present whenever the reason is Others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub reason: DeclineReason,
    pub notes: Option<Notes>,
}

impl ReasonForm {
    pub fn parse(&self) -> Result<Reason, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reason = errors.collect(DeclineReason::parse("statusReason", &self.status_reason));
        let notes = errors.collect(Notes::parse("statusReasonNotes", &self.notes));
        if let (Some(DeclineReason::Others), Some(None)) = (reason, &notes) {
            errors.push(FieldError::coded(
                "statusReasonNotes",
                "error-notes-for-others",
                &[],
            ));
        }
        match (reason, notes) {
            (Some(reason), Some(notes)) if errors.is_empty() => Ok(Reason { reason, notes }),
            _ => Err(errors),
        }
    }
}

/// Decline: a reason and optional notes ("Others" needs notes).
pub type DeclineForm = ReasonForm;
/// Lost: a reason and optional notes ("Others" needs notes).
pub type LostForm = ReasonForm;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::fixtures::errors_of;

    #[test]
    fn the_eight_reasons_read_as_partners_know_them() {
        let labels: Vec<&str> = DeclineReason::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(
            labels,
            [
                "Project budget isn't adequate",
                "Customer didn't respond",
                "Customer chose another vendor",
                "Customer requirement not met",
                "Not a customer",
                "Proposed time line was too short",
                "Report as abuse, spam, or phishing",
                "Others",
            ]
        );
    }

    #[test]
    fn a_reason_is_chosen_by_its_api_spelling_or_its_label() {
        assert_eq!(
            DeclineReason::parse("statusReason", "NotACustomer"),
            Ok(DeclineReason::NotACustomer)
        );
        assert_eq!(
            DeclineReason::parse("statusReason", "Customer didn't respond"),
            Ok(DeclineReason::CustomerDidNotRespond)
        );
        assert_eq!(
            DeclineReason::parse("statusReason", " ")
                .unwrap_err()
                .message,
            "Choose a reason."
        );
        assert!(
            DeclineReason::parse("statusReason", "Bored")
                .unwrap_err()
                .message
                .starts_with("Choose one of the listed reasons: Project budget isn't adequate")
        );
    }

    #[test]
    fn others_requires_notes() {
        let form = ReasonForm {
            status_reason: "Others".to_owned(),
            notes: "  ".to_owned(),
        };
        assert_eq!(
            errors_of(form.parse()).for_field("statusReasonNotes"),
            Some("Notes are required when the reason is Others: say why.")
        );
        let form = ReasonForm {
            notes: "Merged with another lead".to_owned(),
            ..form
        };
        assert_eq!(
            form.parse().unwrap().notes.unwrap().as_str(),
            "Merged with another lead"
        );
    }

    #[test]
    fn others_with_only_zero_width_notes_still_requires_notes_and_nul_is_refused() {
        let form = ReasonForm {
            status_reason: "Others".to_owned(),
            notes: "\u{200B}\u{2060}".to_owned(),
        };
        assert_eq!(
            errors_of(form.parse()).for_field("statusReasonNotes"),
            Some("Notes are required when the reason is Others: say why.")
        );
        let form = ReasonForm {
            notes: "Merged\0".to_owned(),
            ..form
        };
        assert_eq!(
            errors_of(form.parse()).for_field("statusReasonNotes"),
            Some(
                "Status reason notes must not contain an invisible control character: remove the U+0000."
            )
        );
    }

    #[test]
    fn other_reasons_take_notes_optionally() {
        let reason = ReasonForm {
            status_reason: "NotACustomer".to_owned(),
            notes: String::new(),
        }
        .parse()
        .unwrap();
        assert_eq!(reason.reason, DeclineReason::NotACustomer);
        assert_eq!(reason.notes, None);
    }

    #[test]
    fn a_reason_form_reports_all_its_problems_at_once() {
        let errors = errors_of(
            ReasonForm {
                status_reason: String::new(),
                notes: "x".repeat(5_001),
            }
            .parse(),
        );
        assert!(errors.for_field("statusReason").is_some());
        assert!(errors.for_field("statusReasonNotes").is_some());
    }
}
