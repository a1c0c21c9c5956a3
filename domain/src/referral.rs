//! The referral (lead) as partners and the public Referrals API know it.
//!
//! Field names and enum spellings follow the public API (camelCase fields,
//! `New`/`Active`/`Closed`, …) so that partners who already integrate with it
//! recognise the data.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::registration::DealRegistration;

api_enum! {
    /// The coarse state of a referral.
    pub enum Status { New, Active, Closed }
}

api_enum! {
    /// The fine state within a [`Status`].
    pub enum Substatus { Pending, Received, Accepted, Won, Lost, Declined, Expired }
}

/// Where a referral is shown: the three views of the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    Inbox,
    Accepted,
    Archived,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Inbox, Stage::Accepted, Stage::Archived];

    /// The stage a status is shown in; derived, never stored.
    pub fn of(status: Status) -> Stage {
        match status {
            Status::New => Stage::Inbox,
            Status::Active => Stage::Accepted,
            Status::Closed => Stage::Archived,
        }
    }

    /// The label of the stage's view and navigation link.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Inbox => "Inbox",
            Stage::Accepted => "Accepted",
            Stage::Archived => "Archived",
        }
    }
}

api_enum! {
    /// The two tabs of each stage: customer inquiries vs leads qualified by the vendor.
    pub enum Category { Marketplace, Qualified }
}

api_enum! {
    pub enum ReferralType { Independent, Shared }
}

api_enum! {
    pub enum Qualification { Direct, MarketingQualified, SalesQualified, None }
}

api_enum! {
    pub enum Direction { Incoming, Outgoing }
}

api_enum! {
    pub enum LeadType { Offer, Profile }
}

api_enum! {
    pub enum LeadSource { AppSource, AzureMarketplace, AzurePortal }
}

api_enum! {
    pub enum CallToAction { GetItNow, FreeTrial, TestDrive, ContactMe }
}

api_enum! {
    /// `Low` marks a probable spam lead.
    pub enum LeadQuality { High, Medium, Low }
}

api_enum! {
    #[derive(Default)]
    pub enum EmailValidity { Valid, Invalid, Spam, #[default] Unknown }
}

api_enum! {
    #[derive(Default)]
    pub enum PhoneValidity { Valid, Invalid, #[default] Unknown }
}

/// How many people a customer company employs: the five sizes leads use in
/// `customerProfile.size`, which business profiles also name as the sizes a partner wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CompanySize {
    #[serde(rename = "1to9employees")]
    From1To9,
    #[serde(rename = "10to49employees")]
    From10To49,
    #[serde(rename = "50to999employees")]
    From50To999,
    #[serde(rename = "1000to9999employees")]
    From1000To9999,
    #[serde(rename = "10000plusemployees")]
    From10000,
}

impl CompanySize {
    /// Every size, smallest first.
    pub const ALL: &'static [CompanySize] = &[
        CompanySize::From1To9,
        CompanySize::From10To49,
        CompanySize::From50To999,
        CompanySize::From1000To9999,
        CompanySize::From10000,
    ];

    /// The size as the API spells it: `50to999employees`.
    pub fn as_str(self) -> &'static str {
        match self {
            CompanySize::From1To9 => "1to9employees",
            CompanySize::From10To49 => "10to49employees",
            CompanySize::From50To999 => "50to999employees",
            CompanySize::From1000To9999 => "1000to9999employees",
            CompanySize::From10000 => "10000plusemployees",
        }
    }

    /// The size of an API spelling, exactly as the API spells it.
    pub fn from_api(text: &str) -> Option<CompanySize> {
        CompanySize::ALL
            .iter()
            .copied()
            .find(|size| size.as_str() == text)
    }
}

