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

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::referral::{Actor, Contact, Referral, Status, StatusChange, Substatus};
use crate::registration::{
    DealRegistration, ExchangeRates, RegistrationForm, registration_eligibility,
};
use crate::timing::{OFFER_LEAD_ARCHIVE_AFTER_MONTHS, is_informational};
use crate::validation::{FieldError, FieldErrors};
use crate::values::{CurrencyCode, Email, Money, NAME_MAX_CHARS, Name, Notes, PhoneNumber};

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
            return Err(FieldError::new(field, "Choose a reason."));
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

    /// The action as the end of "… before you …".
    fn phrase(self) -> &'static str {
        match self {
            Action::Accept => "accept it",
            Action::Decline => "decline it",
            Action::Edit => "edit it",
            Action::AddTeamMember => "add your employees",
            Action::Won => "mark it as won",
            Action::Lost => "mark it as lost",
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
    /// What the partner sees, saying what is possible instead where something is.
    pub fn message(&self) -> String {
        match self.blocked {
            Blocked::Archived => format!(
                "This referral is already archived ({}); archived referrals accept no actions.",
                self.substatus
            ),
            Blocked::Informational => format!(
                "This is an informational offer lead: it needs no action and is archived automatically {OFFER_LEAD_ARCHIVE_AFTER_MONTHS} months after it arrived."
            ),
            Blocked::Overdue => "This referral was not answered within 14 days and has expired; expired referrals accept no actions.".to_owned(),
            Blocked::NotYetAccepted => format!(
                "This referral is still in the Inbox; accept it before you {}.",
                self.action.phrase()
            ),
            Blocked::AlreadyAccepted => match self.action {
                Action::Decline => "This referral is already accepted; to close it, mark it as won or lost.".to_owned(),
                _ => "This referral is already accepted.".to_owned(),
            },
            Blocked::UnknownState => format!(
                "A referral that is {} ({}) cannot {}.",
                self.status,
                self.substatus,
                self.action.phrase()
            ),
        }
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

// ---------------------------------------------------------------------------
// Forms and validated commands
// ---------------------------------------------------------------------------

/// A person as typed: a team member or an additional customer contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
}

impl ContactForm {
    /// The form showing `contact` as it is stored.
    pub fn from_contact(contact: &Contact) -> ContactForm {
        ContactForm {
            first_name: contact.first_name.clone(),
            last_name: contact.last_name.clone(),
            email: contact.email.clone().unwrap_or_default(),
            phone_number: contact.phone_number.clone().unwrap_or_default(),
        }
    }

    fn is_blank(&self) -> bool {
        [
            &self.first_name,
            &self.last_name,
            &self.email,
            &self.phone_number,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
    }

    /// `prefix` is the member's API path, e.g. `team[0]`.
    fn parse_team_member(&self, prefix: &str, errors: &mut FieldErrors) -> Option<TeamMember> {
        let at = |f: &str| join(prefix, f);
        let first_name = errors.collect(Name::parse(&at("firstName"), &self.first_name));
        let last_name = errors.collect(Name::parse(&at("lastName"), &self.last_name));
        let email = if self.email.trim().is_empty() {
            errors.push(FieldError::new(
                at("email"),
                "Email is required for a team member.",
            ));
            None
        } else {
            errors.collect(Email::parse(&at("email"), &self.email))
        };
        let phone_number = optional_phone(&at("phoneNumber"), &self.phone_number, errors)?;
        Some(TeamMember {
            first_name: first_name?,
            last_name: last_name?,
            email: email?,
            phone_number,
        })
    }

    fn parse_customer_contact(
        &self,
        prefix: &str,
        errors: &mut FieldErrors,
    ) -> Option<CustomerContact> {
        let at = |f: &str| join(prefix, f);
        let first_name = errors.collect(Name::parse(&at("firstName"), &self.first_name));
        let last_name = errors.collect(Name::parse(&at("lastName"), &self.last_name));
        let email = if self.email.trim().is_empty() {
            Some(None)
        } else {
            errors
                .collect(Email::parse(&at("email"), &self.email))
                .map(Some)
        };
        let phone_number = optional_phone(&at("phoneNumber"), &self.phone_number, errors);
        if self.email.trim().is_empty() && self.phone_number.trim().is_empty() {
            errors.push(FieldError::new(
                at("email"),
                "Give an email address or a phone number so the contact can be reached.",
            ));
            return None;
        }
        Some(CustomerContact {
            first_name: first_name?,
            last_name: last_name?,
            email: email?,
            phone_number: phone_number?,
        })
    }
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

/// `Some(None)` for a blank phone number, `None` when it is invalid (the error is recorded).
fn optional_phone(
    field: &str,
    text: &str,
    errors: &mut FieldErrors,
) -> Option<Option<PhoneNumber>> {
    if text.trim().is_empty() {
        Some(None)
    } else {
        errors.collect(PhoneNumber::parse(field, text)).map(Some)
    }
}

/// An optional identifier (CRM ID, campaign ID): trimmed, blank is none.
fn optional_id(field: &str, text: &str, errors: &mut FieldErrors) -> Option<Option<String>> {
    let text = text.trim();
    let chars = text.chars().count();
    if text.is_empty() {
        Some(None)
    } else if chars > NAME_MAX_CHARS {
        errors.push(FieldError::new(
            field,
            format!(
                "{} must be at most {NAME_MAX_CHARS} characters (it has {chars}).",
                crate::values::label(field)
            ),
        ));
        None
    } else {
        Some(Some(text.to_owned()))
    }
}

/// A member of the partner's own team on the deal; an email is required to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    pub first_name: Name,
    pub last_name: Name,
    pub email: Email,
    pub phone_number: Option<PhoneNumber>,
}

impl TeamMember {
    fn into_contact(self) -> Contact {
        Contact {
            first_name: self.first_name.as_str().to_owned(),
            last_name: self.last_name.as_str().to_owned(),
            email: Some(self.email.as_str().to_owned()),
            phone_number: self.phone_number.map(|p| p.as_str().to_owned()),
            ..Contact::default()
        }
    }
}

/// An additional contact at the customer: reachable by email, phone, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerContact {
    pub first_name: Name,
    pub last_name: Name,
    pub email: Option<Email>,
    pub phone_number: Option<PhoneNumber>,
}

impl CustomerContact {
    fn into_contact(self) -> Contact {
        Contact {
            first_name: self.first_name.as_str().to_owned(),
            last_name: self.last_name.as_str().to_owned(),
            email: self.email.map(|e| e.as_str().to_owned()),
            phone_number: self.phone_number.map(|p| p.as_str().to_owned()),
            ..Contact::default()
        }
    }
}

/// The partner's team on a deal: never empty (only [`DealForm::parse`] builds one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team(Vec<TeamMember>);

impl Team {
    pub fn members(&self) -> &[TeamMember] {
        &self.0
    }
}

/// The deal fields that Accept and Edit both ask for, as typed. Problems are reported
/// under the referral's API paths (`details.dealValue`, `details.closingDateTime`, `team[0].email`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DealForm {
    /// Deal name.
    pub name: String,
    /// Estimated deal value, e.g. `25,000.50`.
    pub deal_value: String,
    /// ISO 4217, e.g. `EUR`.
    pub currency: String,
    /// Estimated closing date (purchase time frame), `YYYY-MM-DD`.
    pub closing_date: String,
    pub team: Vec<ContactForm>,
    pub notes: String,
    /// The partner's CRM ID.
    pub external_reference_id: String,
    /// Marketing campaign ID.
    pub campaign_id: String,
}

