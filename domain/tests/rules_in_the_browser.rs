//! A subset of the domain's rules, run both natively (`cargo test`) and as wasm32 in
//! headless Chromium (`scripts/test.sh` runs it with wasm-bindgen-test-runner), to
//! prove the app applies them exactly as the server does. The property tests run
//! natively only (proptest needs an OS random source).

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::lifecycle::{self, Action, LifecycleError};
use domain::values::{CountryCode, CurrencyCode, Money};
use domain::{
    AcceptForm, Actor, CsvExport, EmailValidity, Filter, Flame, Referral, Stage, Status, Substatus,
};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as rule;

#[cfg(not(target_arch = "wasm32"))]
use core::prelude::v1::test as rule;

fn created() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap()
}

fn inbox_referral() -> Referral {
    serde_json::from_value(serde_json::json!({
        "id": "r-browser", "engagementId": null, "name": "Müller AG – ERP rollout",
        "externalReferenceId": null, "campaignId": null, "status": "New", "substatus": "Received",
        "statusReason": null, "type": "Independent", "qualification": "Direct", "direction": "Incoming",
        "createdDateTime": "2026-11-20T09:00:00Z", "updatedDateTime": "2026-11-20T09:00:00Z",
        "acceptedDateTime": null, "closedDateTime": null, "expirationDateTime": "2026-12-04T09:00:00Z",
        "eTag": "1", "consent": { "consentToContact": true, "consentToShareInfoWithOthers": false },
        "customerProfile": { "name": "Müller AG", "size": null,
            "address": { "addressLine1": null, "addressLine2": null, "city": "Zürich", "state": null, "postalCode": null, "country": "CH", "region": null },
            "team": [{ "firstName": "Jürgen", "lastName": "Müller", "email": "j.mueller@mueller.example", "phoneNumber": "+41 44 668 1800", "emailValidity": "Valid", "phoneValidity": "Valid" }] },
        "details": { "notes": "=HYPERLINK(\"http://evil\")", "dealValue": null, "currency": null, "closingDateTime": null,
            "customerRequestedContact": true, "requirements": {} },
        "team": [], "leadType": "Offer", "leadSource": "AppSource", "callToAction": "ContactMe",
        "offerId": null, "offerName": null, "leadQuality": null
    }))
    .expect("a valid referral")
}

fn accept_form(closing: &str) -> AcceptForm {
    serde_json::from_value(serde_json::json!({
        "name": "ERP rollout", "dealValue": "25,000.50", "currency": "chf", "closingDate": closing,
        "team": [{ "firstName": "Rhea", "lastName": "Reyes", "email": "rhea@partner.example", "phoneNumber": "" }],
        "notes": "", "externalReferenceId": "", "campaignId": "", "customerContacts": []
    }))
    .unwrap()
}

#[rule]
fn accepting_moves_to_accepted_and_records_who_and_when() {
    let now = created() + Duration::hours(2);
    let actor = Actor::User {
        id: "u-1".into(),
        name: "Rhea Reyes".into(),
    };
    let command = accept_form("2027-01-31").parse(now).expect("a valid form");
    let accepted = lifecycle::accept(&inbox_referral(), command, &actor, now).unwrap();
    assert_eq!(
        (accepted.status, accepted.substatus),
        (Status::Active, Substatus::Accepted)
    );
    assert_eq!(accepted.stage(), Stage::Accepted);
    assert_eq!(accepted.accepted_date_time, Some(now));
    assert_eq!(accepted.details.deal_value.unwrap().to_string(), "25000.50");
    assert_eq!(accepted.status_history.last().unwrap().by, actor);
}

#[rule]
fn a_closing_date_in_the_past_is_refused_with_a_message() {
    let errors = accept_form("2020-01-01").parse(created()).unwrap_err();
    assert!(
        errors.for_field("details.closingDateTime").is_some(),
        "{errors:?}"
    );
}

#[rule]
fn archived_referrals_accept_nothing() {
    let declined = Referral {
        status: Status::Closed,
        substatus: Substatus::Declined,
        ..inbox_referral()
    };
    assert!(lifecycle::allowed_actions(&declined).is_empty());
    let refused = lifecycle::check(&declined, Action::Accept, created());
    assert!(matches!(refused, Err(LifecycleError::IllegalTransition(_))));
}

#[rule]
fn time_rules_hold_at_their_boundaries() {
    let referral = inbox_referral();
    assert_eq!(
        referral.flame(created() + Duration::hours(72) - Duration::seconds(1)),
        Flame::Hot
    );
    assert_eq!(
        referral.flame(created() + Duration::hours(72)),
        Flame::Cooled
    );
    assert!(!referral.is_overdue_for_expiry(created() + Duration::days(14) - Duration::seconds(1)));
    assert!(referral.is_overdue_for_expiry(created() + Duration::days(14)));
    let expired = lifecycle::expire_if_overdue(&referral, created() + Duration::days(14)).unwrap();
    assert_eq!(expired.substatus, Substatus::Expired);
    assert!(expired.redacted().customer_profile.team.is_empty());
}

#[rule]
fn values_parse_the_same_in_the_browser() {
    assert_eq!(CountryCode::parse("country", "ch").unwrap().as_str(), "CH");
    assert!(CountryCode::parse("country", "XX").is_err());
    let jpy = CurrencyCode::parse("currency", "JPY").unwrap();
    assert_eq!(jpy.minor_units(), 0);
    assert!(
        Money::parse("dealValue", "-1", jpy)
            .unwrap_err()
            .message
            .contains("zero or more")
    );
}

#[rule]
fn filters_search_without_accents_and_round_trip_through_the_url() {
    let referrals = vec![inbox_referral()];
    let filter =
        Filter::from_query_string("q=muller%20jurgen&stage=Inbox&emailValidity=Valid").unwrap();
    assert_eq!(filter.apply(&referrals).len(), 1);
    assert_eq!(
        Filter::from_query_string(&filter.to_query_string()).unwrap(),
        filter
    );
    assert!(
        Filter::from_query_string("leadSource=Bing")
            .unwrap_err()
            .to_string()
            .contains("leadSource")
    );
    let spam_only = Filter::from_query_string("emailValidity=Spam").unwrap();
    assert!(spam_only.apply(&referrals).is_empty());
    assert_eq!(EmailValidity::Valid.as_str(), "Valid");
}

#[rule]
fn exports_are_safe_to_open_in_a_spreadsheet() {
    let mut export = CsvExport::new(Vec::new()).unwrap();
    export.write_referral(&inbox_referral()).unwrap();
    let bytes = export.finish().unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("Müller AG"));
    assert!(
        text.contains("'+41"),
        "a phone number starting with + is neutralised"
    );
}
