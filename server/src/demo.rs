//! The demo organisation: realistic referrals in every stage, so that a fresh
//! install shows what the product does. Times are relative to `now`, so the demo
//! always has fresh, urgent and nearly expired leads.

use chrono::{DateTime, Duration, SubsecRound as _, Utc};
use domain::{
    Address, CallToAction, Consent, Contact, CustomerProfile, Details, Direction, EmailValidity,
    LeadQuality, LeadSource, LeadType, PhoneValidity, Qualification, Referral, ReferralType,
    Requirements, Role, Status, Substatus,
};
use rust_decimal::Decimal;

use crate::StartupError;
use crate::store::{self, Pool};

pub const ORGANISATION_ID: &str = "org-demo-fabrikam";
pub const ORGANISATION_NAME: &str = "Fabrikam Consulting (demo)";
/// A second organisation, so that tenant isolation can be seen and tested.
pub const RIVAL_ORGANISATION_ID: &str = "org-demo-rival";
pub const RIVAL_ORGANISATION_NAME: &str = "Rival Partners Ltd (demo)";

/// The demo sign-ins: one user of every role, and the rival's admin.
pub const USERS: &[DemoUser] = &[
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "admin@demo.test",
        name: "Ada Adler",
        role: Role::PartnerAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "referrals@demo.test",
        name: "Rhea Reyes",
        role: Role::ReferralsAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "user@demo.test",
        name: "Umar Usman",
        role: Role::ReferralsUser,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "profile@demo.test",
        name: "Pia Park",
        role: Role::BusinessProfileAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "viewer@demo.test",
        name: "Vic Vogel",
        role: Role::Viewer,
    },
    DemoUser {
        organisation_id: RIVAL_ORGANISATION_ID,
        email: "admin@rival.test",
        name: "Rory Rival",
        role: Role::PartnerAdmin,
    },
];

pub struct DemoUser {
    pub organisation_id: &'static str,
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
}

/// Seeds the demo organisations, users and referrals unless they are already there
/// (safe on every start).
pub async fn seed_if_empty(
    pool: &Pool,
    now: DateTime<Utc>,
    password: &str,
) -> Result<(), StartupError> {
    if store::organisations::exists(pool, ORGANISATION_ID).await? {
        return Ok(());
    }
    for (index, (id, name)) in [
        (ORGANISATION_ID, ORGANISATION_NAME),
        (RIVAL_ORGANISATION_ID, RIVAL_ORGANISATION_NAME),
    ]
    .into_iter()
    .enumerate()
    {
        store::organisations::insert(pool, id, name, now).await?;
        for referral in referrals(now, index) {
            store::referrals::insert(pool, id, &referral).await?;
        }
    }
    for (index, user) in USERS.iter().enumerate() {
        let password_hash =
            crate::auth::hash_password(password).map_err(|e| StartupError::Seed(e.to_string()))?;
        let id = format!("user-demo-{index}");
        let new_user = store::users::NewUser {
            id: &id,
            organisation_id: user.organisation_id,
            email: user.email,
            name: user.name,
            role: user.role,
            password_hash: &password_hash,
        };
        store::users::insert(pool, new_user, now).await?;
    }
    tracing::info!("seeded the demo organisations");
    Ok(())
}

struct Customer {
    company: &'static str,
    domain: &'static str,
    city: &'static str,
    country: &'static str,
    contact: (&'static str, &'static str),
    phone: &'static str,
}

