//! The commercial marketplace's lead, as its lead-management connectors send it:
//!
//! ```json
//! { "LeadSource": "AzureMarketplace-INS|contoso.erp-quickstart", "ActionCode": "INS",
//!   "OfferTitle": "ERP Quickstart", "Description": "…",
//!   "UserDetails": { "FirstName": "Anna", "LastName": "Schmidt", "Email": "anna@contoso.de",
//!                    "Phone": "+49 30 901820", "Country": "DE", "Company": "Contoso",
//!                    "Title": "CIO" } }
//! ```
//!
//! `LeadSource` is `Source-Action|Offer`: the source (`AzureMarketplace`, `AppSource` —
//! also spelled `SPZA` —, `AzurePortal`), the action the customer took, and the offer's ID
//! (absent for a lead from a business-profile listing: a Profile lead). The action code
//! decides the call to action (see [`call_to_action_of`]). The marketplace collects the
//! customer's consent before it shares a lead, so a marketplace lead has consent to contact,
//! except a `DNC` ("do not contact") one, which is refused. `Title` (the person's job title)
//! has no place in the referral model and is only checked.

use serde::Deserialize;

use super::IncomingLead;
use super::fields::{
    ContactFields, contact, country, optional_id, optional_line, optional_notes, required_name,
};
use super::referral::optional_external_id;
use crate::referral::{
    CallToAction, Consent, CustomerProfile, Details, LeadSource, LeadType, Qualification,
    ReferralType,
};
use crate::validation::{FieldError, FieldErrors};
use crate::values::NAME_MAX_CHARS;

/// A lead as the commercial marketplace sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "PascalCase")]
pub struct MarketplaceLead {
    /// The sender's own ID for this lead, if it has one: sending it again answers the referral it made.
    pub lead_id: Option<String>,
    /// `Source-Action|Offer`, e.g. `AzureMarketplace-INS|publisher.offer`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "AzureMarketplace-PLT|contoso.erp-quickstart")
    )]
    pub lead_source: Option<String>,
    /// What the customer did: `INS` (Get it now), `PLT` (Contact me), `StartTestDrive`, `FreeTrial`, …
    pub action_code: Option<String>,
    pub offer_title: Option<String>,
    /// What the customer wrote.
    pub description: Option<String>,
    pub user_details: Option<MarketplaceUser>,
}

/// The customer who left the lead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "PascalCase")]
pub struct MarketplaceUser {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// ISO 3166-1 alpha-2 (`DE`), or the country's English name as ISO lists it.
    pub country: Option<String>,
    pub company: Option<String>,
    pub title: Option<String>,
}

/// `LeadSource` taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedLeadSource {
    pub source: LeadSource,
    /// The action code after `-`, as written.
    pub action: Option<String>,
    /// The offer's ID after `|`; `None` for a listing (Profile) lead.
    pub offer_id: Option<String>,
}

impl ParsedLeadSource {
    /// Reads `Source-Action|Offer` (action and offer optional, the source in any case).
    pub fn parse(field: &str, text: &str) -> Result<ParsedLeadSource, FieldError> {
        let invalid = || FieldError::coded(field, "error-lead-source", &[("value", text.trim())]);
        let (source_action, offer) = match text.trim().split_once('|') {
            Some((source_action, offer)) => (source_action, Some(offer.trim())),
            None => (text.trim(), None),
        };
        let (source, action) = match source_action.split_once('-') {
            Some((source, action)) => (source.trim(), Some(action.trim())),
            None => (source_action.trim(), None),
        };
        let source = match source.to_ascii_lowercase().as_str() {
            "azuremarketplace" => LeadSource::AzureMarketplace,
            "appsource" | "spza" => LeadSource::AppSource,
            "azureportal" => LeadSource::AzurePortal,
            _ => return Err(invalid()),
        };
        if action.is_some_and(str::is_empty) || offer.is_some_and(str::is_empty) {
            return Err(invalid());
        }
        Ok(ParsedLeadSource {
            source,
            action: action.map(str::to_owned),
            offer_id: offer.map(str::to_owned),
        })
    }
}

/// What an action code means, in any case: `Err(())` for `DNC` (the customer asked not to
/// be contacted), `Ok(None)` for a code the domain does not know.
///
/// - `INS` (install), `Create` (bought in the Azure portal), `GetItNow` → Get it now;
/// - `PLT` (partner-led trial: the customer asked the partner to set it up), `ContactMe` → Contact me;
/// - `StartTestDrive`, `TestDrive` → Test drive;
/// - `FreeTrial`, `SaaSFreeTrial` → Free trial.
#[allow(clippy::result_unit_err)]
pub fn call_to_action_of(code: &str) -> Result<Option<CallToAction>, ()> {
    Ok(match code.trim().to_ascii_lowercase().as_str() {
        "ins" | "create" | "getitnow" => Some(CallToAction::GetItNow),
        "plt" | "contactme" => Some(CallToAction::ContactMe),
        "starttestdrive" | "testdrive" => Some(CallToAction::TestDrive),
        "freetrial" | "saasfreetrial" => Some(CallToAction::FreeTrial),
        "dnc" => return Err(()),
        _ => None,
    })
}

/// The action codes [`call_to_action_of`] knows, for messages.
const KNOWN_ACTION_CODES: &str = "INS, Create, PLT, ContactMe, StartTestDrive, FreeTrial";

