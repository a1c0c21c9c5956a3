//! Builds the demo referrals: draws customers, contacts and deals from the tables with
//! the seeded PRNG, then moves each referral to where its [`Plan`] says through the
//! domain's own transitions.

use chrono::{DateTime, Days, Duration, Months, SubsecRound as _, Utc};
use domain::{
    AcceptForm, Actor, Address, CallToAction, CompanySize, Consent, Contact, ContactForm,
    CustomerProfile, DeclineReason, Details, Direction, EmailValidity, ExchangeRates,
    InviteContext, LeadSource, LeadType, PhoneValidity, PricingModel, Qualification, ReasonForm,
    Referral, ReferralType, RegistrationForm, RegistrationState, Requirements, Status, Substatus,
    TenantType, WonForm, lifecycle, timing,
};
use rust_decimal::Decimal;

use super::USERS;
use super::customers::{
    COUNTRIES, Company, Country, DEAL_USD, DISPOSABLE_DOMAINS, INDUSTRIES, SPAMMERS,
};
use super::messages::{
    CUSTOMER_MESSAGES, DECLINE_REASONS, LOST_REASONS, SALES_NOTES, SPAM_MESSAGES,
};
use super::partners::{CAMPAIGNS, PRODUCTS, Product, REFERRALS_USER, STAFF, Staff, VENDOR_PEOPLE};
use super::seeded;

/// Where a demo referral ends up; the Inbox ones are as received, all others are
/// moved there by the domain's own transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// New/Received, awaiting an answer.
    Inbox,
    /// New/Pending: the source is still completing the lead.
    Pending,
    /// New/Received with less than an hour left before it expires.
    ExpiringSoon,
    /// An informational offer lead (Get it now, Free trial, Test drive): needs no answer.
    Informational,
    /// An informational offer lead archived automatically after six months.
    InformationalArchived,
    Accepted,
    Won,
    Lost,
    Declined,
    /// Not answered within 14 days.
    Expired,
}

/// How many referrals of each plan every organisation gets.
const PLAN_MIX: &[(Plan, usize)] = &[
    (Plan::Inbox, 96),
    (Plan::Pending, 10),
    (Plan::ExpiringSoon, 4),
    (Plan::Informational, 30),
    (Plan::InformationalArchived, 6),
    (Plan::Accepted, 80),
    (Plan::Won, 42),
    (Plan::Lost, 30),
    (Plan::Declined, 34),
    (Plan::Expired, 26),
];

/// The demo referrals of organisation number `organisation` as of `now`;
/// deterministic, so every fresh install looks the same.
pub fn referrals(now: DateTime<Utc>, organisation: usize) -> Vec<Referral> {
    referrals_at_scale(now, organisation, 1)
}

/// The demo with `scale` times as many referrals of each plan: a realistic large
/// organisation (`--demo-scale 30` gives each about 10,000) for trying and testing
/// long lists.
pub fn referrals_at_scale(now: DateTime<Utc>, organisation: usize, scale: usize) -> Vec<Referral> {
    // Whole seconds: the demo reads as hand-entered data, not as a clock reading.
    let now = now.trunc_subsecs(0);
    let mut generator = Generator {
        rng: seeded::Rng::new(0x5eed_0000 + organisation as u64),
        now,
        organisation: organisation.min(1),
        id_block: organisation,
    };
    PLAN_MIX
        .iter()
        .flat_map(|&(plan, count)| std::iter::repeat_n(plan, count * scale.max(1)))
        .enumerate()
        .map(|(index, plan)| generator.referral(index, plan))
        .collect()
}

/// What the later steps of a referral's life need to know about how it was made.
struct Lead {
    country: &'static Country,
    domain: String,
    city: &'static str,
    product: &'static Product,
    first_name: &'static str,
    /// The deal size in US dollars, before conversion to the local currency.
    usd: i64,
    spam: bool,
}

struct Generator {
    rng: seeded::Rng,
    now: DateTime<Utc>,
    /// 0: the demo organisation, 1: the rival.
    organisation: usize,
    /// Keeps ids unique across organisations.
    id_block: usize,
}

