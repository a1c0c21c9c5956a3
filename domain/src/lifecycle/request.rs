//! A partner's action as it is sent: which action, with the form as typed. The server
//! runs it on the referral as it is; the app runs the same code on its cached copy
//! to show a queued action's effect while the server has not answered yet.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::forms::{AcceptForm, EditForm, NewTeamMember, WonForm};
use super::reason::ReasonForm;
use super::{Action, LifecycleError, transitions};
use crate::referral::{Actor, Referral};
use crate::registration::ExchangeRates;

/// One lifecycle action with its form, as the API receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", content = "form")]
pub enum ActionRequest {
    Accept(AcceptForm),
    Decline(ReasonForm),
    Edit(EditForm),
    AddTeamMember(NewTeamMember),
    Won(WonForm),
    Lost(ReasonForm),
}

impl ActionRequest {
    pub fn action(&self) -> Action {
        match self {
            ActionRequest::Accept(_) => Action::Accept,
            ActionRequest::Decline(_) => Action::Decline,
            ActionRequest::Edit(_) => Action::Edit,
            ActionRequest::AddTeamMember(_) => Action::AddTeamMember,
            ActionRequest::Won(_) => Action::Won,
            ActionRequest::Lost(_) => Action::Lost,
        }
    }

    /// Validates the form and applies the action to `referral` (the form's errors
    /// come back as [`LifecycleError::Invalid`]). Won needs the dollar `rates` that
    /// decide whether the deal must be registered.
    pub fn apply(
        &self,
        referral: &Referral,
        actor: &Actor,
        now: DateTime<Utc>,
        rates: &ExchangeRates,
    ) -> Result<Referral, LifecycleError> {
        let invalid = |errors| LifecycleError::Invalid { errors };
        match self {
            ActionRequest::Accept(form) => {
                let command = form.parse(now).map_err(invalid)?;
                transitions::accept(referral, command, actor, now)
            }
            ActionRequest::Decline(form) => {
                let reason = form.parse().map_err(invalid)?;
                transitions::decline(referral, reason, actor, now)
            }
            ActionRequest::Edit(form) => {
                let command = form.parse_for(referral, now).map_err(invalid)?;
                transitions::edit(referral, command, actor, now)
            }
            ActionRequest::AddTeamMember(form) => {
                let member = form.parse().map_err(invalid)?;
                transitions::add_team_member(referral, member, actor, now)
            }
            ActionRequest::Won(form) => {
                let command = form.parse(referral, rates, now).map_err(invalid)?;
                transitions::won(referral, command, actor, now)
            }
            ActionRequest::Lost(form) => {
                let reason = form.parse().map_err(invalid)?;
                transitions::lost(referral, reason, actor, now)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::lifecycle::fixtures::{accept_command, deal_form, inbox_referral, now, user};
    use crate::lifecycle::{Blocked, accept};
    use crate::referral::Substatus;

    #[test]
    fn a_request_applies_exactly_what_its_action_applies() {
        let referral = inbox_referral(Duration::hours(3));
        let form = AcceptForm {
            deal: deal_form("48500.50", "USD"),
            customer_contacts: Vec::new(),
        };
        let request = ActionRequest::Accept(form);
        assert_eq!(request.action(), Action::Accept);
        let applied = request
            .apply(&referral, &user(), now(), &ExchangeRates::default())
            .unwrap();
        let direct = accept(&referral, accept_command("48500.50"), &user(), now()).unwrap();
        assert_eq!(applied, direct);
    }

    #[test]
    fn a_request_refuses_what_its_action_refuses() {
        let expired = inbox_referral(Duration::days(15));
        let decline = ActionRequest::Decline(ReasonForm {
            status_reason: "NotACustomer".to_owned(),
            notes: String::new(),
        });
        match decline.apply(&expired, &user(), now(), &ExchangeRates::default()) {
            Err(LifecycleError::IllegalTransition(illegal)) => {
                assert_eq!(illegal.blocked, Blocked::Overdue);
            }
            other => panic!("expected an overdue refusal, got {other:?}"),
        }
        let invalid = ActionRequest::Lost(ReasonForm::default());
        let accepted = crate::lifecycle::fixtures::accepted_referral("1000");
        assert!(matches!(
            invalid.apply(&accepted, &user(), now(), &ExchangeRates::default()),
            Err(LifecycleError::Invalid { .. })
        ));
        let lost = ActionRequest::Lost(ReasonForm {
            status_reason: "NotACustomer".to_owned(),
            notes: String::new(),
        })
        .apply(&accepted, &user(), now(), &ExchangeRates::default())
        .unwrap();
        assert_eq!(lost.substatus, Substatus::Lost);
    }

    #[test]
    fn a_request_reads_back_as_the_action_with_its_form() {
        let request = ActionRequest::Decline(ReasonForm {
            status_reason: "Others".to_owned(),
            notes: "Duplicate".to_owned(),
        });
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(
            text,
            r#"{"action":"Decline","form":{"statusReason":"Others","notes":"Duplicate"}}"#
        );
        assert_eq!(
            serde_json::from_str::<ActionRequest>(&text).unwrap(),
            request
        );
    }
}