impl std::fmt::Display for CompanySize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person: a customer contact or a member of the partner's own team.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    #[serde(default)]
    pub email_validity: EmailValidity,
    #[serde(default)]
    pub phone_validity: PhoneValidity,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub region: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerProfile {
    pub name: String,
    /// How many people the customer employs, as [`CompanySize`] spells it (kept as sent:
    /// senders may use other words).
    pub size: Option<String>,
    pub address: Address,
    #[serde(default)]
    pub team: Vec<Contact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Requirements {
    #[serde(default)]
    pub industries: Vec<String>,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub solutions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Details {
    pub notes: Option<String>,
    /// A decimal, serialised as a string so no precision is lost in JSON.
    pub deal_value: Option<Decimal>,
    /// ISO 4217.
    pub currency: Option<String>,
    pub closing_date_time: Option<DateTime<Utc>>,
    #[serde(default)]
    pub customer_requested_contact: bool,
    #[serde(default)]
    pub requirements: Requirements,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    pub consent_to_contact: bool,
    pub consent_to_share_info_with_others: bool,
}

/// A sales referral (lead) received by a partner organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Referral {
    pub id: String,
    pub engagement_id: Option<String>,
    pub name: String,
    /// The partner's CRM ID.
    pub external_reference_id: Option<String>,
    /// Marketing campaign ID.
    pub campaign_id: Option<String>,
    pub status: Status,
    pub substatus: Substatus,
    pub status_reason: Option<String>,
    #[serde(rename = "type")]
    pub referral_type: ReferralType,
    pub qualification: Qualification,
    pub direction: Direction,
    /// Per user: the server fills it in for the signed-in user on every read.
    #[serde(default)]
    pub favorite: bool,
    pub created_date_time: DateTime<Utc>,
    pub updated_date_time: DateTime<Utc>,
    pub accepted_date_time: Option<DateTime<Utc>>,
    pub closed_date_time: Option<DateTime<Utc>>,
    pub expiration_date_time: DateTime<Utc>,
    /// Concurrency token: changes with every stored change.
    #[serde(rename = "eTag")]
    pub e_tag: String,
    pub consent: Consent,
    pub customer_profile: CustomerProfile,
    pub details: Details,
    /// The partner's own people on the deal.
    #[serde(default)]
    pub team: Vec<Contact>,
    pub lead_type: Option<LeadType>,
    pub lead_source: Option<LeadSource>,
    pub call_to_action: Option<CallToAction>,
    pub offer_id: Option<String>,
    pub offer_name: Option<String>,
    pub lead_quality: Option<LeadQuality>,
    /// Who the referral is for (e.g. a solution or a business profile), as the source names it.
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub invite_context: Option<InviteContext>,
    /// Every status change, oldest first.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
    /// The notes given with `statusReason` when declined or lost (required for "Others").
    #[serde(default)]
    pub status_reason_notes: Option<String>,
    /// The deal registration submitted when an eligible deal was won.
    #[serde(default)]
    pub deal_registration: Option<DealRegistration>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct InviteContext {
    pub notes: Option<String>,
    pub invited_by: Option<String>,
}

/// Who made a change: a signed-in user, or the system (automatic expiry, archiving).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "camelCase", try_from = "ActorFields")]
pub enum Actor {
    User { id: String, name: String },
    System,
}

/// An [`Actor`] as read: both kinds' fields, checked against its `kind` (the same JSON).
/// Read this way rather than as the tagged enum, which buffers each one before looking
/// at `kind`: a referral's history has one per step, and the buffering's code is most
/// of the reading's size in the wasm.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ActorFields {
    /// A `String`, not an enum of the kinds: serde's derive would build one more reader.
    kind: String,
    id: Option<String>,
    name: Option<String>,
}

impl TryFrom<ActorFields> for Actor {
    type Error = &'static str;

    fn try_from(fields: ActorFields) -> Result<Actor, &'static str> {
        Ok(match fields.kind.as_str() {
            "user" => Actor::User {
                id: fields.id.ok_or("missing field `id`")?,
                name: fields.name.ok_or("missing field `name`")?,
            },
            "system" => Actor::System,
            _ => return Err("unknown kind of actor"),
        })
    }
}

/// One step of a referral's life: where it moved, when, by whom and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    pub by: Actor,
    pub status: Status,
    pub substatus: Substatus,
    pub reason: Option<String>,
}

impl Referral {
    /// The view this referral belongs in.
    pub fn stage(&self) -> Stage {
        Stage::of(self.status)
    }

    /// Marketplace leads are customer inquiries; Qualified leads were qualified by
    /// the vendor's marketing staff or sellers. Derived, never stored.
    pub fn category(&self) -> Category {
        match self.qualification {
            Qualification::MarketingQualified | Qualification::SalesQualified => {
                Category::Qualified
            }
            Qualification::Direct | Qualification::None => Category::Marketplace,
        }
    }

    /// Expired referrals withhold the customer's contact information.
    pub fn shows_contact_information(&self) -> bool {
        self.substatus != Substatus::Expired
    }