impl Generator {
    fn referral(&mut self, index: usize, plan: Plan) -> Referral {
        let created = self.created(plan);
        let informational = matches!(plan, Plan::Informational | Plan::InformationalArchived);
        let spam = match plan {
            Plan::Declined => self.rng.percent(30),
            Plan::Inbox | Plan::Expired => self.rng.percent(6),
            _ => false,
        };
        let (mut referral, lead) = self.received(index, created, informational, spam);
        match plan {
            Plan::Inbox | Plan::ExpiringSoon | Plan::Informational => referral,
            Plan::Pending => {
                referral.substatus = Substatus::Pending;
                referral
            }
            Plan::Accepted => {
                let at = self.answered_at(&referral);
                self.accepted(&referral, &lead, at)
            }
            Plan::Won => {
                let (accepted, at) = self.accepted_long_ago(&referral, &lead);
                self.won(&accepted, &lead, at)
            }
            Plan::Lost => {
                let (accepted, at) = self.accepted_long_ago(&referral, &lead);
                let (reason, notes) = *self.rng.pick(LOST_REASONS);
                let actor = self.actor(&accepted);
                let command = reason_form(reason, notes)
                    .parse()
                    .expect("demo lost reason");
                lifecycle::lost(&accepted, command, &actor, at).expect("demo deal is lost")
            }
            Plan::Declined => {
                let at = self.answered_at(&referral);
                let (reason, notes) = if lead.spam {
                    (
                        DeclineReason::ReportAsAbuse,
                        "Throwaway mailbox and a prize-draw message. Reported.",
                    )
                } else {
                    *self.rng.pick(DECLINE_REASONS)
                };
                let actor = self.actor(&referral);
                let command = reason_form(reason, notes)
                    .parse()
                    .expect("demo decline reason");
                lifecycle::decline(&referral, command, &actor, at).expect("demo lead is declined")
            }
            Plan::Expired => {
                // Expired by the expiry job a little after its deadline.
                let at = referral.expiration_date_time + self.minutes(1, 59);
                lifecycle::expire_if_overdue(&referral, at).expect("demo lead is overdue")
            }
            Plan::InformationalArchived => {
                let due = referral
                    .offer_archive_date()
                    .expect("an informational lead");
                let at = due + self.minutes(1, 59);
                lifecycle::archive_if_informational_and_due(&referral, at)
                    .expect("demo offer lead is due")
            }
        }
    }

    fn minutes(&mut self, low: i64, high: i64) -> Duration {
        Duration::minutes(self.rng.between(low, high))
    }

    /// When the source created a referral of `plan`.
    fn created(&mut self, plan: Plan) -> DateTime<Utc> {
        const HOUR: i64 = 60;
        const DAY: i64 = 24 * HOUR;
        let age = match plan {
            // A third inside the 24-hour window, a quarter with a hot flame past it, the rest cooling.
            Plan::Inbox => match self.rng.between(0, 99) {
                0..35 => self.minutes(3, DAY - 1),
                35..60 => self.minutes(DAY, 3 * DAY - 1),
                _ => self.minutes(3 * DAY, 14 * DAY - 2 * HOUR),
            },
            Plan::Pending => self.minutes(10, 36 * HOUR),
            // Exactly whole minutes, so the expiry is 5 to 50 minutes from `now`.
            Plan::ExpiringSoon => {
                return self.now - domain::timing::EXPIRY_AFTER + self.minutes(5, 50);
            }
            Plan::Informational => self.minutes(20, 175 * DAY),
            Plan::InformationalArchived => self.minutes(190 * DAY, 400 * DAY),
            Plan::Accepted => self.minutes(2 * HOUR, 75 * DAY),
            Plan::Won | Plan::Lost => self.minutes(20 * DAY, 320 * DAY),
            Plan::Declined => self.minutes(2 * HOUR, 200 * DAY),
            Plan::Expired => self.minutes(15 * DAY, 240 * DAY),
        };
        self.now - age - Duration::seconds(self.rng.between(0, 59))
    }

    /// A time the partner answered an Inbox referral: after it arrived, before it expired, before now.
    fn answered_at(&mut self, referral: &Referral) -> DateTime<Utc> {
        let created = referral.created_date_time;
        let latest = (self.now - created - Duration::minutes(5))
            .min(Duration::days(13))
            .num_minutes();
        created + self.minutes(10.min(latest), latest) + Duration::seconds(self.rng.between(0, 59))
    }

