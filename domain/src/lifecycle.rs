//! The lifecycle of a referral (DOMAIN.md §3): each action is a function from one
//! state to the next that refuses illegal moves.
//!
//! Forms (`*Form`, [`NewTeamMember`]) hold what the user typed as text so the app
//! can bind inputs and nothing typed is ever lost; `parse` turns a form into a
//! validated command, reporting every problem at once under the field's API path.
//! Transitions take the referral, the command, the [`Actor`] and `now`, and return
//! the next referral. They never touch `eTag`: storage owns versions.
//!
//! Informational offer leads are archived as **Closed/Expired** by
//! [`archive_if_informational_and_due`]: like expiry, time ran out on a lead that
//! nobody had to answer, and no other substatus fits (Won/Lost/Declined would
//! claim a decision that no one made). The status change's reason tells the two
//! kinds of expiry apart.
//!
//! This module says which action is possible in which state ([`check`],
//! [`allowed_actions`]) and why not ([`IllegalTransition`]); the parts:
//! - `deal`: the deal fields Accept and Edit share, with the team and customer contacts;
//! - `forms`: the forms of Accept, Edit, "Add your employees" and Won;
//! - `reason`: the Decline / Lost reasons and their form;
//! - `request`: an action with its form as sent ([`ActionRequest`]), one `apply` for all;
//! - `transitions`: the partner's actions ([`accept`], [`decline`], [`edit`], …);
//! - `system`: what the system does when time runs out ([`expire_if_overdue`],
//!   [`archive_if_informational_and_due`], [`next_due`], [`close_if_due`]).
//!
//! [`Actor`]: crate::referral::Actor

mod deal;
#[cfg(test)]
pub(crate) mod fixtures;
mod forms;
mod reason;
mod request;
mod system;
#[cfg(test)]
mod tests;
mod transitions;

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use deal::{ContactForm, CustomerContact, Deal, DealForm, Team, TeamMember};
pub use forms::{Accept, AcceptForm, Edit, EditForm, NewTeamMember, Won, WonForm};
pub use reason::{DeclineForm, DeclineReason, LostForm, Reason, ReasonForm};
pub use request::ActionRequest;
pub use system::{
    EXPIRED_REASON, INFORMATIONAL_ARCHIVED_REASON, archive_if_informational_and_due, close_if_due,
    expire_if_overdue, next_due,
};
pub use transitions::{accept, add_team_member, decline, edit, lost, won};

use crate::problem::Explanation;
use crate::referral::{Referral, Status, Substatus};
use crate::timing::{OFFER_LEAD_ARCHIVE_AFTER_MONTHS, is_informational};
use crate::validation::FieldErrors;

api_enum! {
    /// What a partner can do with a referral.
    pub enum Action { Accept, Decline, Edit, AddTeamMember, Won, Lost }
}

impl Action {
    /// The action's button label.
    pub fn label(self) -> &'static str {
        match self {
            Action::Accept => "Accept",
            Action::Decline => "Decline",
            Action::Edit => "Edit",
            Action::AddTeamMember => "Add your employees",
            Action::Won => "Won",
            Action::Lost => "Lost",
        }
    }
}

/// Why an action is not possible in the referral's current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Blocked {
    /// Closed/*: terminal, read-only.
    Archived,
    /// Informational offer leads need no action.
    Informational,
    /// Still in the Inbox, but past its expiry at `now` (the expiry job has not run yet).
    Overdue,
    /// Accepted-stage actions on a referral still in the Inbox.
    NotYetAccepted,
    /// Inbox actions on a referral already accepted.
    AlreadyAccepted,
    /// A status/substatus pair the lifecycle never produces.
    UnknownState,
}

/// An action refused in the referral's current state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IllegalTransition {
    pub action: Action,
    pub status: Status,
    pub substatus: Substatus,
    pub blocked: Blocked,
}

