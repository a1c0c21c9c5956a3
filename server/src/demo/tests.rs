//! What the demo must show, and that it is what the domain would have written.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use domain::{
    Actor, CallToAction, Category, Contact, EmailValidity, ExchangeRates, Flame, LeadQuality,
    LeadSource, LeadType, PhoneValidity, Qualification, Referral, Stage, Status, Substatus,
};

use super::customers::COUNTRIES;
use super::{ORGANISATION_ID, RIVAL_ORGANISATION_ID, USERS, referrals};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 15).unwrap()
}

fn demo() -> Vec<Referral> {
    referrals(now(), 0)
}

fn both() -> Vec<Referral> {
    let mut all = referrals(now(), 0);
    all.extend(referrals(now(), 1));
    all
}

/// Every referral, customer contacts included, of both organisations.
fn contacts(referrals: &[Referral]) -> Vec<&Contact> {
    referrals
        .iter()
        .flat_map(|r| &r.customer_profile.team)
        .collect()
}

#[test]
fn each_organisation_gets_at_least_320_referrals() {
    for organisation in 0..2 {
        let count = referrals(now(), organisation).len();
        assert!(count >= 320, "organisation {organisation} has {count}");
    }
}

#[test]
fn the_demo_has_referrals_in_every_stage_substatus_and_category() {
    for organisation in 0..2 {
        let referrals = referrals(now(), organisation);
        for stage in Stage::ALL {
            assert!(referrals.iter().any(|r| r.stage() == stage), "no {stage:?}");
        }
        for substatus in Substatus::ALL {
            assert!(
                referrals.iter().any(|r| r.substatus == *substatus),
                "no {substatus:?} in organisation {organisation}"
            );
        }
        for category in Category::ALL {
            assert!(
                referrals.iter().any(|r| r.category() == *category),
                "no {category:?}"
            );
        }
        for qualification in [
            Qualification::Direct,
            Qualification::MarketingQualified,
            Qualification::SalesQualified,
        ] {
            assert!(referrals.iter().any(|r| r.qualification == qualification));
        }
    }
}

#[test]
fn every_lead_source_call_to_action_type_and_quality_occurs() {
    for organisation in 0..2 {
        let referrals = referrals(now(), organisation);
        for source in LeadSource::ALL {
            assert!(
                referrals.iter().any(|r| r.lead_source == Some(*source)),
                "{source:?}"
            );
        }
        for cta in CallToAction::ALL {
            assert!(
                referrals.iter().any(|r| r.call_to_action == Some(*cta)),
                "{cta:?}"
            );
        }
        for lead_type in LeadType::ALL {
            assert!(
                referrals.iter().any(|r| r.lead_type == Some(*lead_type)),
                "{lead_type:?}"
            );
        }
        for quality in LeadQuality::ALL {
            assert!(
                referrals.iter().any(|r| r.lead_quality == Some(*quality)),
                "{quality:?}"
            );
        }
        let informational_in_inbox = referrals
            .iter()
            .filter(|r| r.status == Status::New && !r.awaits_answer())
            .count();
        assert!(
            informational_in_inbox > 0,
            "no informational offer lead in the Inbox"
        );
    }
}

#[test]
fn every_email_and_phone_validity_occurs() {
    for organisation in 0..2 {
        let referrals = referrals(now(), organisation);
        let contacts = contacts(&referrals);
        for validity in EmailValidity::ALL {
            assert!(
                contacts.iter().any(|c| c.email_validity == *validity),
                "{validity:?}"
            );
        }
        for validity in PhoneValidity::ALL {
            assert!(
                contacts.iter().any(|c| c.phone_validity == *validity),
                "{validity:?}"
            );
        }
        assert!(
            contacts.iter().any(|c| c.phone_number.is_none()),
            "everyone has a phone"
        );
        assert!(
            referrals.iter().any(Referral::has_spam_contact),
            "no spam contact"
        );
    }
}

#[test]
fn stored_validities_are_what_ingestion_would_assess() {
    for contact in contacts(&both()) {
        assert_eq!(contact.clone().assessed(), *contact);
    }
}