/// The validated deal fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    pub name: Name,
    pub deal_value: Money,
    pub closing_date: NaiveDate,
    pub team: Team,
    pub notes: Option<Notes>,
    pub external_reference_id: Option<String>,
    pub campaign_id: Option<String>,
}

impl DealForm {
    /// The form showing the referral's current deal, for Accept (if partly filled) and Edit.
    pub fn from_referral(referral: &Referral) -> DealForm {
        DealForm {
            name: referral.name.clone(),
            deal_value: referral
                .details
                .deal_value
                .map(|v| v.to_string())
                .unwrap_or_default(),
            currency: referral.details.currency.clone().unwrap_or_default(),
            closing_date: referral
                .details
                .closing_date_time
                .map(|d| d.date_naive().to_string())
                .unwrap_or_default(),
            team: referral
                .team
                .iter()
                .map(ContactForm::from_contact)
                .collect(),
            notes: referral.details.notes.clone().unwrap_or_default(),
            external_reference_id: referral.external_reference_id.clone().unwrap_or_default(),
            campaign_id: referral.campaign_id.clone().unwrap_or_default(),
        }
    }

    /// The user's form moved onto a newer version of the referral: fields the user
    /// left as they were (`yours` equals `baseline`, the form as it started) take the
    /// newer version's value (`current`); fields the user changed keep theirs. So
    /// re-applying after a colleague's change never undoes it where the user did not
    /// touch the field.
    pub fn rebased(&self, baseline: &DealForm, current: &DealForm) -> DealForm {
        fn pick<T: PartialEq + Clone>(yours: &T, baseline: &T, current: &T) -> T {
            if yours == baseline {
                current.clone()
            } else {
                yours.clone()
            }
        }
        DealForm {
            name: pick(&self.name, &baseline.name, &current.name),
            deal_value: pick(&self.deal_value, &baseline.deal_value, &current.deal_value),
            currency: pick(&self.currency, &baseline.currency, &current.currency),
            closing_date: pick(
                &self.closing_date,
                &baseline.closing_date,
                &current.closing_date,
            ),
            team: pick(&self.team, &baseline.team, &current.team),
            notes: pick(&self.notes, &baseline.notes, &current.notes),
            external_reference_id: pick(
                &self.external_reference_id,
                &baseline.external_reference_id,
                &current.external_reference_id,
            ),
            campaign_id: pick(
                &self.campaign_id,
                &baseline.campaign_id,
                &current.campaign_id,
            ),
        }
    }

    /// Notes are optional but strongly encouraged: the UI nudges when they are blank.
    pub fn lacks_notes(&self) -> bool {
        self.notes.trim().is_empty()
    }

    /// Validates every field at `now` (the closing date must not be in the past).
    pub fn parse(&self, now: DateTime<Utc>) -> Result<Deal, FieldErrors> {
        let mut errors = FieldErrors::new();
        let deal = self.parse_into(&mut errors, now);
        match deal {
            Some(deal) if errors.is_empty() => Ok(deal),
            _ => Err(errors),
        }
    }

    fn parse_into(&self, errors: &mut FieldErrors, now: DateTime<Utc>) -> Option<Deal> {
        let name = errors.collect(Name::parse("name", &self.name));
        let currency = if self.currency.trim().is_empty() {
            errors.push(FieldError::new("details.currency", "Currency is required."));
            None
        } else {
            errors.collect(CurrencyCode::parse("details.currency", &self.currency))
        };
        // Without a valid currency the amount is still checked, so every problem shows at once.
        let fallback = CurrencyCode::parse("details.currency", "USD").ok()?;
        let deal_value = errors.collect(Money::parse(
            "details.dealValue",
            &self.deal_value,
            currency.unwrap_or(fallback),
        ));
        let closing_date = errors.collect(parse_closing_date(&self.closing_date, now));
        let team = self.parse_team(errors);
        let notes = errors.collect(Notes::parse("details.notes", &self.notes));
        let external_reference_id =
            optional_id("externalReferenceId", &self.external_reference_id, errors);
        let campaign_id = optional_id("campaignId", &self.campaign_id, errors);
        currency?;
        Some(Deal {
            name: name?,
            deal_value: deal_value?,
            closing_date: closing_date?,
            team: team?,
            notes: notes?,
            external_reference_id: external_reference_id?,
            campaign_id: campaign_id?,
        })
    }

    fn parse_team(&self, errors: &mut FieldErrors) -> Option<Team> {
        let typed: Vec<(usize, &ContactForm)> = self
            .team
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_blank())
            .collect();
        if typed.is_empty() {
            errors.push(FieldError::new(
                "team",
                "Add at least one team member who works on this deal.",
            ));
            return None;
        }
        let members: Vec<Option<TeamMember>> = typed
            .iter()
            .map(|(i, m)| m.parse_team_member(&format!("team[{i}]"), errors))
            .collect();
        members.into_iter().collect::<Option<Vec<_>>>().map(Team)
    }
}

/// The closing date as a date (`YYYY-MM-DD`, or an RFC 3339 timestamp from API clients), today or later.
fn parse_closing_date(text: &str, now: DateTime<Utc>) -> Result<NaiveDate, FieldError> {
    const FIELD: &str = "details.closingDateTime";
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::new(
            FIELD,
            "Estimated closing date is required.",
        ));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|d| d.with_timezone(&Utc).date_naive())
        })
        .ok_or_else(|| {
            FieldError::new(
                FIELD,
                "Estimated closing date must be a date like 2026-12-31.",
            )
        })?;
    if date < now.date_naive() {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Estimated closing date must be today or later (not before {}).",
                now.date_naive()
            ),
        ));
    }
    Ok(date)
}

/// What Accept asks for, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AcceptForm {
    #[serde(flatten)]
    pub deal: DealForm,
    /// Additional contacts at the customer (optional).
    pub customer_contacts: Vec<ContactForm>,
}

/// A validated Accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accept {
    pub deal: Deal,
    pub customer_contacts: Vec<CustomerContact>,
}

