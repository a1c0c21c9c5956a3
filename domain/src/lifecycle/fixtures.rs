//! Referrals and forms for tests of the lifecycle and of `registration`.

use std::fmt;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::{Accept, AcceptForm, ContactForm, DealForm, DeclineReason, Reason, ReasonForm, accept};
use crate::referral::{Actor, Details, Referral, Requirements};
use crate::registration::RegistrationForm;
use crate::validation::FieldErrors;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap()
}

pub fn user() -> Actor {
    Actor::User {
        id: "u-1".to_owned(),
        name: "Mia Partner".to_owned(),
    }
}

/// A Contact me lead in the Inbox, created `age` before [`now`].
pub fn inbox_referral(age: Duration) -> Referral {
    let created = now() - age;
    let mut referral = Referral {
        created_date_time: created,
        updated_date_time: created,
        expiration_date_time: crate::timing::expiry_of(created),
        e_tag: "7".to_owned(),
        details: Details {
            requirements: Requirements {
                solutions: vec!["Contoso ERP on Azure".to_owned()],
                ..Requirements::default()
            },
            ..Details::default()
        },
        lead_source: None,
        lead_quality: None,
        ..crate::fixtures::referral("r-1")
    };
    referral.customer_profile.team.clear();
    referral
}

pub fn member_form() -> ContactForm {
    ContactForm {
        first_name: "Jonas".to_owned(),
        last_name: "Weber".to_owned(),
        email: "jonas@fabrikam.example".to_owned(),
        phone_number: String::new(),
    }
}

/// A deal worth `value` in `currency`, closing at the end of the year.
pub fn deal_form(value: &str, currency: &str) -> DealForm {
    DealForm {
        name: "Contoso ERP".to_owned(),
        deal_value: value.to_owned(),
        currency: currency.to_owned(),
        closing_date: "2026-12-31".to_owned(),
        team: vec![member_form()],
        notes: "Call back Monday".to_owned(),
        external_reference_id: String::new(),
        campaign_id: String::new(),
    }
}

pub fn accept_command(value: &str) -> Accept {
    AcceptForm {
        deal: deal_form(value, "USD"),
        customer_contacts: vec![],
    }
    .parse(now())
    .expect("valid accept form")
}

/// The Inbox referral accepted two days ago with a deal worth `value` USD.
pub fn accepted_referral(value: &str) -> Referral {
    let referral = inbox_referral(Duration::days(3));
    accept(
        &referral,
        accept_command(value),
        &user(),
        now() - Duration::days(2),
    )
    .expect("accepts")
}

/// A registration that passes every rule for a referral created up to 30 days ago.
pub fn registration_form() -> RegistrationForm {
    RegistrationForm {
        marketplace_transaction: Some(false),
        marketplace_transaction_date: String::new(),
        deployed_on_azure: Some(true),
        perpetual_contract: Some(false),
        total_contract_value: "30000".to_owned(),
        solution_value: "20000".to_owned(),
        contract_signed_date: "2026-11-19".to_owned(),
        contract_start_date: "2026-12-01".to_owned(),
        contract_end_date: "2027-11-30".to_owned(),
        tenant_type: "MultiTenant".to_owned(),
        pricing_model: "PerUser".to_owned(),
    }
}

pub fn reason(reason: DeclineReason, notes: &str) -> Reason {
    ReasonForm {
        status_reason: reason.as_str().to_owned(),
        notes: notes.to_owned(),
    }
    .parse()
    .expect("valid reason")
}

/// The problems of a form that must not parse.
pub fn errors_of<T: fmt::Debug>(result: Result<T, FieldErrors>) -> FieldErrors {
    result.expect_err("the form has problems")
}