#[test]
fn customers_come_from_at_least_25_valid_countries_with_cities() {
    for organisation in 0..2 {
        let referrals = referrals(now(), organisation);
        let countries: HashSet<&str> = referrals
            .iter()
            .map(|r| r.customer_profile.address.country.as_str())
            .collect();
        assert!(countries.len() >= 25, "only {} countries", countries.len());
        for referral in &referrals {
            let address = &referral.customer_profile.address;
            assert!(
                domain::values::CountryCode::parse("country", &address.country).is_ok(),
                "{}",
                address.country
            );
            assert!(address.city.is_some());
        }
    }
    for country in COUNTRIES {
        assert!(country.companies.len() >= 2 && country.companies.len().is_multiple_of(2));
    }
}

#[test]
fn ids_are_unique_across_both_organisations() {
    let all = both();
    let ids: HashSet<&str> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), all.len());
}

#[test]
fn the_two_organisations_have_different_customers() {
    let names = |organisation| -> HashSet<String> {
        referrals(now(), organisation)
            .into_iter()
            .map(|r| r.customer_profile.name)
            .collect()
    };
    assert!(names(0).is_disjoint(&names(1)));
}

#[test]
fn every_referral_round_trips_through_json() {
    for referral in both() {
        let json = serde_json::to_string(&referral).expect("serialises");
        let back: Referral = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, referral);
    }
}

#[test]
fn the_demo_is_deterministic() {
    assert_eq!(referrals(now(), 0), referrals(now(), 0));
    assert_eq!(referrals(now(), 1), referrals(now(), 1));
    // Later installs look the same, only shifted in time.
    let later = referrals(now() + Duration::days(3), 0);
    for (a, b) in demo().iter().zip(&later) {
        assert_eq!(a.name, b.name);
        assert_eq!(b.created_date_time - a.created_date_time, Duration::days(3));
    }
}

#[test]
fn closed_referrals_were_closed_by_the_domain_transitions() {
    for referral in both().iter().filter(|r| r.status == Status::Closed) {
        let last = referral.status_history.last().expect("a status history");
        assert_eq!(last.substatus, referral.substatus, "{}", referral.id);
        assert_eq!(last.status, Status::Closed);
        assert_eq!(referral.closed_date_time, Some(last.at));
        assert!(last.at <= now());
        match referral.substatus {
            Substatus::Won | Substatus::Lost => {
                assert!(referral.accepted_date_time.is_some());
                assert_eq!(referral.status_history.len(), 2);
                assert_eq!(
                    referral.status_reason.is_some(),
                    referral.substatus == Substatus::Lost
                );
            }
            Substatus::Declined => {
                assert!(referral.status_reason.is_some());
                assert!(referral.accepted_date_time.is_none());
            }
            Substatus::Expired => {
                assert_eq!(referral.status_history[0].by, Actor::System);
            }
            _ => {}
        }
    }
}

#[test]
fn accepted_referrals_were_accepted_by_a_demo_user_on_time() {
    for organisation in 0..2 {
        for referral in referrals(now(), organisation)
            .iter()
            .filter(|r| r.accepted_date_time.is_some())
        {
            let accepted = &referral.status_history[0];
            assert_eq!(accepted.substatus, Substatus::Accepted);
            assert!(accepted.at < referral.expiration_date_time);
            assert!(accepted.at >= referral.created_date_time);
            let Actor::User { id, name } = &accepted.by else {
                panic!("accepted by the system: {}", referral.id)
            };
            let user = &USERS[id
                .trim_start_matches("user-demo-")
                .parse::<usize>()
                .unwrap()];
            assert_eq!(user.name, name);
            assert_eq!(
                user.organisation_id,
                [ORGANISATION_ID, RIVAL_ORGANISATION_ID][organisation]
            );
            assert!(!referral.team.is_empty());
        }
    }
}