const CUSTOMERS: &[Customer] = &[
    Customer {
        company: "Contoso Pharmaceuticals",
        domain: "contoso.com",
        city: "Berlin",
        country: "DE",
        contact: ("Anna", "Schmidt"),
        phone: "+49 30 901820",
    },
    Customer {
        company: "Northwind Traders",
        domain: "northwindtraders.com",
        city: "Seattle",
        country: "US",
        contact: ("Michael", "Johnson"),
        phone: "+1 206 555 0142",
    },
    Customer {
        company: "Tailspin Toys",
        domain: "tailspintoys.com",
        city: "London",
        country: "GB",
        contact: ("Olivia", "Brown"),
        phone: "+44 20 7946 0018",
    },
    Customer {
        company: "Wide World Importers",
        domain: "wideworldimporters.com",
        city: "Rotterdam",
        country: "NL",
        contact: ("Daan", "de Vries"),
        phone: "+31 10 123 4567",
    },
    Customer {
        company: "Alpine Ski House",
        domain: "alpineskihouse.com",
        city: "Zürich",
        country: "CH",
        contact: ("Lukas", "Müller"),
        phone: "+41 44 668 1800",
    },
    Customer {
        company: "Shanghai Lianhua Logistics",
        domain: "lianhua-logistics.cn",
        city: "Shanghai",
        country: "CN",
        contact: ("Wei", "Zhang"),
        phone: "+86 21 6288 1234",
    },
    Customer {
        company: "Sever Stroy Group",
        domain: "severstroy.ru",
        city: "Saint Petersburg",
        country: "RU",
        contact: ("Olga", "Ivanova"),
        phone: "+7 812 315 1701",
    },
    Customer {
        company: "Woodgrove Bank",
        domain: "woodgrovebank.com",
        city: "Toronto",
        country: "CA",
        contact: ("Emily", "Tremblay"),
        phone: "+1 416 555 0198",
    },
    Customer {
        company: "Coho Winery",
        domain: "cohowinery.com",
        city: "Adelaide",
        country: "AU",
        contact: ("Jack", "Wilson"),
        phone: "+61 8 8123 4567",
    },
    Customer {
        company: "Lamna Healthcare",
        domain: "lamnahealthcare.com",
        city: "Paris",
        country: "FR",
        contact: ("Camille", "Dubois"),
        phone: "+33 1 42 68 53 00",
    },
    Customer {
        company: "Relecloud",
        domain: "relecloud.com",
        city: "Bengaluru",
        country: "IN",
        contact: ("Priya", "Sharma"),
        phone: "+91 80 4040 1234",
    },
    Customer {
        company: "Fourth Coffee",
        domain: "fourthcoffee.com",
        city: "São Paulo",
        country: "BR",
        contact: ("Lucas", "Oliveira"),
        phone: "+55 11 3040 5000",
    },
    Customer {
        company: "Trey Research",
        domain: "treyresearch.net",
        city: "Stockholm",
        country: "SE",
        contact: ("Erik", "Lindqvist"),
        phone: "+46 8 555 123 45",
    },
    Customer {
        company: "Munich Motor Werke",
        domain: "mmw-auto.de",
        city: "München",
        country: "DE",
        contact: ("Jonas", "Becker"),
        phone: "+49 89 2180 0",
    },
    Customer {
        company: "Lucerne Publishing",
        domain: "lucernepublishing.com",
        city: "Madrid",
        country: "ES",
        contact: ("Lucía", "García"),
        phone: "+34 91 123 45 67",
    },
    Customer {
        company: "Humongous Insurance",
        domain: "humongousinsurance.com",
        city: "Chicago",
        country: "US",
        contact: ("Sarah", "Miller"),
        phone: "+1 312 555 0175",
    },
    Customer {
        company: "Beijing Huaxia Retail",
        domain: "huaxia-retail.cn",
        city: "Beijing",
        country: "CN",
        contact: ("Li", "Na"),
        phone: "+86 10 8532 6789",
    },
    Customer {
        company: "VanArsdel Ltd",
        domain: "vanarsdel.com",
        city: "Warsaw",
        country: "PL",
        contact: ("Katarzyna", "Nowak"),
        phone: "+48 22 555 01 23",
    },
    Customer {
        company: "Margie's Travel",
        domain: "margiestravel.com",
        city: "Singapore",
        country: "SG",
        contact: ("Wei Ling", "Tan"),
        phone: "+65 6123 4567",
    },
    Customer {
        company: "Kazan Agro Holding",
        domain: "kazanagro.ru",
        city: "Kazan",
        country: "RU",
        contact: ("Dmitry", "Sokolov"),
        phone: "+7 843 200 1234",
    },
    Customer {
        company: "Proseware, Inc.",
        domain: "proseware.com",
        city: "Milan",
        country: "IT",
        contact: ("Giulia", "Rossi"),
        phone: "+39 02 1234 5678",
    },
    Customer {
        company: "Blue Yonder Airlines",
        domain: "blueyonderairlines.com",
        city: "Dublin",
        country: "IE",
        contact: ("Aoife", "Murphy"),
        phone: "+353 1 555 0101",
    },
    Customer {
        company: "Quick Prize Deals",
        domain: "mailinator.com",
        city: "Miami",
        country: "US",
        contact: ("Win", "Now"),
        phone: "+1 000 000 0000",
    },
    Customer {
        company: "City Power & Light",
        domain: "cpandl.com",
        city: "Johannesburg",
        country: "ZA",
        contact: ("Thabo", "Nkosi"),
        phone: "+27 11 555 0123",
    },
    Customer {
        company: "Graphic Design Institute",
        domain: "graphicdesigninstitute.com",
        city: "Vienna",
        country: "AT",
        contact: ("Sophie", "Gruber"),
        phone: "+43 1 555 0199",
    },
    Customer {
        company: "Adventure Works Cycles",
        domain: "adventure-works.com",
        city: "Mexico City",
        country: "MX",
        contact: ("Alejandro", "Hernández"),
        phone: "+52 55 5555 0123",
    },
    Customer {
        company: "Nod Publishers",
        domain: "nodpublishers.com",
        city: "Tokyo",
        country: "JP",
        contact: ("Haruto", "Sato"),
        phone: "+81 3 5555 0123",
    },
    Customer {
        company: "Southridge Video",
        domain: "southridgevideo.com",
        city: "Hamburg",
        country: "DE",
        contact: ("Mia", "Wagner"),
        phone: "+49 40 555 0123",
    },
    Customer {
        company: "Wingtip Toys",
        domain: "wingtiptoys.com",
        city: "Austin",
        country: "US",
        contact: ("David", "Garcia"),
        phone: "+1 512 555 0133",
    },
    Customer {
        company: "Litware, Inc.",
        domain: "litwareinc.com",
        city: "Lyon",
        country: "FR",
        contact: ("Hugo", "Martin"),
        phone: "+33 4 72 00 00 00",
    },
];