    /// Accepted within days of arriving, and a time well after that when the deal closed.
    fn accepted_long_ago(&mut self, referral: &Referral, lead: &Lead) -> (Referral, DateTime<Utc>) {
        let accepted_at = referral.created_date_time + self.minutes(30, 5 * 24 * 60);
        let accepted = self.accepted(referral, lead, accepted_at);
        let room = (self.now - accepted_at - Duration::hours(1))
            .min(Duration::days(120))
            .num_minutes();
        let closed_at = accepted_at + self.minutes(3 * 24 * 60, room);
        (accepted, closed_at)
    }

    /// A referral as its source sends it: New/Received, with a customer, contacts and a deal idea.
    fn received(
        &mut self,
        index: usize,
        created: DateTime<Utc>,
        informational: bool,
        spam: bool,
    ) -> (Referral, Lead) {
        let org = self.organisation;
        let country_weights: Vec<(usize, u32)> = COUNTRIES
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c.weight))
            .collect();
        let (country, company, domain, city, person) = if spam {
            let spammers: Vec<_> = SPAMMERS.iter().skip(org).step_by(2).collect();
            let (company, person, code, city) = **self.rng.pick(&spammers);
            let country = COUNTRIES
                .iter()
                .find(|c| c.code == code)
                .expect("spammer's country is listed");
            let domain = *self.rng.pick(DISPOSABLE_DOMAINS);
            (country, company, domain.to_owned(), city, person)
        } else {
            let country = &COUNTRIES[self.rng.weighted(&country_weights)];
            let companies: Vec<&Company> = country.companies.iter().skip(org).step_by(2).collect();
            let (company, domain, city) = **self.rng.pick(&companies);
            let person = *self.rng.pick(country.people);
            (country, company, domain.to_owned(), city, person)
        };
        let product = self.rng.pick(PRODUCTS[org]);
        let size = self
            .rng
            .weighted(&[(0usize, 10), (1, 20), (2, 35), (3, 25), (4, 10)]);
        let (low, high) = DEAL_USD[size];
        let usd = self.rng.between(low / 500, high / 500) * 500;
        let lead = Lead {
            country,
            domain,
            city,
            product,
            first_name: person.0,
            usd,
            spam,
        };

        // Spammers fill in the contact form of a marketplace listing.
        let qualification = if informational || spam {
            Qualification::Direct
        } else {
            self.rng.weighted(&[
                (Qualification::Direct, 55),
                (Qualification::MarketingQualified, 25),
                (Qualification::SalesQualified, 20),
            ])
        };
        let direct = qualification == Qualification::Direct;
        let (lead_type, call_to_action) = if informational {
            let cta = *self.rng.pick(&[
                CallToAction::GetItNow,
                CallToAction::FreeTrial,
                CallToAction::TestDrive,
            ]);
            (Some(LeadType::Offer), Some(cta))
        } else if direct {
            let lead_type = if self.rng.percent(65) {
                LeadType::Offer
            } else {
                LeadType::Profile
            };
            (Some(lead_type), Some(CallToAction::ContactMe))
        } else {
            (None, None)
        };
        let offer = lead_type == Some(LeadType::Offer);
        let requested_contact = !informational
            && self.rng.percent(match (qualification, lead_type) {
                _ if spam => 50,
                (Qualification::Direct, Some(LeadType::Offer)) => 45,
                (Qualification::Direct, _) => 35,
                (Qualification::SalesQualified, _) => 30,
                _ => 10,
            });
        let with_value = !spam
            && self.rng.percent(match qualification {
                Qualification::SalesQualified => 90,
                Qualification::MarketingQualified => 50,
                _ => 30,
            });
        let month = (created + Duration::days(self.rng.between(20, 90)))
            .format("%B")
            .to_string();
        let count = self.rng.between(12, 400);
        let message = match call_to_action {
            _ if spam => self.rng_pick(SPAM_MESSAGES),
            Some(CallToAction::GetItNow) => "Deployed {offer} from the marketplace.",
            Some(CallToAction::FreeTrial) => "Started a 30-day free trial of {offer}.",
            Some(CallToAction::TestDrive) => "Took the {offer} test drive.",
            _ => self.rng_pick(CUSTOMER_MESSAGES),
        };
        let message = self.fill(message, &lead, &month, count);
        let vendor_person = (*self.rng.pick(VENDOR_PEOPLE)).to_owned();
        let (campaign_id, invite_context) = match qualification {
            Qualification::MarketingQualified => {
                let campaign = *self.rng.pick(CAMPAIGNS);
                (
                    Some(campaign.to_owned()),
                    Some(InviteContext {
                        notes: Some(format!(
                            "Attended a {} and asked for a partner to follow up on {}.",
                            campaign_event(campaign),
                            product.topic
                        )),
                        invited_by: Some(vendor_person),
                    }),
                )
            }
            Qualification::SalesQualified => (
                None,
                Some(InviteContext {
                    notes: Some(format!(
                        "{} has budget for {} and wants a partner who can start in {month}. Requirements gathered on a call with their IT lead.",
                        person.0, product.topic
                    )),
                    invited_by: Some(vendor_person),
                }),
            ),
            _ => (None, None),
        };

        let mut contacts = vec![self.customer_contact(person, &lead)];
        if !spam && self.rng.percent(25) {
            let colleague = *self.rng.pick(country.people);
            if colleague != person {
                contacts.push(self.customer_contact(colleague, &lead));
            }
        }
        let deal = self.rng_pick(product.deals);
        let deal = self.fill(deal, &lead, &month, count);
        let mut referral = Referral {
            id: format!(
                "{:08x}-0000-4000-8000-{:012x}",
                0x5eed_0000u32 + index as u32,
                self.id_block * 100_000 + index
            ),
            engagement_id: Some(format!(
                "eng-{:06}",
                310_000 + self.id_block * 10_000 + index
            )),
            name: format!("{company} – {deal}"),
            external_reference_id: None,
            campaign_id,
            status: Status::New,
            substatus: Substatus::Received,
            status_reason: None,
            referral_type: if self.rng.percent(20) {
                ReferralType::Shared
            } else {
                ReferralType::Independent
            },
            qualification,
            direction: Direction::Incoming,
            favorite: false,
            created_date_time: created,
            updated_date_time: created,
            accepted_date_time: None,
            closed_date_time: None,
            expiration_date_time: timing::expiry_of(created),
            e_tag: "1".to_owned(),
            consent: Consent {
                consent_to_contact: spam || self.rng.percent(92),
                consent_to_share_info_with_others: self.rng.percent(50),
            },
            customer_profile: CustomerProfile {
                name: company.to_owned(),
                size: Some(CompanySize::ALL[size].as_str().to_owned()),
                address: Address {
                    address_line1: None,
                    address_line2: None,
                    city: Some(city.to_owned()),
                    state: None,
                    postal_code: None,
                    country: country.code.to_owned(),
                    region: None,
                },
                team: contacts,
            },
            details: Details {
                notes: (!message.is_empty()).then_some(message),
                deal_value: with_value.then(|| local_amount(country, usd)),
                currency: with_value.then(|| country.currency.to_owned()),
                closing_date_time: None,
                customer_requested_contact: requested_contact,
                requirements: Requirements {
                    industries: vec![(*self.rng.pick(INDUSTRIES)).to_owned()],
                    products: if offer {
                        vec![product.offer_name.to_owned()]
                    } else {
                        vec![]
                    },
                    services: if self.rng.percent(40) {
                        vec![
                            (*self
                                .rng
                                .pick(&["Implementation", "Managed services", "Training"]))
                            .to_owned(),
                        ]
                    } else {
                        vec![]
                    },
                    solutions: if !spam && self.rng.percent(65) {
                        vec![product.solution.to_owned()]
                    } else {
                        vec![]
                    },
                },
            },
            team: self.inbox_team(),
            lead_type,
            lead_source: direct.then(|| {
                self.rng.weighted(&[
                    (LeadSource::AppSource, 45),
                    (LeadSource::AzureMarketplace, 35),
                    (LeadSource::AzurePortal, 20),
                ])
            }),
            call_to_action,
            offer_id: offer.then(|| product.offer_id.to_owned()),
            offer_name: offer.then(|| product.offer_name.to_owned()),
            lead_quality: None,
            target: None,
            invite_context,
            status_history: vec![],
            status_reason_notes: None,
            deal_registration: None,
        };
        referral.lead_quality = Some(domain::assess_quality(&referral));
        (referral, lead)
    }

    fn rng_pick(&mut self, items: &'static [&'static str]) -> &'static str {
        self.rng.pick::<&'static str>(items)
    }

    /// Fills a template's `{placeholders}` with this lead's details.
    fn fill(&mut self, template: &str, lead: &Lead, month: &str, count: i64) -> String {
        let other = self.rng.pick(COUNTRIES).companies[0].0;
        template
            .replace("{offer}", lead.product.offer_name)
            .replace("{topic}", lead.product.topic)
            .replace("{month}", month)
            .replace("{city}", lead.city)
            .replace("{first}", lead.first_name)
            .replace("{other}", other)
            .replace("{n}", &count.to_string())
    }

    /// A customer contact as the source reports it, re-assessed the way ingestion does.
    fn customer_contact(&mut self, (first, last): (&str, &str), lead: &Lead) -> Contact {
        let (first_ascii, last_ascii) = (ascii_mail_name(first), ascii_mail_name(last));
        let local = match self.rng.between(0, 3) {
            0 => format!("{}.{last_ascii}", &first_ascii[..1]),
            1 => first_ascii.clone(),
            _ => format!("{first_ascii}.{last_ascii}"),
        };
        let (email, email_validity) = if lead.spam {
            (
                Some(format!("{local}@{}", lead.domain)),
                EmailValidity::Valid,
            )
        } else {
            match self.rng.between(0, 99) {
                0..62 => (
                    Some(format!("{local}@{}", lead.domain)),
                    EmailValidity::Valid,
                ),
                62..80 => (
                    Some(format!("{local}@{}", lead.domain)),
                    EmailValidity::Unknown,
                ),
                // The source found no mailbox there.
                80..88 => (
                    Some(format!("{local}@{}", lead.domain)),
                    EmailValidity::Invalid,
                ),
                // Typed without the top-level domain.
                88..95 => {
                    let host = lead.domain.split('.').next().unwrap_or("mail");
                    (Some(format!("{local}@{host}")), EmailValidity::Unknown)
                }
                _ => (None, EmailValidity::Unknown),
            }
        };
        let (phone_number, phone_validity) = if lead.spam {
            if self.rng.percent(50) {
                (Some("+1 000 000 0000".to_owned()), PhoneValidity::Unknown)
            } else {
                (None, PhoneValidity::Unknown)
            }
        } else {
            let number = format!(
                "+{} {} {} {}",
                lead.country.dial,
                self.rng.between(20, 99),
                self.rng.between(100, 999),
                self.rng.between(1000, 9999)
            );
            match self.rng.between(0, 99) {
                0..52 => (Some(number), PhoneValidity::Valid),
                52..72 => (Some(number), PhoneValidity::Unknown),
                // Disconnected, says the source.
                72..78 => (Some(number), PhoneValidity::Invalid),
                // A national number without the country code.
                78..83 => (
                    Some(format!(
                        "0{} {}",
                        self.rng.between(20, 99),
                        self.rng.between(100_000, 999_999)
                    )),
                    PhoneValidity::Unknown,
                ),
                _ => (None, PhoneValidity::Unknown),
            }
        };
        Contact {
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            email,
            phone_number,
            email_validity,
            phone_validity,
        }
        .assessed()
    }

    /// Who the source routed a new referral to: in the demo organisation the Referrals user
    /// gets about a third, so they can act on some and not on others.
    fn inbox_team(&mut self) -> Vec<Contact> {
        let staff = STAFF[self.organisation];
        let roll = self.rng.between(0, 99);
        let member = match (self.organisation, roll) {
            (0, 0..34) => Some(&staff[REFERRALS_USER]),
            (0, 34..60) => Some(&staff[0]),
            (0, _) => None,
            (_, 0..50) => Some(&staff[0]),
            (_, _) => Some(self.rng.pick(staff)),
        };
        member.map(staff_contact).into_iter().collect()
    }

    /// Who acts on `referral`: the Referrals user when on its team (half the time), else an admin.
    fn actor(&mut self, referral: &Referral) -> Actor {
        let staff = STAFF[self.organisation];
        let on_team = |(_, _, email, _): &Staff| {
            referral
                .team
                .iter()
                .any(|m| m.email.as_deref() == Some(*email))
        };
        let signing_in: Vec<&Staff> = staff.iter().filter(|s| s.3.is_some()).collect();
        let chosen =
            if self.organisation == 0 && on_team(&staff[REFERRALS_USER]) && self.rng.percent(50) {
                &staff[REFERRALS_USER]
            } else if self.organisation == 0 {
                // The Referrals admin does most of the triage, the Partner admin some.
                if self.rng.percent(75) {
                    &staff[0]
                } else {
                    &staff[2]
                }
            } else {
                signing_in[0]
            };
        let user = chosen.3.expect("actors sign in");
        Actor::User {
            id: format!("user-demo-{user}"),
            name: USERS[user].name.to_owned(),
        }
    }

    /// Accepts `referral` at `at` through the domain, as a partner filling in the form would.
    fn accepted(&mut self, referral: &Referral, lead: &Lead, at: DateTime<Utc>) -> Referral {
        let staff = STAFF[self.organisation];
        let mut team: Vec<&Staff> = Vec::new();
        if self.organisation == 0 {
            if self.rng.percent(34) {
                team.push(&staff[REFERRALS_USER]);
            } else {
                team.push(*self.rng.pick(&[&staff[0], &staff[2], &staff[3], &staff[4]]));
            }
        } else {
            team.push(&staff[0]);
        }
        if self.rng.percent(40) {
            let extra = self.rng.pick(staff);
            if !team.contains(&extra) && (self.organisation != 0 || extra != &staff[REFERRALS_USER])
            {
                team.push(extra);
            }
        }
        let month = (at + Duration::days(self.rng.between(20, 90)))
            .format("%B")
            .to_string();
        let count = self.rng.between(20, 800);
        let notes = self.rng_pick(SALES_NOTES);
        let notes = self.fill(notes, lead, &month, count);
        let mut form = AcceptForm::prefilled(referral);
        if self.rng.percent(20) {
            form.deal.name = format!("{} (phase 1)", referral.name);
        }
        // The partner's own estimate, near what the source suggested.
        let usd = (lead.usd * self.rng.between(80, 130) / 100 / 500).max(1) * 500;
        form.deal.deal_value = local_amount(lead.country, usd).to_string();
        form.deal.currency = lead.country.currency.to_owned();
        form.deal.closing_date =
            (at.date_naive() + Days::new(self.rng.between(21, 150) as u64)).to_string();
        form.deal.team = team
            .iter()
            .map(|s| ContactForm::from_contact(&staff_contact(s)))
            .collect();
        form.deal.notes = notes;
        if self.rng.percent(70) {
            form.deal.external_reference_id =
                format!("CRM-{:06}", self.rng.between(100_000, 999_999));
        }
        if self.rng.percent(15) {
            let (first, last) = *self.rng.pick(lead.country.people);
            form.customer_contacts.push(ContactForm {
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                email: format!("procurement@{}", lead.domain),
                phone_number: String::new(),
            });
        }
        let command = form.parse(at).expect("demo accept form is valid");
        let actor = self.actor(&Referral {
            team: team.iter().copied().map(staff_contact).collect(),
            ..referral.clone()
        });
        lifecycle::accept(referral, command, &actor, at).expect("demo lead is accepted")
    }

    /// Marks an accepted deal won at `at`, registering it when the product requires it
    /// (and often when it merely allows it).
    fn won(&mut self, accepted: &Referral, lead: &Lead, at: DateTime<Utc>) -> Referral {
        let rates = ExchangeRates::usd_only();
        let eligibility = domain::registration_eligibility(accepted, &rates);
        let register = eligibility.requires_registration()
            || (eligibility.allows_registration() && lead.usd >= 25_000 && self.rng.percent(60));
        let form = WonForm {
            deal_registration: register.then(|| self.registration_form(accepted, at)),
        };
        let command = form
            .parse(accepted, &rates, at)
            .expect("demo deal registration is valid");
        let actor = self.actor(accepted);
        let mut won = lifecycle::won(accepted, command, &actor, at).expect("demo deal is won");
        // The vendor reviews registrations within a few weeks; older ones have an answer.
        if let Some(registration) = won.deal_registration.as_mut()
            && self.now - at > Duration::days(21)
        {
            registration.state = self.rng.weighted(&[
                (RegistrationState::Approved, 60),
                (RegistrationState::ActionRequired, 15),
                (RegistrationState::Rejected, 10),
                (RegistrationState::Pending, 15),
            ]);
        }
        won
    }

    /// A deal registration that passes the rules at `at`: signed recently (not before the
    /// referral arrived), started after signing, in the deal's currency.
    fn registration_form(&mut self, referral: &Referral, at: DateTime<Utc>) -> RegistrationForm {
        let today = at.date_naive();
        let created = referral.created_date_time.date_naive();
        let signed = (today - Days::new(self.rng.between(0, 20) as u64)).max(created);
        let start = signed + Days::new(self.rng.between(0, 30) as u64);
        let perpetual = self.rng.percent(15);
        let end = start
            .checked_add_months(Months::new(12 * self.rng.between(1, 3) as u32))
            .and_then(|d| d.pred_opt())
            .unwrap_or(start);
        let marketplace = self.rng.percent(40);
        let total = referral.details.deal_value.unwrap_or_default();
        let solution =
            (total * Decimal::from(self.rng.between(60, 100)) / Decimal::from(100)).round();
        RegistrationForm {
            marketplace_transaction: Some(marketplace),
            marketplace_transaction_date: if marketplace {
                (today + Days::new(self.rng.between(5, 45) as u64)).to_string()
            } else {
                String::new()
            },
            deployed_on_azure: Some(self.rng.percent(80)),
            perpetual_contract: Some(perpetual),
            total_contract_value: total.to_string(),
            solution_value: solution.min(total).to_string(),
            contract_signed_date: signed.to_string(),
            contract_start_date: start.to_string(),
            contract_end_date: if perpetual {
                String::new()
            } else {
                end.to_string()
            },
            tenant_type: self.rng.pick(TenantType::ALL).as_str().to_owned(),
            pricing_model: self.rng.pick(PricingModel::ALL).as_str().to_owned(),
        }
    }
}