    /// The referral as every read path hands it out: an Expired referral without
    /// its contacts and street address.
    pub fn redacted(mut self) -> Referral {
        if !self.shows_contact_information() {
            self.customer_profile.team.clear();
            self.customer_profile.address.address_line1 = None;
            self.customer_profile.address.address_line2 = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_is_shown_in_exactly_one_stage() {
        assert_eq!(Stage::of(Status::New), Stage::Inbox);
        assert_eq!(Stage::of(Status::Active), Stage::Accepted);
        assert_eq!(Stage::of(Status::Closed), Stage::Archived);
    }

    #[test]
    fn serialises_with_the_public_api_field_names() {
        let json = serde_json::json!({
            "id": "r-1",
            "engagementId": null,
            "name": "Contoso ERP rollout",
            "externalReferenceId": null,
            "campaignId": null,
            "status": "New",
            "substatus": "Received",
            "statusReason": null,
            "type": "Independent",
            "qualification": "Direct",
            "direction": "Incoming",
            "favorite": false,
            "createdDateTime": "2026-11-20T09:00:00Z",
            "updatedDateTime": "2026-11-20T09:00:00Z",
            "acceptedDateTime": null,
            "closedDateTime": null,
            "expirationDateTime": "2026-12-04T09:00:00Z",
            "eTag": "1",
            "consent": { "consentToContact": true, "consentToShareInfoWithOthers": false },
            "customerProfile": {
                "name": "Contoso",
                "size": "100to999employees",
                "address": {
                    "addressLine1": null, "addressLine2": null, "city": "Berlin",
                    "state": null, "postalCode": null, "country": "DE", "region": null
                },
                "team": [{
                    "firstName": "Anna", "lastName": "Schmidt", "email": "anna@contoso.example",
                    "phoneNumber": "+4930123456", "emailValidity": "Valid", "phoneValidity": "Unknown"
                }]
            },
            "details": {
                "notes": null, "dealValue": "25000.50", "currency": "EUR",
                "closingDateTime": null, "customerRequestedContact": true,
                "requirements": { "industries": [], "products": [], "services": [], "solutions": [] }
            },
            "team": [],
            "leadType": "Offer",
            "leadSource": "AppSource",
            "callToAction": "ContactMe",
            "offerId": "contoso.erp",
            "offerName": "Contoso ERP",
            "leadQuality": "High",
            "target": null,
            "inviteContext": null,
            "statusHistory": [],
            "statusReasonNotes": null,
            "dealRegistration": null
        });
        let referral: Referral = serde_json::from_value(json.clone()).expect("valid referral");
        assert_eq!(referral.stage(), Stage::Inbox);
        assert_eq!(
            referral.details.deal_value,
            Some(Decimal::new(2_500_050, 2))
        );
        assert_eq!(serde_json::to_value(&referral).expect("serialises"), json);
    }

    #[test]
    fn an_actor_reads_back_as_written_and_needs_its_kinds_fields() {
        let user = Actor::User {
            id: "u-1".to_owned(),
            name: "Anna".to_owned(),
        };
        for (actor, json) in [
            (
                user,
                serde_json::json!({ "kind": "user", "id": "u-1", "name": "Anna" }),
            ),
            (Actor::System, serde_json::json!({ "kind": "system" })),
        ] {
            assert_eq!(serde_json::to_value(&actor).unwrap(), json);
            assert_eq!(serde_json::from_value::<Actor>(json).unwrap(), actor);
        }
        for json in [
            serde_json::json!({ "kind": "user", "id": "u-1" }),
            serde_json::json!({ "kind": "user", "name": "Anna" }),
            serde_json::json!({ "kind": "robot" }),
            serde_json::json!({ "id": "u-1", "name": "Anna" }),
        ] {
            assert!(
                serde_json::from_value::<Actor>(json.clone()).is_err(),
                "{json}"
            );
        }
    }

    #[test]
    fn api_values_parse_from_their_spelling_and_name_the_choices_otherwise() {
        assert_eq!(
            "ContactMe".parse::<CallToAction>(),
            Ok(CallToAction::ContactMe)
        );
        assert_eq!(LeadSource::AzurePortal.to_string(), "AzurePortal");
        let error = "Maybe".parse::<Status>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"Maybe\" is not a known status; expected one of: New, Active, Closed"
        );
    }

    #[test]
    fn contact_validity_is_unknown_unless_stated() {
        let contact: Contact = serde_json::from_str(
            r#"{"firstName":"A","lastName":"B","email":null,"phoneNumber":null}"#,
        )
        .unwrap();
        assert_eq!(contact.email_validity, EmailValidity::Unknown);
        assert_eq!(contact.phone_validity, PhoneValidity::Unknown);
    }

    #[test]
    fn expired_referrals_withhold_contact_information() {
        let mut expired = crate::fixtures::referral("r-exp");
        expired.status = Status::Closed;
        expired.substatus = Substatus::Expired;
        expired.customer_profile.address.address_line1 = Some("Friedrichstraße 1".to_owned());
        assert!(!expired.shows_contact_information());
        let redacted = expired.redacted();
        assert!(redacted.customer_profile.team.is_empty());
        assert_eq!(redacted.customer_profile.address.address_line1, None);
        assert_eq!(
            redacted.customer_profile.name, "Contoso",
            "the customer's name stays"
        );
        assert_eq!(
            redacted.customer_profile.address.country, "DE",
            "so does the country"
        );
    }

    #[test]
    fn other_referrals_keep_their_contacts() {
        for substatus in [
            Substatus::Received,
            Substatus::Accepted,
            Substatus::Won,
            Substatus::Lost,
            Substatus::Declined,
        ] {
            let referral = Referral {
                substatus,
                ..crate::fixtures::referral("r-1")
            };
            assert_eq!(referral.clone().redacted(), referral, "{substatus:?}");
        }
    }

    #[test]
    fn the_category_follows_the_qualification() {
        for (qualification, category) in [
            (Qualification::Direct, Category::Marketplace),
            (Qualification::None, Category::Marketplace),
            (Qualification::MarketingQualified, Category::Qualified),
            (Qualification::SalesQualified, Category::Qualified),
        ] {
            let referral = Referral {
                qualification,
                ..crate::fixtures::referral("r-1")
            };
            assert_eq!(referral.category(), category, "{qualification:?}");
        }
    }
}
