//! Small named builders for what one test needs in its database: an organisation, a user
//! who can sign in, referrals at a chosen point of their life. A test builds its own
//! instead of depending on the demo data's exact mix and order.
//!
//! ```ignore
//! let pool = app.pool().await;
//! let org = TestOrganisation::create(&pool).await;
//! let user = TestUser::new(Role::ReferralsUser).in_organisation(&org).create(&pool).await;
//! let lead = TestReferral::inbox().with_team_member(&user.email).stored(&pool, &org).await;
//! let session = user.sign_in(&app).await;
//! ```

use std::sync::LazyLock;

use chrono::{DateTime, Days, Duration, SubsecRound as _, Utc};
use domain::{
    AcceptForm, Actor, Address, CallToAction, Consent, Contact, ContactForm, CustomerProfile,
    Details, Direction, EmailValidity, LeadSource, LeadType, NewTeamMember, PhoneValidity,
    Qualification, Referral, ReferralType, Requirements, Role, Status, Substatus, lifecycle,
    timing,
};
use referral_desk_server::db::{self, Pool};
use referral_desk_server::{auth, demo};
use uuid::Uuid;

use super::{DEMO_PASSWORD, Session, TestApp};

/// Argon2 is slow on purpose: one hash of the shared test password serves every test user.
static PASSWORD_HASH: LazyLock<String> =
    LazyLock::new(|| auth::hash_password(DEMO_PASSWORD).expect("the test password hashes"));

/// A partner organisation of one test's own: unique id and name, no users, no referrals.
#[derive(Debug, Clone)]
pub struct TestOrganisation {
    pub id: String,
    pub name: String,
}

impl TestOrganisation {
    /// Stores a fresh organisation.
    pub async fn create(pool: &Pool) -> TestOrganisation {
        let key = Uuid::new_v4().simple().to_string();
        let organisation = TestOrganisation {
            id: format!("org-test-{key}"),
            name: format!("Test Partners {}", &key[..8]),
        };
        db::organisations::insert(pool, &organisation.id, &organisation.name, Utc::now())
            .await
            .expect("the test organisation is stored");
        organisation
    }

    /// The demo organisation every `TestApp` seeds (nothing is stored).
    pub fn demo() -> TestOrganisation {
        TestOrganisation {
            id: demo::ORGANISATION_ID.to_owned(),
            name: demo::ORGANISATION_NAME.to_owned(),
        }
    }
}

/// A user of one test with a unique id and email and the known password [`DEMO_PASSWORD`]
/// (hashed by the server's own `auth::hash_password`), so [`TestApp::sign_in`] works for them.
/// In the demo organisation unless [`TestUser::in_organisation`] says otherwise.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: String,
    pub organisation_id: String,
    /// Lower-case, as stored.
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password: &'static str,
}

impl TestUser {
    /// A user with `role`, not yet stored.
    pub fn new(role: Role) -> TestUser {
        let key = Uuid::new_v4().simple().to_string();
        let role_name = role.as_str().to_lowercase();
        TestUser {
            id: format!("user-test-{key}"),
            organisation_id: demo::ORGANISATION_ID.to_owned(),
            email: format!("{role_name}-{key}@builders.test"),
            name: format!("Test {}", role.label()),
            role,
            password: DEMO_PASSWORD,
        }
    }

    /// The same user in `organisation`.
    pub fn in_organisation(self, organisation: &TestOrganisation) -> TestUser {
        TestUser {
            organisation_id: organisation.id.clone(),
            ..self
        }
    }

    /// Stores the user; their organisation must already be stored.
    pub async fn create(self, pool: &Pool) -> TestUser {
        let new_user = db::users::NewUser {
            id: &self.id,
            organisation_id: &self.organisation_id,
            email: &self.email,
            name: &self.name,
            role: self.role,
            password_hash: &PASSWORD_HASH,
        };
        db::users::insert(pool, new_user, Utc::now())
            .await
            .expect("the test user is stored");
        self
    }

    /// Signs the stored user in on `app`.
    pub async fn sign_in(&self, app: &TestApp) -> Session {
        app.sign_in(&self.email).await
    }
}

/// A referral at a chosen point of its life, built from valid values and moved there by the
/// domain's own transitions. [`TestReferral::stored`] writes it, [`TestReferral::build`] only
/// returns it; either way it gets a fresh id.
#[derive(Debug, Clone)]
pub struct TestReferral {
    life: Life,
    /// Emails of the partner's people on the referral's team.
    team: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
enum Life {
    /// New/Received Contact me lead created at this instant, awaiting an answer.
    Received(DateTime<Utc>),
    /// Active/Accepted.
    Accepted {
        created: DateTime<Utc>,
        accepted: DateTime<Utc>,
    },
    /// Get it now offer lead created at this instant: informational, needs no answer.
    Informational(DateTime<Utc>),
}

/// Who accepts [`TestReferral::accepted`] leads, as recorded in their status history.
const ACCEPTED_BY: &str = "Alex Accepter";
/// On an accepted deal's team when the test names nobody.
const DEFAULT_TEAM_MEMBER: &str = "jonas.weber@builders.test";
const OFFER_ID: &str = "contoso-partner.erp-quickstart";
const OFFER_NAME: &str = "ERP Quickstart for Business Central";

impl TestReferral {
    /// A Contact me lead in the Inbox, created an hour ago: inside the 24-hour response
    /// window, days from expiry, with nobody on its team.
    pub fn inbox() -> TestReferral {
        TestReferral::at(Life::Received(now() - Duration::hours(1)))
    }

    /// A Contact me lead in the Inbox that expires at `instant` (it was created 14 days before).
    pub fn expiring_at(instant: DateTime<Utc>) -> TestReferral {
        TestReferral::at(Life::Received(instant - timing::EXPIRY_AFTER))
    }