impl AcceptForm {
    /// The form pre-filled with what the referral already says (its name, any deal value).
    pub fn prefilled(referral: &Referral) -> AcceptForm {
        AcceptForm {
            deal: DealForm::from_referral(referral),
            customer_contacts: Vec::new(),
        }
    }

    pub fn parse(&self, now: DateTime<Utc>) -> Result<Accept, FieldErrors> {
        let mut errors = FieldErrors::new();
        let deal = self.deal.parse_into(&mut errors, now);
        let contacts: Vec<Option<CustomerContact>> = self
            .customer_contacts
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_blank())
            .map(|(i, c)| {
                c.parse_customer_contact(&format!("customerProfile.team[{i}]"), &mut errors)
            })
            .collect();
        match (deal, contacts.into_iter().collect::<Option<Vec<_>>>()) {
            (Some(deal), Some(customer_contacts)) if errors.is_empty() => Ok(Accept {
                deal,
                customer_contacts,
            }),
            _ => Err(errors),
        }
    }
}

/// What Edit changes, as typed: the deal fields of Accept, without additional contacts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EditForm {
    #[serde(flatten)]
    pub deal: DealForm,
}

/// A validated Edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub deal: Deal,
}

impl EditForm {
    pub fn prefilled(referral: &Referral) -> EditForm {
        EditForm {
            deal: DealForm::from_referral(referral),
        }
    }

    pub fn parse(&self, now: DateTime<Utc>) -> Result<Edit, FieldErrors> {
        self.deal.parse(now).map(|deal| Edit { deal })
    }
}

/// "Add your employees": one more person working on the deal, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NewTeamMember {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
}

impl NewTeamMember {
    /// Field paths are the member's own (`firstName`, `email`, …).
    pub fn parse(&self) -> Result<TeamMember, FieldErrors> {
        let form = ContactForm {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone_number: self.phone_number.clone(),
        };
        let mut errors = FieldErrors::new();
        match form.parse_team_member("", &mut errors) {
            Some(member) if errors.is_empty() => Ok(member),
            _ => Err(errors),
        }
    }
}

/// A reason with its notes, as typed (Decline and Lost ask the same).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
            errors.push(FieldError::new(
                "statusReasonNotes",
                "Notes are required when the reason is Others: say why.",
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

/// What Won asks for, as typed: the deal registration when the deal is eligible.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WonForm {
    pub deal_registration: Option<RegistrationForm>,
}

/// A validated Won: a registration exactly when one was required or offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Won {
    pub deal_registration: Option<DealRegistration>,
}

impl WonForm {
    /// Requires and validates the registration for eligible deals; refuses one for
    /// deals that cannot be registered; takes an optional one when the USD value is
    /// unknown (no exchange rate).
    pub fn parse(
        &self,
        referral: &Referral,
        rates: &ExchangeRates,
        now: DateTime<Utc>,
    ) -> Result<Won, FieldErrors> {
        let eligibility = registration_eligibility(referral, rates);
        match &self.deal_registration {
            None if eligibility.requires_registration() => Err(FieldError::new(
                "dealRegistration",
                "This deal is worth USD 25,000 or more and includes an eligible solution: register it to mark it as won.",
            )
            .into()),
            None => Ok(Won {
                deal_registration: None,
            }),
            Some(_) if !eligibility.allows_registration() => Err(FieldError::new(
                "dealRegistration",
                eligibility
                    .message()
                    .unwrap_or_else(|| "This deal cannot be registered.".to_owned()),
            )
            .into()),
            Some(form) => form.parse(referral, now).map(|registration| Won {
                deal_registration: Some(registration),
            }),
        }
    }
}

// ---------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------

/// Records a move to `status`/`substatus` in the history.
fn move_to(
    referral: &mut Referral,
    status: Status,
    substatus: Substatus,
    actor: &Actor,
    now: DateTime<Utc>,
    reason: Option<String>,
) {
    referral.status = status;
    referral.substatus = substatus;
    referral.updated_date_time = now;
    referral.status_history.push(StatusChange {
        at: now,
        by: actor.clone(),
        status,
        substatus,
        reason,
    });
}

fn write_deal(referral: &mut Referral, deal: Deal) {
    referral.name = deal.name.as_str().to_owned();
    referral.details.deal_value = Some(deal.deal_value.amount);
    referral.details.currency = Some(deal.deal_value.currency.as_str().to_owned());
    referral.details.closing_date_time = Some(deal.closing_date.and_time(NaiveTime::MIN).and_utc());
    referral.team = deal
        .team
        .0
        .into_iter()
        .map(TeamMember::into_contact)
        .collect();
    referral.details.notes = deal.notes.map(|n| n.as_str().to_owned());
    referral.external_reference_id = deal.external_reference_id;
    referral.campaign_id = deal.campaign_id;
}

/// New → Active/Accepted: the partner takes the deal on.
pub fn accept(
    referral: &Referral,
    command: Accept,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Accept, Some(now))?;
    let mut next = referral.clone();
    write_deal(&mut next, command.deal);
    next.customer_profile.team.extend(
        command
            .customer_contacts
            .into_iter()
            .map(CustomerContact::into_contact),
    );
    next.accepted_date_time = Some(now);
    move_to(
        &mut next,
        Status::Active,
        Substatus::Accepted,
        actor,
        now,
        None,
    );
    Ok(next)
}

/// Closes with a reason (Declined or Lost).
fn close_with_reason(
    referral: &Referral,
    reason: Reason,
    substatus: Substatus,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Referral {
    let mut next = referral.clone();
    next.status_reason = Some(reason.reason.label().to_owned());
    next.status_reason_notes = reason.notes.map(|n| n.as_str().to_owned());
    next.closed_date_time = Some(now);
    let why = Some(reason.reason.label().to_owned());
    move_to(&mut next, Status::Closed, substatus, actor, now, why);
    next
}

/// New → Closed/Declined, archived with the reason.
pub fn decline(
    referral: &Referral,
    command: Reason,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Decline, Some(now))?;
    Ok(close_with_reason(
        referral,
        command,
        Substatus::Declined,
        actor,
        now,
    ))
}

/// Changes the deal of an accepted referral; it stays Active/Accepted (no status change,
/// so the actor is not recorded here; the signature matches the other actions).
pub fn edit(
    referral: &Referral,
    command: Edit,
    _actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Edit, Some(now))?;
    let mut next = referral.clone();
    write_deal(&mut next, command.deal);
    next.updated_date_time = now;
    Ok(next)
}

/// "Add your employees": one more person on an accepted deal (not twice with the same email).
pub fn add_team_member(
    referral: &Referral,
    member: TeamMember,
    _actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::AddTeamMember, Some(now))?;
    let email = member.email.as_str();
    if referral.team.iter().any(|m| {
        m.email
            .as_deref()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
    }) {
        return Err(FieldErrors::from(FieldError::new(
            "email",
            format!("{email} is already on the team."),
        ))
        .into());
    }
    let mut next = referral.clone();
    next.team.push(member.into_contact());
    next.updated_date_time = now;
    Ok(next)
}

