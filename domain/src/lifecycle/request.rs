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
                let command = form.parse(now).map_err(invalid)?;
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
