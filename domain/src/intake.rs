//! Leads sent in by other systems (DOMAIN.md §2, §4): the two shapes the ingestion API
//! accepts, checked field by field, and what a lead becomes when it arrives.
//!
//! - `referral`: a referral in the API's own shape ([`ReferralSubmission`]);
//! - `marketplace`: the commercial marketplace's lead ([`MarketplaceLead`]), whose
//!   `LeadSource` (`Source-Action|Offer`) and `ActionCode` map to lead type, lead source
//!   and call to action;
//! - `fields`: the checks both shapes share.
//!
//! Both parse into an [`IncomingLead`], reporting every problem at once under the field's
//! name in the sender's own shape. The sender never sets what is the receiver's: ids,
//! status, timestamps, expiry and lead quality; contact validities it may report, but the
//! domain's assessment (`contacts`) has the last word. [`IncomingLead::arrive`] turns the
//! lead into a referral at the instant it arrives, so the 24-hour window and the 14-day
//! expiry start then.

mod fields;
mod marketplace;
mod referral;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};

pub use marketplace::{MarketplaceLead, MarketplaceUser, ParsedLeadSource, call_to_action_of};
pub use referral::{
    ReferralSubmission, SubmittedAddress, SubmittedConsent, SubmittedContact, SubmittedCustomer,
    SubmittedDetails,
};

use crate::quality::assess_quality;
use crate::referral::{
    CallToAction, Consent, CustomerProfile, Details, Direction, InviteContext, LeadSource,
    LeadType, Qualification, Referral, ReferralType, Status, Substatus,
};
use crate::timing;

/// Longest ID a sender may give its lead (`externalId`, `LeadId`).
pub const EXTERNAL_ID_MAX_CHARS: usize = 200;

/// A lead whose every sender-set value passed the checks, not yet arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingLead {
    /// The sender's own ID for the lead: a resubmission with the same one is the same lead.
    pub external_id: Option<String>,
    pub name: String,
    pub campaign_id: Option<String>,
    pub referral_type: ReferralType,
    pub qualification: Qualification,
    pub consent: Consent,
    pub customer_profile: CustomerProfile,
    pub details: Details,
    pub lead_type: Option<LeadType>,
    pub lead_source: Option<LeadSource>,
    pub call_to_action: Option<CallToAction>,
    pub offer_id: Option<String>,
    pub offer_name: Option<String>,
    pub target: Option<String>,
    pub invite_context: Option<InviteContext>,
}

impl IncomingLead {
    /// The referral this lead becomes when it arrives at `now` as `id`: New/Received, its
    /// clocks (response window, expiry) started at `now`, its contacts' validities assessed
    /// and its quality rated by the domain.
    pub fn arrive(self, id: String, now: DateTime<Utc>) -> Referral {
        let mut customer_profile = self.customer_profile;
        customer_profile.team = customer_profile
            .team
            .into_iter()
            .map(|contact| contact.assessed())
            .collect();
        let mut referral = Referral {
            id,
            engagement_id: None,
            name: self.name,
            external_reference_id: None,
            campaign_id: self.campaign_id,
            status: Status::New,
            substatus: Substatus::Received,
            status_reason: None,
            referral_type: self.referral_type,
            qualification: self.qualification,
            direction: Direction::Incoming,
            favorite: false,
            created_date_time: now,
            updated_date_time: now,
            accepted_date_time: None,
            closed_date_time: None,
            expiration_date_time: timing::expiry_of(now),
            e_tag: "1".to_owned(),
            consent: self.consent,
            customer_profile,
            details: self.details,
            team: Vec::new(),
            lead_type: self.lead_type,
            lead_source: self.lead_source,
            call_to_action: self.call_to_action,
            offer_id: self.offer_id,
            offer_name: self.offer_name,
            lead_quality: None,
            target: self.target,
            invite_context: self.invite_context,
            status_history: Vec::new(),
            status_reason_notes: None,
            deal_registration: None,
        };
        referral.lead_quality = Some(assess_quality(&referral));
        referral
    }
}
