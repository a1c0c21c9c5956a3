//! What a queued mail says, stored with its outbox row (JSON): fixed when the lead
//! arrives, so every attempt renders the same mail whatever happens to the lead later.
//! Only what the lead's page shows to everyone who may open it, and no customer contacts:
//! mail leaves the app's access control, so it names the lead and links to it.

use chrono::{DateTime, Utc};
use domain::{CallToAction, Referral};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailContent {
    /// The partner organisation the leads are for, as the footer names it.
    pub organisation: String,
    /// One for a lead mail; the day's later leads, in arrival order, for a digest.
    pub leads: Vec<LeadLine>,
}

/// One lead as a mail lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeadLine {
    pub referral_id: String,
    pub customer: String,
    pub deal: String,
    pub offer: Option<String>,
    /// ISO 3166-1 alpha-2, as the lead gives it.
    pub country: String,
    pub call_to_action: Option<CallToAction>,
    pub arrived: DateTime<Utc>,
}

impl LeadLine {
    pub fn of(referral: &Referral) -> LeadLine {
        LeadLine {
            referral_id: referral.id.clone(),
            customer: referral.customer_profile.name.clone(),
            deal: referral.name.clone(),
            offer: referral.offer_name.clone().filter(|o| !o.trim().is_empty()),
            country: referral.customer_profile.address.country.clone(),
            call_to_action: referral.call_to_action,
            arrived: referral.created_date_time,
        }
    }
}

impl MailContent {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("mail content serialises")
    }

    pub fn from_json(text: &str) -> Result<MailContent, serde_json::Error> {
        serde_json::from_str(text)
    }
}