fn reason_form(reason: DeclineReason, notes: &str) -> ReasonForm {
    ReasonForm {
        status_reason: reason.as_str().to_owned(),
        notes: notes.to_owned(),
    }
}

fn staff_contact(&(first, last, email, _): &Staff) -> Contact {
    Contact {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: Some(email.to_owned()),
        phone_number: None,
        email_validity: EmailValidity::Valid,
        phone_validity: PhoneValidity::Unknown,
    }
}

/// `usd` in the country's currency, rounded as a salesperson would quote it.
fn local_amount(country: &Country, usd: i64) -> Decimal {
    let step = if country.per_100_usd >= 1_000 {
        10_000
    } else {
        100
    };
    let local = usd * country.per_100_usd / 100;
    Decimal::from(((local + step / 2) / step).max(1) * step)
}

/// The kind of event a campaign ran, for the vendor's note.
fn campaign_event(campaign: &str) -> &'static str {
    if campaign.contains("SECURITY") {
        "security roadshow"
    } else if campaign.contains("AI") {
        "AI readiness webinar"
    } else if campaign.contains("MIGRATE") {
        "cloud migration workshop"
    } else {
        "modern work webinar"
    }
}

/// A name as it appears in a mailbox: `Jürgen` → `juergen`, `van der Merwe` → `vandermerwe`.
fn ascii_mail_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' | 'ø' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'å' | 'á' | 'à' | 'â' | 'ã' | 'ą' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'ę' => out.push('e'),
            'í' | 'ì' | 'î' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'õ' => out.push('o'),
            'ú' | 'ù' | 'û' => out.push('u'),
            'ç' | 'ć' => out.push('c'),
            'ñ' | 'ń' => out.push('n'),
            'ł' => out.push('l'),
            'ś' => out.push('s'),
            'ż' | 'ź' => out.push('z'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}
