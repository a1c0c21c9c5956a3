//! The one canonical referral the unit tests build on; each test module changes only
//! the values its tests are about (`Referral { name: …, ..fixtures::referral("r-1") }`).

use chrono::{DateTime, TimeZone, Utc};

use crate::referral::{
    Address, CallToAction, Consent, Contact, CustomerProfile, Details, Direction, LeadQuality,
    LeadSource, LeadType, Qualification, Referral, ReferralType, Status, Substatus,
};

/// When [`referral`] was created: 2026-11-20 09:00 UTC.
pub(crate) fn created() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap()
}

/// A New/Received, Direct, incoming Contact me lead for the offer (AppSource), rated High,
/// created at [`created`] and expiring 14 days later, from Contoso (DE) with one customer
/// contact of unknown validity, Anna Schmidt.
pub(crate) fn referral(id: &str) -> Referral {
    let created = created();
    Referral {
        id: id.to_owned(),
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
        favorite: false,
        created_date_time: created,
        updated_date_time: created,
        accepted_date_time: None,
        closed_date_time: None,
        expiration_date_time: crate::timing::expiry_of(created),
        e_tag: "1".to_owned(),
        consent: Consent::default(),
        customer_profile: CustomerProfile {
            name: "Contoso".to_owned(),
            size: None,
            address: Address {
                country: "DE".to_owned(),
                ..Address::default()
            },
            team: vec![contact("Anna", "Schmidt")],
        },
        details: Details::default(),
        team: vec![],
        lead_type: Some(LeadType::Offer),
        lead_source: Some(LeadSource::AppSource),
        call_to_action: Some(CallToAction::ContactMe),
        offer_id: None,
        offer_name: None,
        lead_quality: Some(LeadQuality::High),
        target: None,
        invite_context: None,
        status_history: vec![],
        status_reason_notes: None,
        deal_registration: None,
    }
}

/// A contact with an email at contoso.example (`anna@…` for Anna) and no phone, both of
/// unknown validity.
pub(crate) fn contact(first: &str, last: &str) -> Contact {
    Contact {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: Some(format!("{}@contoso.example", first.to_lowercase())),
        ..Contact::default()
    }
}
