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

/// The deal fields that Accept and Edit both ask for, as typed.
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

/// Changes the deal of an accepted referral; it stays Active/Accepted.
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
    use rust_decimal::Decimal;

    use super::*;
    use crate::referral::{
        Address, CallToAction, Consent, CustomerProfile, Details, Direction, LeadType,
        Qualification, ReferralType, Requirements,
    };
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
        Referral {
            id: "r-1".to_owned(),
            engagement_id: None,
            name: "Contoso ERP rollout".to_owned(),
            external_reference_id: None,
            campaign_id: None,
            status: Status::New,
            substatus: Substatus::Received,
            status_reason: None,
            referral_type: ReferralType::Independent,
            qualification: Qualification::Direct,
            direction: Direction::Incoming,
            created_date_time: created,
            updated_date_time: created,
            accepted_date_time: None,
            closed_date_time: None,
            expiration_date_time: crate::timing::expiry_of(created),
            e_tag: "7".to_owned(),
            consent: Consent::default(),
            customer_profile: CustomerProfile {
                name: "Contoso".to_owned(),
                size: None,
                address: Address {
                    country: "DE".to_owned(),
                    ..Address::default()
                },
                team: vec![],
            },
            details: Details {
                requirements: Requirements {
                    solutions: vec!["Contoso ERP on Azure".to_owned()],
                    ..Requirements::default()
                },
                ..Details::default()
            },
            team: vec![],
            lead_type: Some(LeadType::Offer),
            lead_source: None,
            call_to_action: Some(CallToAction::ContactMe),
            offer_id: None,
            offer_name: None,
            lead_quality: None,
            target: None,
            invite_context: None,
            status_history: vec![],
            status_reason_notes: None,
            deal_registration: None,
        }
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

    pub fn usd(amount: i64, scale: u32) -> Decimal {
        Decimal::new(amount, scale)
    }
}