#[test]
fn won_deals_that_must_be_registered_are() {
    let all = both();
    let won: Vec<&Referral> = all
        .iter()
        .filter(|r| r.substatus == Substatus::Won)
        .collect();
    let rates = ExchangeRates::usd_only();
    for referral in &won {
        if domain::registration_eligibility(referral, &rates).requires_registration() {
            assert!(referral.deal_registration.is_some(), "{}", referral.id);
        }
    }
    assert!(won.iter().any(|r| r.deal_registration.is_some()));
    assert!(won.iter().any(|r| r.deal_registration.is_none()));
}

#[test]
fn flames_and_deadlines_are_all_on_show() {
    let referrals = demo();
    let inbox: Vec<&Referral> = referrals
        .iter()
        .filter(|r| r.status == Status::New)
        .collect();
    assert!(inbox.iter().any(|r| r.flame(now()) == Flame::Hot));
    assert!(inbox.iter().any(|r| r.flame(now()) == Flame::Cooled));
    let expiring_within_the_hour = inbox
        .iter()
        .filter(|r| matches!(r.expiry(now()), Some(domain::Countdown::Remaining(left)) if left <= Duration::hours(1)))
        .count();
    assert!(expiring_within_the_hour >= 1);
    assert!(
        inbox.iter().all(|r| !r.is_overdue_for_expiry(now())),
        "an Inbox lead is overdue"
    );
    assert!(
        inbox
            .iter()
            .any(|r| r.response_window(now()).is_some_and(|w| !w.is_overdue()))
    );
    assert!(
        inbox
            .iter()
            .any(|r| r.response_window(now()).is_some_and(|w| w.is_overdue()))
    );
}

#[test]
fn the_referrals_user_is_on_about_a_third_of_the_open_referrals() {
    let referrals = demo();
    let open: Vec<&Referral> = referrals
        .iter()
        .filter(|r| r.status != Status::Closed)
        .collect();
    let theirs = open
        .iter()
        .filter(|r| {
            r.team
                .iter()
                .any(|m| m.email.as_deref() == Some("user@demo.test"))
        })
        .count();
    let share = theirs as f64 / open.len() as f64;
    assert!((0.25..0.45).contains(&share), "{theirs} of {}", open.len());
}

#[test]
fn the_demo_can_be_generated_at_any_time() {
    // Month ends, leap days and year ends move the dates the forms check.
    let mut at = Utc.with_ymd_and_hms(2027, 12, 31, 23, 59, 59).unwrap();
    for _ in 0..12 {
        for organisation in 0..2 {
            let referrals = referrals(at, organisation);
            assert!(referrals.iter().all(|r| r.updated_date_time <= at));
        }
        at += Duration::hours(24 * 29 + 7) + Duration::minutes(13);
    }
}

#[test]
#[ignore = "prints samples for reading"]
fn print_samples() {
    for referral in demo().iter().step_by(23) {
        println!("{}", serde_json::to_string_pretty(referral).unwrap());
    }
}

#[test]
fn print_the_mix() {
    // Run with --nocapture to see what the demo holds.
    for organisation in 0..2 {
        let referrals = referrals(now(), organisation);
        let mut mix: BTreeMap<String, usize> = BTreeMap::new();
        for referral in &referrals {
            let key = format!(
                "{:?}/{:?} {:?}",
                referral.status,
                referral.substatus,
                referral.category()
            );
            *mix.entry(key).or_default() += 1;
            let flame = format!("flame {:?}", referral.flame(now()));
            *mix.entry(flame).or_default() += 1;
        }
        let count = |f: &dyn Fn(&Referral) -> bool| referrals.iter().filter(|r| f(r)).count();
        println!("organisation {organisation}: {} referrals", referrals.len());
        for (key, count) in &mix {
            println!("  {key}: {count}");
        }
        println!(
            "  informational in the Inbox: {}, spam contacts: {}, registered: {}",
            count(&|r| r.status == Status::New && !r.awaits_answer()),
            count(&|r| r.has_spam_contact()),
            count(&|r| r.deal_registration.is_some()),
        );
        assert_eq!(
            mix.iter()
                .filter(|(k, _)| !k.starts_with("flame"))
                .map(|(_, v)| v)
                .sum::<usize>(),
            referrals.len()
        );
    }
}