impl IllegalTransition {
    /// Its code and values: what the partner sees, saying what is possible instead
    /// where something is.
    pub fn explanation(&self) -> Explanation {
        match self.blocked {
            Blocked::Archived => {
                Explanation::new("archived").with("substatus", self.substatus.as_str())
            }
            Blocked::Informational => Explanation::new("informational-offer")
                .with("months", i64::from(OFFER_LEAD_ARCHIVE_AFTER_MONTHS)),
            Blocked::Overdue => Explanation::new("expired"),
            Blocked::NotYetAccepted => {
                Explanation::new("not-yet-accepted").with("action", self.action.as_str())
            }
            Blocked::AlreadyAccepted => match self.action {
                Action::Decline => Explanation::new("already-accepted-decline"),
                _ => Explanation::new("already-accepted"),
            },
            Blocked::UnknownState => Explanation::new("impossible-transition")
                .with("status", self.status.as_str())
                .with("substatus", self.substatus.as_str())
                .with("action", self.action.as_str()),
        }
    }

    /// In English, as the API's `detail` says it.
    pub fn message(&self) -> String {
        self.explanation().english()
    }
}

impl fmt::Display for IllegalTransition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Why a transition did not happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum LifecycleError {
    /// What the user entered has problems (422).
    Invalid { errors: FieldErrors },
    /// The action is not possible in the referral's state (409).
    IllegalTransition(IllegalTransition),
}

impl fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LifecycleError::Invalid { errors } => errors.fmt(f),
            LifecycleError::IllegalTransition(illegal) => illegal.fmt(f),
        }
    }
}

impl std::error::Error for LifecycleError {}

impl From<FieldErrors> for LifecycleError {
    fn from(errors: FieldErrors) -> Self {
        LifecycleError::Invalid { errors }
    }
}

impl From<IllegalTransition> for LifecycleError {
    fn from(illegal: IllegalTransition) -> Self {
        LifecycleError::IllegalTransition(illegal)
    }
}

/// Whether `action` is possible on `referral` at `now`: callers check this before
/// validating a form, so an archived referral answers "archived", not "fix the form".
pub fn check(
    referral: &Referral,
    action: Action,
    now: DateTime<Utc>,
) -> Result<(), LifecycleError> {
    permit(referral, action, Some(now)).map_err(LifecycleError::IllegalTransition)
}

/// Whether `action` is possible now; `now` is `None` when the clock is not considered.
fn permit(
    referral: &Referral,
    action: Action,
    now: Option<DateTime<Utc>>,
) -> Result<(), IllegalTransition> {
    let inbox = matches!(
        (referral.status, referral.substatus),
        (Status::New, Substatus::Received | Substatus::Pending)
    );
    let accepted = (referral.status, referral.substatus) == (Status::Active, Substatus::Accepted);
    let inbox_action = matches!(action, Action::Accept | Action::Decline);
    let blocked = if referral.status == Status::Closed {
        Some(Blocked::Archived)
    } else if is_informational(referral) {
        Some(Blocked::Informational)
    } else if inbox {
        if !inbox_action {
            Some(Blocked::NotYetAccepted)
        } else if now.is_some_and(|now| referral.is_overdue_for_expiry(now)) {
            Some(Blocked::Overdue)
        } else {
            None
        }
    } else if accepted {
        inbox_action.then_some(Blocked::AlreadyAccepted)
    } else {
        Some(Blocked::UnknownState)
    };
    match blocked {
        None => Ok(()),
        Some(blocked) => Err(IllegalTransition {
            action,
            status: referral.status,
            substatus: referral.substatus,
            blocked,
        }),
    }
}

/// The actions the UI may offer for `referral`, ignoring the clock.
pub fn allowed_actions(referral: &Referral) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|a| permit(referral, *a, None).is_ok())
        .collect()
}

/// The actions possible at `now`: an Inbox referral past its expiry allows none.
pub fn allowed_actions_at(referral: &Referral, now: DateTime<Utc>) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|a| permit(referral, *a, Some(now)).is_ok())
        .collect()
}