    /// A lead created two days ago and accepted yesterday: EUR 12,000, closing in two months,
    /// with [`TestReferral::with_team_member`]'s people on the team (or one colleague).
    pub fn accepted() -> TestReferral {
        let accepted = now() - Duration::days(1);
        TestReferral::at(Life::Accepted {
            created: accepted - Duration::days(1),
            accepted,
        })
    }

    /// A Get it now offer lead created at `created`: informational, so it awaits no answer
    /// and is archived six months after `created`.
    pub fn informational_offer(created: DateTime<Utc>) -> TestReferral {
        TestReferral::at(Life::Informational(created))
    }

    fn at(life: Life) -> TestReferral {
        TestReferral { life, team: vec![] }
    }

    /// Puts the partner's person with `email` on the referral's team (call again for more).
    pub fn with_team_member(mut self, email: &str) -> TestReferral {
        self.team.push(email.to_owned());
        self
    }

    /// The referral, not stored.
    pub fn build(self) -> Referral {
        let routed_to = || self.team.iter().map(|email| team_member(email)).collect();
        match self.life {
            Life::Received(created) => received(created, CallToAction::ContactMe, routed_to()),
            Life::Informational(created) => received(created, CallToAction::GetItNow, routed_to()),
            Life::Accepted { created, accepted } => {
                let lead = received(created, CallToAction::ContactMe, vec![]);
                let emails = if self.team.is_empty() {
                    vec![DEFAULT_TEAM_MEMBER.to_owned()]
                } else {
                    self.team
                };
                accept(&lead, &emails, accepted)
            }
        }
    }

    /// Builds the referral and stores it in `organisation`; returns it as stored.
    pub async fn stored(self, pool: &Pool, organisation: &TestOrganisation) -> Referral {
        let referral = self.build();
        db::referrals::insert_many(pool, &organisation.id, [&referral])
            .await
            .expect("the test referral is stored");
        referral
    }
}

/// The current time in whole seconds, as the demo's: easy to read in a failing assertion.
fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

/// A lead as its source sends it: New/Received, Direct from an AppSource offer, from
/// Contoso in Berlin with one reachable contact; quality and validities assessed as at ingestion.
fn received(created: DateTime<Utc>, call_to_action: CallToAction, team: Vec<Contact>) -> Referral {
    let customer = Contact {
        first_name: "Anna".to_owned(),
        last_name: "Schmidt".to_owned(),
        email: Some("anna.schmidt@contoso.example".to_owned()),
        phone_number: Some("+49 30 901820".to_owned()),
        email_validity: EmailValidity::Valid,
        phone_validity: PhoneValidity::Valid,
    }
    .assessed();
    let mut referral = Referral {
        id: Uuid::new_v4().to_string(),
        engagement_id: None,
        name: "Contoso – ERP rollout".to_owned(),
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
        expiration_date_time: timing::expiry_of(created),
        e_tag: "1".to_owned(),
        consent: Consent {
            consent_to_contact: true,
            consent_to_share_info_with_others: false,
        },
        customer_profile: CustomerProfile {
            name: "Contoso Ltd".to_owned(),
            size: Some("50to999employees".to_owned()),
            address: Address {
                city: Some("Berlin".to_owned()),
                country: "DE".to_owned(),
                ..Address::default()
            },
            team: vec![customer],
        },
        details: Details {
            notes: Some("We are moving our ERP to the cloud and need a partner.".to_owned()),
            requirements: Requirements {
                industries: vec!["Manufacturing".to_owned()],
                products: vec![OFFER_NAME.to_owned()],
                ..Requirements::default()
            },
            ..Details::default()
        },
        team,
        lead_type: Some(LeadType::Offer),
        lead_source: Some(LeadSource::AppSource),
        call_to_action: Some(call_to_action),
        offer_id: Some(OFFER_ID.to_owned()),
        offer_name: Some(OFFER_NAME.to_owned()),
        lead_quality: None,
        target: None,
        invite_context: None,
        status_history: vec![],
        status_reason_notes: None,
        deal_registration: None,
    };
    referral.lead_quality = Some(domain::assess_quality(&referral));
    referral
}

/// A person of the partner's on a team, parsed as "Add your employees" parses them.
fn team_member(email: &str) -> Contact {
    let member = NewTeamMember {
        first_name: "Team".to_owned(),
        last_name: "Member".to_owned(),
        email: email.to_owned(),
        phone_number: String::new(),
    }
    .parse()
    .unwrap_or_else(|errors| panic!("team member {email}: {errors}"));
    Contact {
        first_name: member.first_name.as_str().to_owned(),
        last_name: member.last_name.as_str().to_owned(),
        email: Some(member.email.as_str().to_owned()),
        ..Contact::default()
    }
}

/// `lead` accepted at `at` through the domain, as a partner filling in the form would.
fn accept(lead: &Referral, team: &[String], at: DateTime<Utc>) -> Referral {
    let mut form = AcceptForm::prefilled(lead);
    form.deal.deal_value = "12000".to_owned();
    form.deal.currency = "EUR".to_owned();
    form.deal.closing_date = (at.date_naive() + Days::new(60)).to_string();
    form.deal.team = team
        .iter()
        .map(|email| ContactForm::from_contact(&team_member(email)))
        .collect();
    form.deal.notes = "Discovery call done; proposal due next month.".to_owned();
    let command = form
        .parse(at)
        .unwrap_or_else(|errors| panic!("the test accept form: {errors}"));
    let actor = Actor::User {
        id: "user-test-accepter".to_owned(),
        name: ACCEPTED_BY.to_owned(),
    };
    lifecycle::accept(lead, command, &actor, at).expect("the test lead is accepted")
}
