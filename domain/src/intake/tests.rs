use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::referral::{EmailValidity, LeadQuality, PhoneValidity};
use crate::validation::FieldErrors;

fn arrival() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap()
}

fn contact_me() -> ReferralSubmission {
    serde_json::from_value(serde_json::json!({
        "externalId": "crm-4711",
        "name": "Contoso – field service rollout",
        "consent": { "consentToContact": true },
        "customerProfile": {
            "name": "Contoso",
            "address": { "city": "Berlin", "country": "de" },
            "team": [{ "firstName": "Anna", "lastName": "Schmidt",
                       "email": "anna@contoso.de", "phoneNumber": "+49 30 901820",
                       "emailValidity": "Valid", "phoneValidity": "Valid" }]
        },
        "details": { "notes": "Call me.", "dealValue": "25000.50", "currency": "eur",
                     "customerRequestedContact": true },
        "leadType": "Offer", "leadSource": "AppSource", "callToAction": "ContactMe",
        "offerId": "contoso.erp", "offerName": "Contoso ERP",
        "id": "ignored", "status": "Closed", "leadQuality": "Low"
    }))
    .unwrap()
}

fn marketplace(lead_source: &str, action_code: Option<&str>) -> MarketplaceLead {
    MarketplaceLead {
        lead_id: None,
        lead_source: Some(lead_source.to_owned()),
        action_code: action_code.map(str::to_owned),
        offer_title: Some("ERP Quickstart".to_owned()),
        description: Some("Please call me back.".to_owned()),
        user_details: Some(MarketplaceUser {
            first_name: Some("Li".to_owned()),
            last_name: Some("Wei".to_owned()),
            email: Some("li.wei@fabrikam.cn".to_owned()),
            phone: Some("+86 10 6552 9988".to_owned()),
            country: Some("CN".to_owned()),
            company: Some("Fabrikam".to_owned()),
            title: Some("CIO".to_owned()),
        }),
    }
}

fn fields_of(errors: FieldErrors) -> Vec<String> {
    errors.0.into_iter().map(|error| error.field).collect()
}

#[test]
fn a_referral_arrives_new_with_its_clocks_started_at_arrival() {
    let referral = contact_me()
        .parse()
        .unwrap()
        .arrive("r-new".into(), arrival());
    assert_eq!(referral.id, "r-new");
    assert_eq!(
        (referral.status, referral.substatus),
        (Status::New, Substatus::Received)
    );
    assert_eq!(referral.created_date_time, arrival());
    assert_eq!(
        referral.expiration_date_time,
        arrival() + Duration::days(14)
    );
    assert_eq!(referral.e_tag, "1");
    assert_eq!(referral.customer_profile.address.country, "DE");
    assert_eq!(referral.details.currency.as_deref(), Some("EUR"));
    assert_eq!(referral.details.deal_value.unwrap().to_string(), "25000.50");
    assert_eq!(referral.call_to_action, Some(CallToAction::ContactMe));
    // The sender's `leadQuality` is ignored: the domain rates the lead.
    assert_eq!(referral.lead_quality, Some(LeadQuality::High));
    assert!(referral.awaits_answer());
}

#[test]
fn reported_validities_are_reassessed_on_arrival() {
    let mut submission = contact_me();
    let team = &mut submission.customer_profile.as_mut().unwrap().team;
    team[0].email = Some("anna@mailinator.com".to_owned());
    team[0].phone_number = Some("030 901820".to_owned());
    let referral = submission.parse().unwrap().arrive("r".into(), arrival());
    let contact = &referral.customer_profile.team[0];
    assert_eq!(contact.email_validity, EmailValidity::Spam);
    assert_eq!(contact.phone_validity, PhoneValidity::Invalid);
    assert_eq!(referral.lead_quality, Some(LeadQuality::Low));
}

#[test]
fn every_bad_field_of_a_referral_is_named_at_once() {
    let submission: ReferralSubmission = serde_json::from_value(serde_json::json!({
        "externalId": "a\u{200B}b",
        "type": "Solo",
        "qualification": "Hot",
        "consent": { "consentToContact": false },
        "customerProfile": {
            "address": { "country": "UK" },
            "team": [{ "lastName": "Schmidt" }, { "firstName": "Bo", "emailValidity": "Maybe", "email": "bo@x.de" }]
        },
        "details": { "dealValue": "12,5x", "currency": "EUR" },
        "leadSource": "Fax",
        "callToAction": "CallMeMaybe"
    }))
    .unwrap();
    let fields = fields_of(submission.parse().unwrap_err());
    for field in [
        "externalId",
        "name",
        "type",
        "qualification",
        "consent.consentToContact",
        "customerProfile.name",
        "customerProfile.address.country",
        "customerProfile.team[0].firstName",
        "customerProfile.team[0].email",
        "customerProfile.team[1].emailValidity",
        "details.dealValue",
        "leadSource",
        "callToAction",
    ] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }
}