/// Active → Closed/Won, with the deal registration when there is one.
pub fn won(
    referral: &Referral,
    command: Won,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Won, Some(now))?;
    let mut next = referral.clone();
    next.deal_registration = command.deal_registration;
    next.closed_date_time = Some(now);
    move_to(&mut next, Status::Closed, Substatus::Won, actor, now, None);
    Ok(next)
}

/// Active → Closed/Lost, archived with the reason.
pub fn lost(
    referral: &Referral,
    command: Reason,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Lost, Some(now))?;
    Ok(close_with_reason(
        referral,
        command,
        Substatus::Lost,
        actor,
        now,
    ))
}

/// Why an unanswered referral was closed automatically.
pub const EXPIRED_REASON: &str = "Not answered within 14 days";
/// Why an informational offer lead was closed automatically.
pub const INFORMATIONAL_ARCHIVED_REASON: &str = "Informational offer lead archived after 6 months";

fn close_by_system(referral: &Referral, now: DateTime<Utc>, reason: &str) -> Referral {
    let mut next = referral.clone();
    next.status_reason = Some(reason.to_owned());
    next.closed_date_time = Some(now);
    move_to(
        &mut next,
        Status::Closed,
        Substatus::Expired,
        &Actor::System,
        now,
        Some(reason.to_owned()),
    );
    next
}

/// New and unanswered for 14 days → Closed/Expired by the system; `None` when not due.
pub fn expire_if_overdue(referral: &Referral, now: DateTime<Utc>) -> Option<Referral> {
    referral
        .is_overdue_for_expiry(now)
        .then(|| close_by_system(referral, now, EXPIRED_REASON))
}

/// Informational offer leads 6 months old → Closed/Expired by the system; `None` when not due.
pub fn archive_if_informational_and_due(
    referral: &Referral,
    now: DateTime<Utc>,
) -> Option<Referral> {
    let due = referral
        .offer_archive_date()
        .is_some_and(|date| now >= date);
    (due && referral.status != Status::Closed)
        .then(|| close_by_system(referral, now, INFORMATIONAL_ARCHIVED_REASON))
}