const OFFERS: &[(&str, &str)] = &[
    (
        "fabrikam.field-service",
        "Fabrikam Field Service Accelerator",
    ),
    ("fabrikam.cloud-backup", "Fabrikam Cloud Backup"),
    ("fabrikam.analytics-hub", "Fabrikam Analytics Hub"),
];

const DEALS: &[&str] = &[
    "Field service rollout",
    "Cloud backup for branch offices",
    "Sales analytics dashboards",
    "ERP migration to the cloud",
    "Customer portal modernisation",
];

/// Where a demo referral is in its life, with how long ago it was created.
#[derive(Clone, Copy)]
enum Plan {
    Inbox {
        age_hours: i64,
    },
    Accepted {
        age_hours: i64,
    },
    Closed {
        age_hours: i64,
        substatus: Substatus,
        reason: Option<&'static str>,
    },
}

const PLANS: &[Plan] = &[
    Plan::Inbox { age_hours: 1 },
    Plan::Inbox { age_hours: 5 },
    Plan::Inbox { age_hours: 20 },
    Plan::Inbox { age_hours: 30 },
    Plan::Inbox { age_hours: 60 },
    Plan::Inbox { age_hours: 80 },
    Plan::Inbox { age_hours: 2 },
    Plan::Inbox { age_hours: 9 },
    Plan::Inbox { age_hours: 140 },
    Plan::Inbox { age_hours: 300 },
    Plan::Inbox { age_hours: 330 },
    Plan::Inbox { age_hours: 14 },
    Plan::Inbox { age_hours: 44 },
    Plan::Inbox { age_hours: 3 },
    Plan::Accepted { age_hours: 50 },
    Plan::Accepted { age_hours: 120 },
    Plan::Accepted { age_hours: 200 },
    Plan::Accepted { age_hours: 260 },
    Plan::Accepted { age_hours: 400 },
    Plan::Accepted { age_hours: 600 },
    Plan::Accepted { age_hours: 75 },
    Plan::Closed {
        age_hours: 900,
        substatus: Substatus::Won,
        reason: None,
    },
    Plan::Closed {
        age_hours: 1000,
        substatus: Substatus::Won,
        reason: None,
    },
    Plan::Closed {
        age_hours: 800,
        substatus: Substatus::Lost,
        reason: Some("Customer chose another vendor"),
    },
    Plan::Closed {
        age_hours: 500,
        substatus: Substatus::Declined,
        reason: Some("Report as abuse, spam, or phishing"),
    },
    Plan::Closed {
        age_hours: 450,
        substatus: Substatus::Declined,
        reason: Some("Project budget isn't adequate"),
    },
    Plan::Closed {
        age_hours: 700,
        substatus: Substatus::Expired,
        reason: None,
    },
    Plan::Closed {
        age_hours: 380,
        substatus: Substatus::Expired,
        reason: None,
    },
    Plan::Closed {
        age_hours: 1200,
        substatus: Substatus::Lost,
        reason: Some("Customer didn't respond"),
    },
    Plan::Closed {
        age_hours: 1500,
        substatus: Substatus::Won,
        reason: None,
    },
];