#[test]
fn consent_and_a_customer_contact_are_required() {
    let mut submission = contact_me();
    submission.consent = None;
    submission.customer_profile.as_mut().unwrap().team.clear();
    let errors = submission.parse().unwrap_err();
    assert_eq!(
        errors
            .error_for("consent.consentToContact")
            .unwrap()
            .code
            .as_deref(),
        Some("error-consent-required")
    );
    assert!(errors.error_for("customerProfile.team").is_some());
}

#[test]
fn a_deal_value_needs_a_currency() {
    let mut submission = contact_me();
    submission.details.as_mut().unwrap().currency = None;
    let errors = submission.parse().unwrap_err();
    assert_eq!(
        errors
            .error_for("details.currency")
            .unwrap()
            .code
            .as_deref(),
        Some("error-currency-required")
    );
}

#[test]
fn a_marketplace_contact_me_lead_maps_to_an_offer_lead() {
    let lead = marketplace("AzureMarketplace-PLT|contoso.erp-quickstart", Some("PLT"))
        .parse()
        .unwrap();
    assert_eq!(lead.lead_source, Some(LeadSource::AzureMarketplace));
    assert_eq!(lead.lead_type, Some(LeadType::Offer));
    assert_eq!(lead.call_to_action, Some(CallToAction::ContactMe));
    assert_eq!(lead.offer_id.as_deref(), Some("contoso.erp-quickstart"));
    assert_eq!(lead.offer_name.as_deref(), Some("ERP Quickstart"));
    assert_eq!(lead.name, "Fabrikam – ERP Quickstart");
    assert!(lead.details.customer_requested_contact);
    assert!(lead.consent.consent_to_contact);
    let referral = lead.arrive("r".into(), arrival());
    assert!(referral.awaits_answer(), "Contact me needs an answer");
}

#[test]
fn a_marketplace_deal_name_is_cut_to_what_a_deal_name_may_be() {
    let mut long = marketplace("AzureMarketplace-PLT|contoso.erp", Some("PLT"));
    use crate::values::NAME_MAX_CHARS;
    long.offer_title = Some("Ö".repeat(NAME_MAX_CHARS));
    if let Some(user) = long.user_details.as_mut() {
        user.company = Some("Å".repeat(NAME_MAX_CHARS));
    }
    let lead = long.parse().unwrap();
    assert_eq!(lead.name.chars().count(), NAME_MAX_CHARS);
    assert!(lead.name.starts_with(&"Å".repeat(NAME_MAX_CHARS - 1)));
    assert!(lead.name.ends_with('…'));
    assert_eq!(lead.customer_profile.name, "Å".repeat(NAME_MAX_CHARS));
    // The name passes the rule Accept and Edit check a deal's name by.
    assert!(crate::values::Name::parse("name", &lead.name).is_ok());
}

#[test]
fn marketplace_actions_map_to_calls_to_action() {
    for (source, code, expected) in [
        ("AzureMarketplace-INS|p.o", None, CallToAction::GetItNow),
        (
            "AzurePortal-Create|p.o",
            Some("create"),
            CallToAction::GetItNow,
        ),
        ("SPZA-StartTestDrive|p.o", None, CallToAction::TestDrive),
        ("AppSource|p.o", Some("FreeTrial"), CallToAction::FreeTrial),
    ] {
        let lead = marketplace(source, code).parse().unwrap();
        assert_eq!(lead.call_to_action, Some(expected), "{source}");
        let referral = lead.arrive("r".into(), arrival());
        assert!(!referral.awaits_answer(), "{source} is informational");
    }
    let profile = marketplace("AppSource-PLT", None).parse().unwrap();
    assert_eq!(profile.lead_type, Some(LeadType::Profile));
    assert_eq!(profile.offer_id, None);
}

#[test]
fn every_bad_marketplace_field_is_named_by_its_own_name() {
    let lead = MarketplaceLead {
        lead_source: Some("Fax-INS|p.o".to_owned()),
        action_code: Some("XYZ".to_owned()),
        user_details: Some(MarketplaceUser {
            country: Some("Atlantis".to_owned()),
            ..MarketplaceUser::default()
        }),
        ..MarketplaceLead::default()
    };
    let fields = fields_of(lead.parse().unwrap_err());
    for field in [
        "LeadSource",
        "ActionCode",
        "UserDetails.Company",
        "UserDetails.Country",
        "UserDetails.FirstName",
        "UserDetails.Email",
    ] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }
    let message = &MarketplaceLead::default().parse().unwrap_err().0[0].message;
    assert_eq!(message, "Lead source is required.");
}