impl MarketplaceLead {
    /// The lead, or every problem of it at once (named by the marketplace's field names).
    pub fn parse(&self) -> Result<IncomingLead, FieldErrors> {
        let mut errors = FieldErrors::new();
        let e = &mut errors;
        let external_id = optional_external_id("LeadId", self.lead_id.as_deref(), e);
        let source = match self.lead_source.as_deref().map(str::trim) {
            None | Some("") => {
                e.push(FieldError::coded("LeadSource", "error-required", &[]));
                None
            }
            Some(text) => e.collect(ParsedLeadSource::parse("LeadSource", text)),
        };
        let offer_id = match &source {
            Some(source) => optional_id("LeadSource", source.offer_id.as_deref(), e),
            None => None,
        };
        let call_to_action = self.call_to_action(source.as_ref(), e);
        let offer_title =
            optional_line("OfferTitle", self.offer_title.as_deref(), NAME_MAX_CHARS, e);
        let description = optional_notes("Description", self.description.as_deref(), e);
        let empty = MarketplaceUser::default();
        let user = self.user_details.as_ref().unwrap_or(&empty);
        let company = required_name("UserDetails.Company", user.company.as_deref(), e);
        let country = country("UserDetails.Country", user.country.as_deref(), e);
        let _title = optional_line(
            "UserDetails.Title",
            user.title.as_deref(),
            NAME_MAX_CHARS,
            e,
        );
        let contact = contact(
            ContactFields {
                first_name: ("UserDetails.FirstName", user.first_name.as_deref()),
                last_name: ("UserDetails.LastName", user.last_name.as_deref()),
                email: ("UserDetails.Email", user.email.as_deref()),
                phone: ("UserDetails.Phone", user.phone.as_deref()),
                email_validity: ("", None),
                phone_validity: ("", None),
            },
            e,
        );
        let (
            Some(external_id),
            Some(source),
            Some(offer_id),
            Some(call_to_action),
            Some(offer_title),
            Some(notes),
            Some(company),
            Some(country),
            Some(contact),
        ) = (
            external_id,
            source,
            offer_id,
            call_to_action,
            offer_title,
            description,
            company,
            country,
            contact,
        )
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let name = deal_name(&company, offer_title.as_deref());
        Ok(IncomingLead {
            external_id,
            name,
            campaign_id: None,
            referral_type: ReferralType::Independent,
            qualification: Qualification::Direct,
            consent: Consent {
                consent_to_contact: true,
                consent_to_share_info_with_others: false,
            },
            customer_profile: CustomerProfile {
                name: company,
                size: None,
                address: crate::Address {
                    country,
                    ..crate::Address::default()
                },
                team: vec![contact],
            },
            details: Details {
                notes,
                customer_requested_contact: call_to_action == CallToAction::ContactMe,
                ..Details::default()
            },
            lead_type: Some(if offer_id.is_some() {
                LeadType::Offer
            } else {
                LeadType::Profile
            }),
            lead_source: Some(source.source),
            call_to_action: Some(call_to_action),
            offer_id,
            offer_name: offer_title,
            target: None,
            invite_context: None,
        })
    }

    /// The call to action from `ActionCode`, or from `LeadSource`'s action when the code is
    /// absent; both given, they must agree.
    fn call_to_action(
        &self,
        source: Option<&ParsedLeadSource>,
        errors: &mut FieldErrors,
    ) -> Option<CallToAction> {
        let code = self
            .action_code
            .as_deref()
            .map(str::trim)
            .filter(|code| !code.is_empty());
        let in_source = source.and_then(|source| source.action.as_deref());
        let (field, code) = match (code, in_source) {
            (Some(code), _) => ("ActionCode", code),
            (None, Some(action)) => ("LeadSource", action),
            (None, None) => {
                errors.push(FieldError::coded("ActionCode", "error-required", &[]));
                return None;
            }
        };
        let meaning = match call_to_action_of(code) {
            Err(()) => {
                errors.push(FieldError::coded(field, "error-do-not-contact", &[]));
                return None;
            }
            Ok(None) => {
                errors.push(FieldError::coded(
                    field,
                    "error-action-code",
                    &[("value", code), ("expected", KNOWN_ACTION_CODES)],
                ));
                return None;
            }
            Ok(Some(meaning)) => meaning,
        };
        if field == "ActionCode"
            && let Some(action) = in_source
            && call_to_action_of(action) != Ok(Some(meaning))
        {
            errors.push(FieldError::coded(
                "ActionCode",
                "error-action-mismatch",
                &[("value", code), ("action", action)],
            ));
            return None;
        }
        Some(meaning)
    }
}

/// The deal's name, "Company – Offer title", cut to the length any deal name may have
/// (each part may be that long alone): a name too long to accept or edit as it is would
/// ask the partner to shorten words they never typed.
fn deal_name(company: &str, offer_title: Option<&str>) -> String {
    let name = match offer_title {
        Some(title) => format!("{company} – {title}"),
        None => company.to_owned(),
    };
    if name.chars().count() <= NAME_MAX_CHARS {
        return name;
    }
    let kept: String = name.chars().take(NAME_MAX_CHARS - 1).collect();
    format!("{}…", kept.trim_end())
}