/// The demo referrals of organisation number `organisation` as of `now`;
/// deterministic, so every fresh install looks the same.
pub fn referrals(now: DateTime<Utc>, organisation: usize) -> Vec<Referral> {
    // Whole seconds: the demo reads as hand-entered data, not as a clock reading.
    let now = now.trunc_subsecs(0);
    CUSTOMERS
        .iter()
        .zip(PLANS.iter().copied())
        .enumerate()
        .map(|(index, (customer, plan))| referral(organisation, index, customer, plan, now))
        .collect()
}

fn referral(
    organisation: usize,
    index: usize,
    customer: &Customer,
    plan: Plan,
    now: DateTime<Utc>,
) -> Referral {
    let age_hours = match plan {
        Plan::Inbox { age_hours }
        | Plan::Accepted { age_hours }
        | Plan::Closed { age_hours, .. } => age_hours,
    };
    // Minutes keep the demo from lining up on whole hours.
    let created = now - Duration::hours(age_hours) - Duration::minutes((index as i64 * 17) % 60);
    let (status, substatus, reason) = match plan {
        Plan::Inbox { .. } => (Status::New, Substatus::Received, None),
        Plan::Accepted { .. } => (Status::Active, Substatus::Accepted, None),
        Plan::Closed {
            substatus, reason, ..
        } => (Status::Closed, substatus, reason),
    };
    let accepted = match plan {
        Plan::Inbox { .. } => None,
        Plan::Closed {
            substatus: Substatus::Declined | Substatus::Expired,
            ..
        } => None,
        _ => Some(created + Duration::hours(6)),
    };
    let closed = match plan {
        Plan::Closed {
            substatus: Substatus::Expired,
            ..
        } => Some(created + Duration::days(14)),
        Plan::Closed { .. } => Some(created + Duration::hours(age_hours / 2)),
        _ => None,
    };
    let is_spam = customer.domain == "mailinator.com";
    let marketplace = index % 3 != 2;
    let (offer_id, offer_name) = OFFERS[index % OFFERS.len()];
    let call_to_action = match index % 7 {
        3 => CallToAction::FreeTrial,
        5 => CallToAction::TestDrive,
        _ => CallToAction::ContactMe,
    };
    let (first_name, last_name) = customer.contact;
    let email_local = format!("{}.{}", first_name, last_name)
        .to_lowercase()
        .replace(' ', "");
    let contact = Contact {
        first_name: first_name.to_owned(),
        last_name: last_name.to_owned(),
        email: Some(format!("{email_local}@{}", customer.domain)),
        phone_number: Some(customer.phone.to_owned()),
        email_validity: if is_spam {
            EmailValidity::Spam
        } else if index % 5 == 4 {
            EmailValidity::Unknown
        } else {
            EmailValidity::Valid
        },
        phone_validity: if is_spam {
            PhoneValidity::Invalid
        } else if index % 4 == 3 {
            PhoneValidity::Unknown
        } else {
            PhoneValidity::Valid
        },
    };
    let deal_value = Decimal::new(((index as i64 * 7919) % 90 + 5) * 100_000, 2);
    let updated = closed.or(accepted).unwrap_or(created);
    Referral {
        id: format!(
            "{:08x}-0000-4000-8000-{:012x}",
            0x5eed_0000u32 + index as u32,
            organisation * 100_000 + index
        ),
        engagement_id: Some(format!("eng-{:05}", 31000 + index)),
        name: format!("{} – {}", customer.company, DEALS[index % DEALS.len()]),
        external_reference_id: accepted.map(|_| format!("CRM-{:06}", 204000 + index)),
        campaign_id: (!marketplace).then(|| "FY27-Q2-MODERN-WORK".to_owned()),
        status,
        substatus,
        status_reason: reason.map(str::to_owned),
        referral_type: if index % 4 == 1 {
            ReferralType::Shared
        } else {
            ReferralType::Independent
        },
        qualification: match (marketplace, index % 2) {
            (true, _) => Qualification::Direct,
            (false, 0) => Qualification::MarketingQualified,
            (false, _) => Qualification::SalesQualified,
        },
        direction: Direction::Incoming,
        favorite: false,
        created_date_time: created,
        updated_date_time: updated,
        accepted_date_time: accepted,
        closed_date_time: closed,
        expiration_date_time: created + Duration::days(14),
        e_tag: "1".to_owned(),
        consent: Consent {
            consent_to_contact: true,
            consent_to_share_info_with_others: index.is_multiple_of(2),
        },
        customer_profile: CustomerProfile {
            name: customer.company.to_owned(),
            size: Some(
                [
                    "1to9employees",
                    "10to49employees",
                    "50to999employees",
                    "1000to9999employees",
                    "10000plusemployees",
                ][index % 5]
                    .to_owned(),
            ),
            address: Address {
                address_line1: None,
                address_line2: None,
                city: Some(customer.city.to_owned()),
                state: None,
                postal_code: None,
                country: customer.country.to_owned(),
                region: None,
            },
            team: vec![contact],
        },
        details: Details {
            notes: Some(format!(
                "{first_name} asked about {} for their team.",
                offer_name
            )),
            deal_value: Some(deal_value),
            currency: Some(
                if customer.country == "US" {
                    "USD"
                } else if ["DE", "NL", "FR", "ES", "IT", "AT", "IE"].contains(&customer.country) {
                    "EUR"
                } else {
                    "USD"
                }
                .to_owned(),
            ),
            closing_date_time: accepted.map(|at| at + Duration::days(45)),
            customer_requested_contact: call_to_action == CallToAction::ContactMe
                && index.is_multiple_of(2),
            requirements: Requirements {
                industries: vec![
                    [
                        "Manufacturing",
                        "Retail",
                        "Financial services",
                        "Healthcare",
                        "Logistics",
                    ][index % 5]
                        .to_owned(),
                ],
                products: vec![offer_name.to_owned()],
                services: vec![],
                solutions: vec![],
            },
        },
        // The Referrals user is on every third open deal, so they can act on some and not others.
        team: if status != Status::Closed && index.is_multiple_of(3) {
            vec![Contact {
                first_name: "Umar".to_owned(),
                last_name: "Usman".to_owned(),
                email: Some("user@demo.test".to_owned()),
                phone_number: None,
                email_validity: EmailValidity::Valid,
                phone_validity: PhoneValidity::Unknown,
            }]
        } else {
            vec![]
        },
        lead_type: Some(if marketplace && index.is_multiple_of(5) {
            LeadType::Profile
        } else {
            LeadType::Offer
        }),
        lead_source: Some(
            [
                LeadSource::AppSource,
                LeadSource::AzureMarketplace,
                LeadSource::AzurePortal,
            ][index % 3],
        ),
        call_to_action: Some(call_to_action),
        offer_id: Some(offer_id.to_owned()),
        offer_name: Some(offer_name.to_owned()),
        lead_quality: Some(if is_spam {
            LeadQuality::Low
        } else if index.is_multiple_of(3) {
            LeadQuality::High
        } else {
            LeadQuality::Medium
        }),
        target: None,
        invite_context: None,
        status_history: vec![],
        status_reason_notes: None,
        deal_registration: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Stage;

    #[test]
    fn the_demo_has_referrals_in_every_stage() {
        let referrals = referrals(Utc::now(), 0);
        assert_eq!(referrals.len(), CUSTOMERS.len().min(PLANS.len()));
        for stage in Stage::ALL {
            assert!(
                referrals.iter().any(|r| r.stage() == stage),
                "no demo referral in {stage:?}"
            );
        }
    }

    #[test]
    fn demo_ids_are_unique() {
        let referrals = referrals(Utc::now(), 0);
        let mut ids: Vec<_> = referrals.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), referrals.len());
    }
}
