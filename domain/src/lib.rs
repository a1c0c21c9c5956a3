//! The Referral Desk domain: the referral model and the rules of its lifecycle.
//!
//! Pure by design: no I/O, no clock (callers pass `now`), no async runtime and no
//! browser bindings, so the same rules run in the wasm app (also offline) and on
//! the server.

#[macro_use]
mod macros;
pub mod access;
pub mod api_keys;
pub mod business_profile;
pub mod contacts;
pub mod export;
pub mod filter;
#[cfg(test)]
mod fixtures;
pub mod i18n;
pub mod insights;
pub mod intake;
pub mod lifecycle;
pub mod notification_centre;
pub mod notifications;
pub mod people;
pub mod problem;
pub mod quality;
pub mod redirect;
pub mod referral;
pub mod registration;
pub mod timing;
pub mod validation;
pub mod values;

pub use access::{Member, Refusal, Role};
pub use business_profile::{
    BusinessProfile, BusinessProfileDraft, ContactDraft, LocationDraft, ProfileContact,
    ProfileLocation, Region, StoredBusinessProfile,
};
pub use contacts::{assess_email, assess_phone};
pub use export::CsvExport;
pub use filter::{Chip, ChipValue, Filter, FilterError, SearchIndex, SortDirection, SortKey};
pub use lifecycle::{
    Accept, AcceptForm, Action, ActionRequest, Blocked, ContactForm, CustomerContact, Deal,
    DealForm, DeclineForm, DeclineReason, Edit, EditForm, IllegalTransition, LifecycleError,
    LostForm, NewTeamMember, Reason, ReasonForm, Team, TeamMember, Won, WonForm, accept,
    add_team_member, allowed_actions, allowed_actions_at, archive_if_informational_and_due,
    decline, edit, expire_if_overdue, lost, won,
};
pub use notification_centre::{NotificationItem, NotificationKind, NotificationPage};
pub use notifications::{
    Delivery, Notification, NotificationPlan, Person, Recipient, plan_notifications,
};
pub use problem::Explanation;
pub use quality::assess_quality;
pub use redirect::{RefusedReturnPath, ReturnPath};
pub use referral::{
    Actor, Address, CallToAction, Category, CompanySize, Consent, Contact, CustomerProfile,
    Details, Direction, EmailValidity, InviteContext, LeadQuality, LeadSource, LeadType,
    PhoneValidity, Qualification, Referral, ReferralType, Requirements, Stage, Status,
    StatusChange, Substatus,
};
pub use registration::{
    DealRegistration, ExchangeRates, NotEligible, PricingModel, RegistrationEligibility,
    RegistrationForm, RegistrationState, TenantType, registration_eligibility,
};
pub use timing::{Countdown, Flame};
pub use validation::{FieldError, FieldErrors};

/// A text that is not one of a closed set of values (a status, a lead source, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
    pub expected: Vec<&'static str>,
}

impl UnknownValue {
    /// The kind as a sentence says it: "LeadSource" reads as "lead source".
    pub fn kind_in_words(&self) -> String {
        let mut kind = String::new();
        for (i, c) in self.kind.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                kind.push(' ');
            }
            kind.extend(c.to_lowercase());
        }
        kind
    }
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} is not a known {}; expected one of: {}",
            self.value,
            self.kind_in_words(),
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}