/// Referrals and forms for tests of this module and of `registration`.
#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::{DateTime, Duration, TimeZone, Utc};

    use super::*;
    use crate::referral::{Details, Requirements};
    use crate::registration::RegistrationForm;

    pub fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap()
    }

    pub fn user() -> Actor {
        Actor::User {
            id: "u-1".to_owned(),
            name: "Mia Partner".to_owned(),
        }
    }

    /// A Contact me lead in the Inbox, created `age` before [`now`].
    pub fn inbox_referral(age: Duration) -> Referral {
        let created = now() - age;
        let mut referral = Referral {
            created_date_time: created,
            updated_date_time: created,
            expiration_date_time: crate::timing::expiry_of(created),
            e_tag: "7".to_owned(),
            details: Details {
                requirements: Requirements {
                    solutions: vec!["Contoso ERP on Azure".to_owned()],
                    ..Requirements::default()
                },
                ..Details::default()
            },
            lead_source: None,
            lead_quality: None,
            ..crate::fixtures::referral("r-1")
        };
        referral.customer_profile.team.clear();
        referral
    }

    pub fn member_form() -> ContactForm {
        ContactForm {
            first_name: "Jonas".to_owned(),
            last_name: "Weber".to_owned(),
            email: "jonas@fabrikam.example".to_owned(),
            phone_number: String::new(),
        }
    }

    /// A deal worth `value` in `currency`, closing at the end of the year.
    pub fn deal_form(value: &str, currency: &str) -> DealForm {
        DealForm {
            name: "Contoso ERP".to_owned(),
            deal_value: value.to_owned(),
            currency: currency.to_owned(),
            closing_date: "2026-12-31".to_owned(),
            team: vec![member_form()],
            notes: "Call back Monday".to_owned(),
            external_reference_id: String::new(),
            campaign_id: String::new(),
        }
    }

    pub fn accept_command(value: &str) -> Accept {
        AcceptForm {
            deal: deal_form(value, "USD"),
            customer_contacts: vec![],
        }
        .parse(now())
        .expect("valid accept form")
    }

    /// The Inbox referral accepted two days ago with a deal worth `value` USD.
    pub fn accepted_referral(value: &str) -> Referral {
        let referral = inbox_referral(Duration::days(3));
        accept(
            &referral,
            accept_command(value),
            &user(),
            now() - Duration::days(2),
        )
        .expect("accepts")
    }

    /// A registration that passes every rule for a referral created up to 30 days ago.
    pub fn registration_form() -> RegistrationForm {
        RegistrationForm {
            marketplace_transaction: Some(false),
            marketplace_transaction_date: String::new(),
            deployed_on_azure: Some(true),
            perpetual_contract: Some(false),
            total_contract_value: "30000".to_owned(),
            solution_value: "20000".to_owned(),
            contract_signed_date: "2026-11-19".to_owned(),
            contract_start_date: "2026-12-01".to_owned(),
            contract_end_date: "2027-11-30".to_owned(),
            tenant_type: "MultiTenant".to_owned(),
            pricing_model: "PerUser".to_owned(),
        }
    }

    pub fn reason(reason: DeclineReason, notes: &str) -> Reason {
        ReasonForm {
            status_reason: reason.as_str().to_owned(),
            notes: notes.to_owned(),
        }
        .parse()
        .expect("valid reason")
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use rust_decimal::Decimal;

    use super::fixtures::*;
    use super::*;
    use crate::referral::CallToAction;
    use crate::registration::RegistrationForm;

    fn errors_of<T: fmt::Debug>(result: Result<T, FieldErrors>) -> FieldErrors {
        result.expect_err("the form has problems")
    }

    fn illegal(result: Result<Referral, LifecycleError>) -> IllegalTransition {
        match result {
            Err(LifecycleError::IllegalTransition(illegal)) => illegal,
            other => panic!("expected an illegal transition, got {other:?}"),
        }
    }

    // --- Decline / Lost reasons -------------------------------------------------

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

    // --- Accept / Edit forms ---------------------------------------------------

    #[test]
    fn an_empty_accept_form_names_every_required_field_at_once() {
        let errors = errors_of(AcceptForm::default().parse(now()));
        assert_eq!(errors.for_field("name"), Some("Deal name is required."));
        assert_eq!(
            errors.for_field("details.dealValue"),
            Some("Estimated deal value is required.")
        );
        assert_eq!(
            errors.for_field("details.currency"),
            Some("Currency is required.")
        );
        assert_eq!(
            errors.for_field("details.closingDateTime"),
            Some("Estimated closing date is required.")
        );
        assert_eq!(
            errors.for_field("team"),
            Some("Add at least one team member who works on this deal.")
        );
        assert_eq!(
            errors.for_field("details.notes"),
            None,
            "notes are optional"
        );
    }

    #[test]
    fn a_complete_accept_form_becomes_a_command() {
        let mut form = AcceptForm {
            deal: deal_form("25,000.50", "eur"),
            customer_contacts: vec![ContactForm {
                first_name: "Anna".to_owned(),
                last_name: "Schmidt".to_owned(),
                email: String::new(),
                phone_number: "+49 30 123456".to_owned(),
            }],
        };
        form.deal.external_reference_id = "  CRM-42 ".to_owned();
        form.deal.campaign_id = "SPRING".to_owned();
        let accept = form.parse(now()).unwrap();
        assert_eq!(accept.deal.deal_value.amount, Decimal::new(2_500_050, 2));
        assert_eq!(accept.deal.deal_value.currency.as_str(), "EUR");
        assert_eq!(
            accept.deal.closing_date,
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
        assert_eq!(accept.deal.team.members().len(), 1);
        assert_eq!(accept.deal.external_reference_id.as_deref(), Some("CRM-42"));
        assert_eq!(accept.deal.campaign_id.as_deref(), Some("SPRING"));
        assert_eq!(
            accept.customer_contacts[0]
                .phone_number
                .as_ref()
                .unwrap()
                .as_str(),
            "+4930123456"
        );
    }

    #[test]
    fn the_deal_value_must_be_zero_or_more() {
        let form = AcceptForm {
            deal: deal_form("-5", "USD"),
            ..AcceptForm::default()
        };
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.dealValue"),
            Some("Estimated deal value must be zero or more.")
        );
        let free = AcceptForm {
            deal: deal_form("0", "USD"),
            ..AcceptForm::default()
        };
        assert!(free.parse(now()).is_ok());
    }

    #[test]
    fn the_amount_is_checked_even_when_the_currency_is_wrong() {
        let form = AcceptForm {
            deal: deal_form("abc", "EURO"),
            ..AcceptForm::default()
        };
        let errors = errors_of(form.parse(now()));
        assert!(errors.for_field("details.currency").is_some());
        assert!(errors.for_field("details.dealValue").is_some());
    }

    #[test]
    fn the_closing_date_may_be_today_but_not_in_the_past() {
        let mut form = deal_form("100", "USD");
        form.closing_date = "2026-11-20".to_owned();
        assert!(form.parse(now()).is_ok());
        form.closing_date = "2026-11-19".to_owned();
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.closingDateTime"),
            Some("Estimated closing date must be today or later (not before 2026-11-20).")
        );
    }

    #[test]
    fn the_closing_date_must_be_a_date() {
        let mut form = deal_form("100", "USD");
        form.closing_date = "next spring".to_owned();
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.closingDateTime"),
            Some("Estimated closing date must be a date like 2026-12-31.")
        );
        form.closing_date = "2027-03-01T00:00:00Z".to_owned();
        assert!(
            form.parse(now()).is_ok(),
            "API clients may send a timestamp"
        );
    }

    #[test]
    fn team_members_need_names_and_an_email_and_are_reported_by_position() {
        let mut form = deal_form("100", "USD");
        form.team = vec![
            member_form(),
            ContactForm::default(), // a blank row the user added but did not fill
            ContactForm {
                first_name: "Lea".to_owned(),
                last_name: String::new(),
                email: String::new(),
                phone_number: "0301234".to_owned(),
            },
        ];
        let errors = errors_of(form.parse(now()));
        assert_eq!(
            errors.for_field("team[2].lastName"),
            Some("Last name is required.")
        );
        assert_eq!(
            errors.for_field("team[2].email"),
            Some("Email is required for a team member.")
        );
        assert!(errors.for_field("team[2].phoneNumber").is_some());
        assert_eq!(
            errors.for_field("team[1].firstName"),
            None,
            "blank rows are ignored"
        );
    }

    #[test]
    fn a_team_of_only_blank_rows_is_no_team() {
        let mut form = deal_form("100", "USD");
        form.team = vec![ContactForm::default()];
        assert!(errors_of(form.parse(now())).for_field("team").is_some());
    }

    #[test]
    fn additional_customer_contacts_must_be_reachable() {
        let form = AcceptForm {
            deal: deal_form("100", "USD"),
            customer_contacts: vec![ContactForm {
                first_name: "Anna".to_owned(),
                last_name: "Schmidt".to_owned(),
                ..ContactForm::default()
            }],
        };
        assert_eq!(
            errors_of(form.parse(now())).for_field("customerProfile.team[0].email"),
            Some("Give an email address or a phone number so the contact can be reached.")
        );
    }

    #[test]
    fn crm_and_campaign_ids_are_limited_in_length() {
        let mut form = deal_form("100", "USD");
        form.external_reference_id = "x".repeat(201);
        form.campaign_id = "y".repeat(201);
        let errors = errors_of(form.parse(now()));
        assert_eq!(
            errors.for_field("externalReferenceId"),
            Some("CRM ID must be at most 200 characters (it has 201).")
        );
        assert!(errors.for_field("campaignId").is_some());
    }

    #[test]
    fn blank_notes_are_allowed_but_nudged() {
        let mut form = deal_form("100", "USD");
        form.notes = " ".to_owned();
        assert!(form.lacks_notes());
        assert_eq!(form.parse(now()).unwrap().notes, None);
    }

    #[test]
    fn a_new_team_member_reports_its_own_field_names() {
        let errors = errors_of(NewTeamMember::default().parse());
        assert_eq!(
            errors.for_field("firstName"),
            Some("First name is required.")
        );
        assert_eq!(errors.for_field("lastName"), Some("Last name is required."));
        assert_eq!(
            errors.for_field("email"),
            Some("Email is required for a team member.")
        );
        let member = NewTeamMember {
            first_name: "Lea".to_owned(),
            last_name: "Braun".to_owned(),
            email: "lea@fabrikam.example".to_owned(),
            phone_number: "+49 170 1234567".to_owned(),
        }
        .parse()
        .unwrap();
        assert_eq!(member.phone_number.unwrap().as_str(), "+491701234567");
    }

    #[test]
    fn forms_deserialise_from_flat_camel_case_json() {
        let form: AcceptForm = serde_json::from_value(serde_json::json!({
            "name": "Deal", "dealValue": "10", "currency": "USD", "closingDate": "2026-12-01",
            "team": [{"firstName": "A", "lastName": "B", "email": "a@b.example"}],
            "customerContacts": []
        }))
        .unwrap();
        assert!(form.parse(now()).is_ok());
    }

    // --- Transitions ---------------------------------------------------------------

    #[test]
    fn accept_moves_an_inbox_referral_to_accepted_with_the_deal() {
        let referral = inbox_referral(Duration::days(1));
        let mut form = AcceptForm::prefilled(&referral);
        form.deal = deal_form("30000", "USD");
        form.customer_contacts = vec![ContactForm {
            first_name: "Anna".to_owned(),
            last_name: "Schmidt".to_owned(),
            email: "anna@contoso.example".to_owned(),
            phone_number: String::new(),
        }];
        let next = accept(&referral, form.parse(now()).unwrap(), &user(), now()).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Active, Substatus::Accepted)
        );
        assert_eq!(next.accepted_date_time, Some(now()));
        assert_eq!(next.updated_date_time, now());
        assert_eq!(next.name, "Contoso ERP");
        assert_eq!(next.details.deal_value, Some(Decimal::from(30_000)));
        assert_eq!(next.details.currency.as_deref(), Some("USD"));
        assert_eq!(
            next.details.closing_date_time.unwrap().to_rfc3339(),
            "2026-12-31T00:00:00+00:00"
        );
        assert_eq!(next.details.notes.as_deref(), Some("Call back Monday"));
        assert_eq!(
            next.team[0].email.as_deref(),
            Some("jonas@fabrikam.example")
        );
        assert_eq!(next.customer_profile.team.len(), 1);
        assert_eq!(next.e_tag, referral.e_tag, "storage owns versions");
        assert_eq!(
            next.status_history,
            vec![StatusChange {
                at: now(),
                by: user(),
                status: Status::Active,
                substatus: Substatus::Accepted,
                reason: None,
            }]
        );
    }

    #[test]
    fn decline_archives_with_the_reason_label_and_notes() {
        let referral = inbox_referral(Duration::days(1));
        let next = decline(
            &referral,
            reason(DeclineReason::Others, "Duplicate of r-7"),
            &user(),
            now(),
        )
        .unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Declined)
        );
        assert_eq!(next.status_reason.as_deref(), Some("Others"));
        assert_eq!(
            next.status_reason_notes.as_deref(),
            Some("Duplicate of r-7")
        );
        assert_eq!(next.closed_date_time, Some(now()));
        assert_eq!(next.updated_date_time, now());
        let change = next.status_history.last().unwrap();
        assert_eq!(change.reason.as_deref(), Some("Others"));
        assert_eq!(change.by, user());
    }

    #[test]
    fn edit_changes_the_deal_and_stays_accepted() {
        let referral = accepted_referral("30000");
        let mut form = EditForm::prefilled(&referral);
        assert!(form.parse(now()).is_ok(), "the prefilled form is valid");
        form.deal.name = "Contoso ERP phase 2".to_owned();
        form.deal.deal_value = "45000".to_owned();
        form.deal.external_reference_id = "CRM-9".to_owned();
        let next = edit(&referral, form.parse(now()).unwrap(), &user(), now()).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Active, Substatus::Accepted)
        );
        assert_eq!(next.name, "Contoso ERP phase 2");
        assert_eq!(next.details.deal_value, Some(Decimal::from(45_000)));
        assert_eq!(next.external_reference_id.as_deref(), Some("CRM-9"));
        assert_eq!(next.updated_date_time, now());
        assert_eq!(next.accepted_date_time, referral.accepted_date_time);
        assert_eq!(
            next.status_history, referral.status_history,
            "no status change"
        );
    }

    #[test]
    fn add_team_member_adds_one_person_but_not_twice() {
        let referral = accepted_referral("100");
        let form = NewTeamMember {
            first_name: "Lea".to_owned(),
            last_name: "Braun".to_owned(),
            email: "lea@fabrikam.example".to_owned(),
            phone_number: String::new(),
        };
        let next = add_team_member(&referral, form.parse().unwrap(), &user(), now()).unwrap();
        assert_eq!(next.team.len(), 2);
        assert_eq!(next.updated_date_time, now());
        assert_eq!(next.status_history.len(), referral.status_history.len());
        let again = NewTeamMember {
            email: "LEA@fabrikam.example".to_owned(),
            ..form
        };
        match add_team_member(&next, again.parse().unwrap(), &user(), now()) {
            Err(LifecycleError::Invalid { errors }) => assert_eq!(
                errors.for_field("email"),
                Some("LEA@fabrikam.example is already on the team.")
            ),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn won_closes_without_registration_when_the_deal_is_not_eligible() {
        let referral = accepted_referral("24999.99");
        let command = WonForm::default()
            .parse(&referral, &ExchangeRates::usd_only(), now())
            .unwrap();
        let next = won(&referral, command, &user(), now()).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Won)
        );
        assert_eq!(next.closed_date_time, Some(now()));
        assert_eq!(next.deal_registration, None);
        assert_eq!(next.status_history.len(), 2);
    }

    #[test]
    fn won_requires_the_registration_of_an_eligible_deal() {
        let referral = accepted_referral("25000");
        let rates = ExchangeRates::usd_only();
        let errors = errors_of(WonForm::default().parse(&referral, &rates, now()));
        assert!(
            errors
                .for_field("dealRegistration")
                .unwrap()
                .contains("register it")
        );
        let form = WonForm {
            deal_registration: Some(registration_form()),
        };
        let next = won(
            &referral,
            form.parse(&referral, &rates, now()).unwrap(),
            &user(),
            now(),
        )
        .unwrap();
        let registration = next.deal_registration.unwrap();
        assert_eq!(
            registration.state,
            crate::registration::RegistrationState::Pending
        );
    }

    #[test]
    fn won_validates_the_registration_it_requires() {
        let referral = accepted_referral("25000");
        let mut registration = registration_form();
        registration.contract_end_date = String::new();
        let form = WonForm {
            deal_registration: Some(registration),
        };
        let errors = errors_of(form.parse(&referral, &ExchangeRates::usd_only(), now()));
        assert!(
            errors
                .for_field("dealRegistration.contractEndDate")
                .is_some()
        );
    }

    #[test]
    fn won_refuses_a_registration_for_a_deal_that_cannot_be_registered() {
        let referral = accepted_referral("100");
        let form = WonForm {
            deal_registration: Some(registration_form()),
        };
        let errors = errors_of(form.parse(&referral, &ExchangeRates::usd_only(), now()));
        assert!(
            errors
                .for_field("dealRegistration")
                .unwrap()
                .starts_with("Only deals worth USD 25,000 or more can be registered")
        );
    }

    #[test]
    fn lost_closes_with_the_reason() {
        let referral = accepted_referral("100");
        let next = lost(
            &referral,
            reason(DeclineReason::CustomerChoseAnotherVendor, ""),
            &user(),
            now(),
        )
        .unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Lost)
        );
        assert_eq!(
            next.status_reason.as_deref(),
            Some("Customer chose another vendor")
        );
        assert_eq!(next.status_reason_notes, None);
        assert_eq!(next.closed_date_time, Some(now()));
    }

    #[test]
    fn an_unanswered_referral_expires_at_14_days_by_the_system() {
        let referral = inbox_referral(Duration::days(14) - Duration::seconds(1));
        assert_eq!(expire_if_overdue(&referral, now()), None);
        let referral = inbox_referral(Duration::days(14));
        let next = expire_if_overdue(&referral, now()).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Expired)
        );
        assert_eq!(next.closed_date_time, Some(now()));
        let change = next.status_history.last().unwrap();
        assert_eq!(change.by, Actor::System);
        assert_eq!(change.reason.as_deref(), Some(EXPIRED_REASON));
    }

    #[test]
    fn answered_and_informational_referrals_never_expire() {
        let later = now() + Duration::days(30);
        assert_eq!(expire_if_overdue(&accepted_referral("1"), later), None);
        let mut informational = inbox_referral(Duration::days(20));
        informational.call_to_action = Some(CallToAction::FreeTrial);
        assert_eq!(expire_if_overdue(&informational, now()), None);
        let closed = expire_if_overdue(&inbox_referral(Duration::days(20)), now()).unwrap();
        assert_eq!(expire_if_overdue(&closed, later), None, "expires once");
    }

    #[test]
    fn informational_offer_leads_are_archived_after_6_months() {
        let mut referral = inbox_referral(Duration::days(1));
        referral.call_to_action = Some(CallToAction::TestDrive);
        let due = referral.offer_archive_date().unwrap();
        assert_eq!(
            archive_if_informational_and_due(&referral, due - Duration::seconds(1)),
            None
        );
        let next = archive_if_informational_and_due(&referral, due).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Expired)
        );
        let change = next.status_history.last().unwrap();
        assert_eq!(change.by, Actor::System);
        assert_eq!(
            change.reason.as_deref(),
            Some(INFORMATIONAL_ARCHIVED_REASON)
        );
        assert_eq!(
            archive_if_informational_and_due(&next, due + Duration::days(1)),
            None
        );
    }

    #[test]
    fn contact_me_leads_are_not_archived_as_informational() {
        let referral = inbox_referral(Duration::days(1));
        assert_eq!(
            archive_if_informational_and_due(&referral, now() + Duration::days(400)),
            None
        );
    }

    // --- Every action from every state -------------------------------------------

    /// Tries `action` on `referral` with a valid command.
    fn attempt(referral: &Referral, action: Action) -> Result<Referral, LifecycleError> {
        attempt_at(referral, action, now())
    }

    fn attempt_at(
        referral: &Referral,
        action: Action,
        at: DateTime<Utc>,
    ) -> Result<Referral, LifecycleError> {
        let actor = user();
        match action {
            Action::Accept => accept(referral, accept_command("100"), &actor, at),
            Action::Decline => decline(
                referral,
                reason(DeclineReason::NotACustomer, ""),
                &actor,
                at,
            ),
            Action::Edit => edit(
                referral,
                EditForm {
                    deal: deal_form("200", "USD"),
                }
                .parse(now())
                .unwrap(),
                &actor,
                at,
            ),
            Action::AddTeamMember => add_team_member(
                referral,
                NewTeamMember {
                    first_name: "Lea".to_owned(),
                    last_name: "Braun".to_owned(),
                    email: "lea@fabrikam.example".to_owned(),
                    phone_number: String::new(),
                }
                .parse()
                .unwrap(),
                &actor,
                at,
            ),
            Action::Won => won(
                referral,
                Won {
                    deal_registration: None,
                },
                &actor,
                at,
            ),
            Action::Lost => lost(
                referral,
                reason(DeclineReason::NotACustomer, ""),
                &actor,
                at,
            ),
        }
    }

    fn in_state(status: Status, substatus: Substatus) -> Referral {
        let mut referral = inbox_referral(Duration::days(1));
        referral.status = status;
        referral.substatus = substatus;
        referral
    }

    /// (state, referral, allowed actions, why Inbox actions are blocked, why Accepted-stage actions are blocked)
    type Case = (
        &'static str,
        Referral,
        Vec<Action>,
        Option<Blocked>,
        Option<Blocked>,
    );

    #[test]
    fn every_action_from_every_state_is_allowed_exactly_as_the_lifecycle_says() {
        use Action::*;
        let mut informational = inbox_referral(Duration::days(1));
        informational.call_to_action = Some(CallToAction::GetItNow);
        let cases: Vec<Case> = vec![
            // (state, referral, allowed, blocked for inbox actions, blocked for accepted actions)
            (
                "New/Received",
                in_state(Status::New, Substatus::Received),
                vec![Accept, Decline],
                None,
                Some(Blocked::NotYetAccepted),
            ),
            (
                "New/Pending",
                in_state(Status::New, Substatus::Pending),
                vec![Accept, Decline],
                None,
                Some(Blocked::NotYetAccepted),
            ),
            (
                "Active/Accepted",
                in_state(Status::Active, Substatus::Accepted),
                vec![Edit, AddTeamMember, Won, Lost],
                Some(Blocked::AlreadyAccepted),
                None,
            ),
            (
                "Closed/Won",
                in_state(Status::Closed, Substatus::Won),
                vec![],
                Some(Blocked::Archived),
                Some(Blocked::Archived),
            ),
            (
                "Closed/Lost",
                in_state(Status::Closed, Substatus::Lost),
                vec![],
                Some(Blocked::Archived),
                Some(Blocked::Archived),
            ),
            (
                "Closed/Declined",
                in_state(Status::Closed, Substatus::Declined),
                vec![],
                Some(Blocked::Archived),
                Some(Blocked::Archived),
            ),
            (
                "Closed/Expired",
                in_state(Status::Closed, Substatus::Expired),
                vec![],
                Some(Blocked::Archived),
                Some(Blocked::Archived),
            ),
            (
                "informational",
                informational,
                vec![],
                Some(Blocked::Informational),
                Some(Blocked::Informational),
            ),
            (
                "New/Won (never produced)",
                in_state(Status::New, Substatus::Won),
                vec![],
                Some(Blocked::UnknownState),
                Some(Blocked::UnknownState),
            ),
        ];
        for (state, referral, allowed, inbox_blocked, accepted_blocked) in cases {
            assert_eq!(allowed_actions(&referral), allowed, "allowed in {state}");
            for action in Action::ALL.iter().copied() {
                let result = attempt(&referral, action);
                if allowed.contains(&action) {
                    assert!(result.is_ok(), "{action} from {state}: {result:?}");
                    continue;
                }
                let expected = if matches!(action, Accept | Decline) {
                    inbox_blocked
                } else {
                    accepted_blocked
                };
                let illegal = illegal(result);
                assert_eq!(Some(illegal.blocked), expected, "{action} from {state}");
                assert_eq!(illegal.action, action);
                assert_eq!(
                    (illegal.status, illegal.substatus),
                    (referral.status, referral.substatus)
                );
            }
        }
    }

    #[test]
    fn archived_referrals_say_so_in_words() {
        let declined = in_state(Status::Closed, Substatus::Declined);
        let error = attempt(&declined, Action::Edit).unwrap_err();
        assert_eq!(
            error.to_string(),
            "This referral is already archived (Declined); archived referrals accept no actions."
        );
    }

    #[test]
    fn illegal_moves_say_what_to_do_instead() {
        let inbox = in_state(Status::New, Substatus::Received);
        assert_eq!(
            illegal(attempt(&inbox, Action::Won)).message(),
            "This referral is still in the Inbox; accept it before you mark it as won."
        );
        let accepted = in_state(Status::Active, Substatus::Accepted);
        assert_eq!(
            illegal(attempt(&accepted, Action::Decline)).message(),
            "This referral is already accepted; to close it, mark it as won or lost."
        );
        assert_eq!(
            illegal(attempt(&accepted, Action::Accept)).message(),
            "This referral is already accepted."
        );
        let mut informational = inbox;
        informational.call_to_action = Some(CallToAction::FreeTrial);
        assert!(
            illegal(attempt(&informational, Action::Accept))
                .message()
                .starts_with("This is an informational offer lead")
        );
    }

    #[test]
    fn an_inbox_referral_past_its_expiry_can_no_longer_be_answered() {
        let overdue = inbox_referral(Duration::days(15));
        assert_eq!(
            allowed_actions(&overdue),
            vec![Action::Accept, Action::Decline]
        );
        assert_eq!(allowed_actions_at(&overdue, now()), vec![]);
        for action in [Action::Accept, Action::Decline] {
            assert_eq!(illegal(attempt(&overdue, action)).blocked, Blocked::Overdue);
        }
        let fresh = inbox_referral(Duration::days(13));
        assert_eq!(
            allowed_actions_at(&fresh, now()),
            vec![Action::Accept, Action::Decline]
        );
    }

    #[test]
    fn a_refused_action_leaves_the_referral_untouched() {
        let declined = decline(
            &inbox_referral(Duration::days(1)),
            reason(DeclineReason::NotACustomer, ""),
            &user(),
            now(),
        )
        .unwrap();
        let before = declined.clone();
        for action in Action::ALL.iter().copied() {
            assert!(attempt(&declined, action).is_err());
        }
        assert_eq!(
            expire_if_overdue(&declined, now() + Duration::days(30)),
            None
        );
        assert_eq!(declined, before);
    }

    // --- Properties --------------------------------------------------------------

    #[derive(Debug, Clone)]
    enum Step {
        Act(Action),
        Expire,
        Archive,
        Wait(i64),
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::sample::select(Action::ALL.to_vec()).prop_map(Step::Act),
            Just(Step::Expire),
            Just(Step::Archive),
            (0i64..24 * 60).prop_map(Step::Wait),
        ]
    }

    /// Runs `action` at `at` with valid input, a registration included when needed.
    fn run(referral: &Referral, action: Action, at: DateTime<Utc>) -> Option<Referral> {
        let actor = user();
        let rates = ExchangeRates::usd_only();
        let result = match action {
            Action::Won => {
                let today = at.date_naive();
                let registration = RegistrationForm {
                    contract_signed_date: today.to_string(),
                    contract_start_date: today.to_string(),
                    contract_end_date: (today + Duration::days(365)).to_string(),
                    ..registration_form()
                };
                WonForm {
                    deal_registration: Some(registration),
                }
                .parse(referral, &rates, at)
                .or_else(|_| WonForm::default().parse(referral, &rates, at))
                .map_err(LifecycleError::from)
                .and_then(|command| won(referral, command, &actor, at))
            }
            Action::Accept => accept(referral, accept_command("30000"), &actor, at),
            other => attempt_at(referral, other, at),
        };
        result.ok()
    }

    #[test]
    fn the_property_runner_reaches_won_with_a_registration() {
        let later = now() + Duration::days(20);
        let accepted = run(&inbox_referral(Duration::hours(1)), Action::Accept, now()).unwrap();
        let closed = run(&accepted, Action::Won, later).unwrap();
        assert_eq!(closed.substatus, Substatus::Won);
        assert!(closed.deal_registration.is_some());
    }

    proptest::proptest! {
        #[test]
        fn no_sequence_of_actions_leaves_a_terminal_state_and_history_only_grows(
            informational in proptest::bool::ANY,
            steps in proptest::collection::vec(step(), 0..40),
        ) {
            let mut referral = inbox_referral(Duration::hours(1));
            if informational {
                referral.call_to_action = Some(CallToAction::FreeTrial);
            }
            let mut at = now();
            for step in steps {
                let next = match step {
                    Step::Act(action) => run(&referral, action, at),
                    Step::Expire => expire_if_overdue(&referral, at),
                    Step::Archive => archive_if_informational_and_due(&referral, at),
                    Step::Wait(hours) => {
                        at += Duration::hours(hours);
                        None
                    }
                };
                if let Some(next) = next {
                    proptest::prop_assert!(referral.status != Status::Closed, "left a terminal state: {:?}", referral.substatus);
                    proptest::prop_assert!(next.status_history.len() >= referral.status_history.len());
                    proptest::prop_assert_eq!(&next.status_history[..referral.status_history.len()], &referral.status_history[..]);
                    proptest::prop_assert_eq!(&next.e_tag, &referral.e_tag);
                    if next.status != referral.status || next.substatus != referral.substatus {
                        proptest::prop_assert_eq!(next.status_history.len(), referral.status_history.len() + 1);
                    }
                    referral = next;
                }
                if informational {
                    proptest::prop_assert!(referral.status != Status::Active, "informational leads are never accepted");
                }
            }
        }
    }
}

#[cfg(test)]
mod rebase_tests {
    use super::DealForm;

    fn form(name: &str, value: &str, notes: &str) -> DealForm {
        DealForm {
            name: name.to_owned(),
            deal_value: value.to_owned(),
            notes: notes.to_owned(),
            ..DealForm::default()
        }
    }

    #[test]
    fn untouched_fields_take_the_newer_version_and_changed_ones_stay_the_users() {
        let baseline = form("Fleet", "1000", "");
        let yours = form("Fleet phase 2", "1000", "");
        let current = form("Fleet", "1000", "Colleague: demo first");
        let rebased = yours.rebased(&baseline, &current);
        assert_eq!(rebased.name, "Fleet phase 2", "the user's change stays");
        assert_eq!(
            rebased.notes, "Colleague: demo first",
            "the colleague's change is kept"
        );
        assert_eq!(rebased.deal_value, "1000");
    }

    #[test]
    fn when_both_changed_a_field_the_users_value_wins() {
        let baseline = form("Fleet", "1000", "");
        let yours = form("Fleet", "2000", "");
        let current = form("Fleet", "3000", "");
        assert_eq!(yours.rebased(&baseline, &current).deal_value, "2000");
    }
}
