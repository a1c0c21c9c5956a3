//! A referral sent in the API's own shape (DOMAIN.md §2): what the sender may set of it.
//! Everything is read as text first, so a wrong value is a field error naming the field,
//! not an unreadable body; fields the sender may not set (`id`, `status`, timestamps,
//! `leadQuality`, …) are ignored.

use serde::Deserialize;

use super::fields::{
    ContactFields, choice, contact, country, join, optional_id, optional_line, optional_notes,
    required_name,
};
use super::{EXTERNAL_ID_MAX_CHARS, IncomingLead};
use crate::referral::{
    Consent, CustomerProfile, Details, InviteContext, Qualification, ReferralType, Requirements,
};
use crate::validation::{FieldError, FieldErrors};
use crate::values::{CurrencyCode, Money, NAME_MAX_CHARS, TextKind, parse_text};

/// A referral as a sender submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReferralSubmission {
    /// The sender's own ID for this lead: sending it again answers the referral it made.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub external_id: Option<String>,
    /// The deal's name.
    pub name: Option<String>,
    /// Marketing campaign ID.
    pub campaign_id: Option<String>,
    /// `Independent` (the default) or `Shared`.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::ReferralType>))]
    pub referral_type: Option<String>,
    /// `Direct` (the default), `MarketingQualified`, `SalesQualified` or `None`.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::Qualification>))]
    pub qualification: Option<String>,
    /// Required: the customer must have agreed to be contacted.
    pub consent: Option<SubmittedConsent>,
    pub customer_profile: Option<SubmittedCustomer>,
    pub details: Option<SubmittedDetails>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::LeadType>))]
    pub lead_type: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::LeadSource>))]
    pub lead_source: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::CallToAction>))]
    pub call_to_action: Option<String>,
    pub offer_id: Option<String>,
    pub offer_name: Option<String>,
    pub target: Option<String>,
    pub invite_context: Option<InviteContext>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubmittedConsent {
    /// Must be `true`.
    pub consent_to_contact: Option<bool>,
    pub consent_to_share_info_with_others: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubmittedCustomer {
    pub name: Option<String>,
    pub size: Option<String>,
    pub address: Option<SubmittedAddress>,
    /// The customer's contacts: at least one, each with an email address or a phone number.
    #[serde(default)]
    pub team: Vec<SubmittedContact>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubmittedAddress {
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 (`DE`), or the country's English name as ISO lists it.
    pub country: Option<String>,
    pub region: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubmittedContact {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    /// What the sender's own check found; the domain's assessment has the last word.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::EmailValidity>))]
    pub email_validity: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::PhoneValidity>))]
    pub phone_validity: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubmittedDetails {
    pub notes: Option<String>,
    /// A decimal as a string (`"25000.50"`); needs `currency`.
    pub deal_value: Option<String>,
    /// ISO 4217.
    pub currency: Option<String>,
    #[serde(default)]
    pub customer_requested_contact: bool,
    #[serde(default)]
    pub requirements: Requirements,
}

/// Words kept from each requirement (industry, product, …) and how many of each.
const REQUIREMENT_MAX_CHARS: usize = 200;
const REQUIREMENTS_MAX: usize = 50;

impl ReferralSubmission {
    /// The lead, or every problem of the submission at once.
    pub fn parse(&self) -> Result<IncomingLead, FieldErrors> {
        let mut errors = FieldErrors::new();
        let e = &mut errors;
        let external_id = optional_external_id("externalId", self.external_id.as_deref(), e);
        let name = required_name("name", self.name.as_deref(), e);
        let campaign_id = optional_id("campaignId", self.campaign_id.as_deref(), e);
        let referral_type = choice(
            "type",
            self.referral_type.as_deref(),
            Some(ReferralType::Independent),
            e,
        );
        let qualification = choice(
            "qualification",
            self.qualification.as_deref(),
            Some(Qualification::Direct),
            e,
        );
        let consent = parse_consent(self.consent.as_ref(), e);
        let customer_profile = parse_customer(self.customer_profile.as_ref(), e);
        let details = parse_details(self.details.as_ref(), e);
        let lead_type = choice("leadType", self.lead_type.as_deref(), None, e);
        let lead_source = choice("leadSource", self.lead_source.as_deref(), None, e);
        let call_to_action = choice("callToAction", self.call_to_action.as_deref(), None, e);
        let offer_id = optional_id("offerId", self.offer_id.as_deref(), e);
        let offer_name = optional_line("offerName", self.offer_name.as_deref(), NAME_MAX_CHARS, e);
        let target = optional_line("target", self.target.as_deref(), NAME_MAX_CHARS, e);
        let invite_context = self.invite_context.as_ref().map(|context| {
            let notes = optional_notes("inviteContext.notes", context.notes.as_deref(), e);
            let invited_by = optional_line(
                "inviteContext.invitedBy",
                context.invited_by.as_deref(),
                NAME_MAX_CHARS,
                e,
            );
            Some(InviteContext {
                notes: notes?,
                invited_by: invited_by?,
            })
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        // Every part is `Some` when nothing was recorded.
        let missing = || FieldErrors::from(FieldError::new("", "incomplete submission"));
        Ok(IncomingLead {
            external_id: external_id.ok_or_else(missing)?,
            name: name.ok_or_else(missing)?,
            campaign_id: campaign_id.ok_or_else(missing)?,
            referral_type: referral_type.flatten().ok_or_else(missing)?,
            qualification: qualification.flatten().ok_or_else(missing)?,
            consent: consent.ok_or_else(missing)?,
            customer_profile: customer_profile.ok_or_else(missing)?,
            details: details.ok_or_else(missing)?,
            lead_type: lead_type.ok_or_else(missing)?,
            lead_source: lead_source.ok_or_else(missing)?,
            call_to_action: call_to_action.ok_or_else(missing)?,
            offer_id: offer_id.ok_or_else(missing)?,
            offer_name: offer_name.ok_or_else(missing)?,
            target: target.ok_or_else(missing)?,
            invite_context: match invite_context {
                Some(context) => Some(context.ok_or_else(missing)?),
                None => None,
            },
        })
    }
}

/// The sender's own ID: an identifier of at most 200 characters; blank is none.
pub(super) fn optional_external_id(
    field: &str,
    text: Option<&str>,
    errors: &mut FieldErrors,
) -> Option<Option<String>> {
    errors.collect(parse_text(
        field,
        text.unwrap_or_default(),
        TextKind::Identifier,
        EXTERNAL_ID_MAX_CHARS,
    ))
}

/// Consent to be contacted is required: without it no partner may call the customer.
fn parse_consent(consent: Option<&SubmittedConsent>, errors: &mut FieldErrors) -> Option<Consent> {
    let given = consent.and_then(|c| c.consent_to_contact) == Some(true);
    if !given {
        errors.push(FieldError::coded(
            "consent.consentToContact",
            "error-consent-required",
            &[],
        ));
        return None;
    }
    Some(Consent {
        consent_to_contact: true,
        consent_to_share_info_with_others: consent
            .and_then(|c| c.consent_to_share_info_with_others)
            .unwrap_or(false),
    })
}

fn parse_customer(
    customer: Option<&SubmittedCustomer>,
    errors: &mut FieldErrors,
) -> Option<CustomerProfile> {
    let empty = SubmittedCustomer::default();
    let customer = customer.unwrap_or(&empty);
    let name = required_name("customerProfile.name", customer.name.as_deref(), errors);
    let size = optional_line(
        "customerProfile.size",
        customer.size.as_deref(),
        NAME_MAX_CHARS,
        errors,
    );
    let no_address = SubmittedAddress::default();
    let address = customer.address.as_ref().unwrap_or(&no_address);
    let at = |field: &str| join("customerProfile.address", field);
    let line = |field: &str, text: &Option<String>, errors: &mut FieldErrors| {
        optional_line(&at(field), text.as_deref(), NAME_MAX_CHARS, errors)
    };
    let address_line1 = line("addressLine1", &address.address_line1, errors);
    let address_line2 = line("addressLine2", &address.address_line2, errors);
    let city = line("city", &address.city, errors);
    let state = line("state", &address.state, errors);
    let postal_code = line("postalCode", &address.postal_code, errors);
    let region = line("region", &address.region, errors);
    let country = country(&at("country"), address.country.as_deref(), errors);
    if customer.team.is_empty() {
        errors.push(FieldError::coded(
            "customerProfile.team",
            "error-customer-contact-required",
            &[],
        ));
    }
    let team: Vec<Option<crate::Contact>> = customer
        .team
        .iter()
        .enumerate()
        .map(|(index, submitted)| {
            let prefix = format!("customerProfile.team[{index}]");
            let names: Vec<String> = [
                "firstName",
                "lastName",
                "email",
                "phoneNumber",
                "emailValidity",
                "phoneValidity",
            ]
            .iter()
            .map(|field| join(&prefix, field))
            .collect();
            contact(
                ContactFields {
                    first_name: (&names[0], submitted.first_name.as_deref()),
                    last_name: (&names[1], submitted.last_name.as_deref()),
                    email: (&names[2], submitted.email.as_deref()),
                    phone: (&names[3], submitted.phone_number.as_deref()),
                    email_validity: (&names[4], submitted.email_validity.as_deref()),
                    phone_validity: (&names[5], submitted.phone_validity.as_deref()),
                },
                errors,
            )
        })
        .collect();
    Some(CustomerProfile {
        name: name?,
        size: size?,
        address: crate::Address {
            address_line1: address_line1?,
            address_line2: address_line2?,
            city: city?,
            state: state?,
            postal_code: postal_code?,
            country: country?,
            region: region?,
        },
        team: team.into_iter().collect::<Option<Vec<_>>>()?,
    })
}

fn parse_details(details: Option<&SubmittedDetails>, errors: &mut FieldErrors) -> Option<Details> {
    let empty = SubmittedDetails::default();
    let details = details.unwrap_or(&empty);
    let notes = optional_notes("details.notes", details.notes.as_deref(), errors);
    let currency = match details.currency.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(text) => errors
            .collect(CurrencyCode::parse("details.currency", text))
            .map(Some),
    };
    let deal_value = match details.deal_value.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(amount) => match currency {
            Some(Some(code)) => errors
                .collect(Money::parse("details.dealValue", amount, code))
                .map(|money| Some(money.amount)),
            Some(None) => {
                errors.push(FieldError::coded(
                    "details.currency",
                    "error-currency-required",
                    &[],
                ));
                None
            }
            // The currency's own error is recorded; the amount cannot be judged without it.
            None => None,
        },
    };
    let requirements = parse_requirements(&details.requirements, errors);
    Some(Details {
        notes: notes?,
        deal_value: deal_value?,
        currency: currency?.map(|code| code.as_str().to_owned()),
        closing_date_time: None,
        customer_requested_contact: details.customer_requested_contact,
        requirements: requirements?,
    })
}

fn parse_requirements(
    requirements: &Requirements,
    errors: &mut FieldErrors,
) -> Option<Requirements> {
    let mut list = |field: &str, items: &[String]| -> Option<Vec<String>> {
        let field = join("details.requirements", field);
        if items.len() > REQUIREMENTS_MAX {
            errors.push(FieldError::coded(
                &field,
                "error-too-many",
                &[("max", &REQUIREMENTS_MAX.to_string())],
            ));
            return None;
        }
        let parsed: Vec<Option<Option<String>>> = items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                optional_line(
                    &format!("{field}[{index}]"),
                    Some(item),
                    REQUIREMENT_MAX_CHARS,
                    errors,
                )
            })
            .collect();
        parsed
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .map(|items| items.into_iter().flatten().collect())
    };
    let industries = list("industries", &requirements.industries);
    let products = list("products", &requirements.products);
    let services = list("services", &requirements.services);
    let solutions = list("solutions", &requirements.solutions);
    Some(Requirements {
        industries: industries?,
        products: products?,
        services: services?,
        solutions: solutions?,
    })
}