#[test]
fn do_not_contact_and_disagreeing_codes_are_refused() {
    let errors = marketplace("AzureMarketplace-DNC|p.o", None)
        .parse()
        .unwrap_err();
    assert_eq!(
        errors.error_for("LeadSource").unwrap().code.as_deref(),
        Some("error-do-not-contact")
    );
    let errors = marketplace("AzureMarketplace-INS|p.o", Some("PLT"))
        .parse()
        .unwrap_err();
    assert_eq!(
        errors.error_for("ActionCode").unwrap().code.as_deref(),
        Some("error-action-mismatch")
    );
    let errors = marketplace("AzureMarketplace|p.o", None)
        .parse()
        .unwrap_err();
    assert!(
        errors.error_for("ActionCode").is_some(),
        "no action anywhere"
    );
}

#[test]
fn countries_may_be_named() {
    let mut lead = marketplace("AppSource-PLT|p.o", None);
    lead.user_details.as_mut().unwrap().country = Some("germany".to_owned());
    let lead = lead.parse().unwrap();
    assert_eq!(lead.customer_profile.address.country, "DE");
}

fn sources() -> impl Strategy<Value = (LeadSource, &'static str)> {
    prop_oneof![
        Just((LeadSource::AzureMarketplace, "AzureMarketplace")),
        Just((LeadSource::AppSource, "AppSource")),
        Just((LeadSource::AppSource, "SPZA")),
        Just((LeadSource::AzurePortal, "azureportal")),
    ]
}

proptest! {
    /// Any `Source-Action|Offer` with a known source reads back as its parts.
    #[test]
    fn lead_sources_read_back_as_their_parts(
        (source, spelling) in sources(),
        action in proptest::option::of("[A-Za-z]{1,16}"),
        offer in proptest::option::of("[a-z0-9][a-z0-9.\\-]{0,30}"),
    ) {
        let mut text = spelling.to_owned();
        if let Some(action) = &action {
            text.push('-');
            text.push_str(action);
        }
        if let Some(offer) = &offer {
            text.push('|');
            text.push_str(offer);
        }
        let parsed = ParsedLeadSource::parse("LeadSource", &text).unwrap();
        prop_assert_eq!(parsed.source, source);
        prop_assert_eq!(parsed.action, action);
        prop_assert_eq!(parsed.offer_id, offer);
    }

    /// Whatever a marketplace sends, it is either a lead that arrives awaiting an answer
    /// exactly when it is a Contact me or a listing's lead, or errors that each name a field
    /// of its shape.
    #[test]
    fn marketplace_leads_arrive_or_name_their_fields(
        source in "(AzureMarketplace|AppSource|Fax)(-(INS|PLT|DNC|XYZ))?(\\|[a-z.]{0,8})?",
        code in proptest::option::of("(INS|PLT|StartTestDrive|FreeTrial|DNC|)"),
        company in proptest::option::of("[ A-Za-z]{0,12}"),
        email in proptest::option::of("[a-z@.]{0,12}"),
        country in proptest::option::of("(DE|de|Germany|XX|)"),
    ) {
        let mut lead = marketplace(&source, code.as_deref());
        let user = lead.user_details.as_mut().unwrap();
        user.company = company;
        user.email = email;
        user.country = country;
        match lead.parse() {
            Ok(lead) => {
                // Only offer leads can be informational; a listing's lead always needs an answer.
                let needs_answer = lead.call_to_action == Some(CallToAction::ContactMe)
                    || lead.lead_type == Some(LeadType::Profile);
                let referral = lead.arrive("r".into(), arrival());
                prop_assert_eq!(referral.awaits_answer(), needs_answer);
                prop_assert_eq!(referral.expiration_date_time, arrival() + Duration::days(14));
                prop_assert!(referral.lead_quality.is_some());
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for error in errors.0 {
                    prop_assert!(
                        ["LeadId", "LeadSource", "ActionCode", "OfferTitle", "Description"]
                            .contains(&error.field.as_str())
                            || error.field.starts_with("UserDetails."),
                        "{}", error.field
                    );
                    prop_assert!(!error.message.is_empty());
                }
            }
        }
    }
}
