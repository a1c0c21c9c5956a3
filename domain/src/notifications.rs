//! Who is emailed about new leads, and how (DOMAIN.md §7, §8).
//!
//! Pure rules: the caller passes the lead, the organisation's business profiles and
//! people, and how many single-lead emails a recipient already had that day; the server
//! queues what these decide in its mail outbox, in the transaction that stores the lead,
//! and a job sends it. The same leads also appear in the in-app notification centre,
//! which is not decided here.
//!
//! Rules:
//! - only Contact me leads (`callToAction = ContactMe`) are emailed;
//! - the lead's contact is, in this order (see [`crate::business_profile`]):
//!   1. the contact of the business profile location for the lead's country;
//!   2. else the main contact (the first location's) of the profile for the lead's
//!      region: the region the lead names (`customerProfile.address.region`, read by
//!      [`Region::from_lead_text`]), then the region its country is in;
//!   3. else (or when that contact is one of the people and was deactivated) **every
//!      active partner admin** of the organisation;
//!   4. else nobody, and the lead is reported as unrouted;
//! - a contact who is one of the organisation's people and set a preferred
//!   notification email in their account settings is emailed there instead, in the
//!   language they chose (others in English);
//! - per recipient and UTC day, the first [`MAX_INDIVIDUAL_EMAILS_PER_DAY`] leads come
//!   as one email each, sent at once; every later lead of that day waits in **one
//!   digest** for that recipient and day, sent when the day ends (midnight UTC) and
//!   listing all of them (12 leads in a day: 10 emails and a digest of 2).
//!   Why at once and then a digest: a lead must be answered within 24 hours, so the
//!   first ones cannot wait for the day to end; a recipient of more than ten a day works
//!   in the app anyway (every lead is in the Inbox and the notification centre at once),
//!   and the digest keeps their mailbox from flooding.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::access::Role;
use crate::business_profile::{BusinessProfile, Region};
use crate::i18n::Locale;
use crate::referral::{CallToAction, Referral};
use crate::values::CountryCode;

/// A recipient gets at most this many single-lead emails a day; beyond it, one digest.
pub const MAX_INDIVIDUAL_EMAILS_PER_DAY: usize = 10;

/// One of the organisation's people, as lead emails see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The address they sign in with.
    pub email: String,
    /// Where they want lead emails instead (account settings), if anywhere.
    pub preferred_email: Option<String>,
    pub role: Role,
    /// The language they chose; English until they choose.
    pub locale: Option<Locale>,
    /// `false` once a partner admin deactivated them: they hear of no lead, even as a
    /// business profile's contact (the lead then goes as if no profile matched).
    #[serde(default = "active")]
    pub active: bool,
}

fn active() -> bool {
    true
}

/// Where one lead email goes, and the language it is written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recipient {
    /// Trimmed and lower-cased, so one mailbox is one recipient however it was typed.
    pub address: String,
    pub locale: Locale,
}

/// How a recipient hears of one more lead of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Delivery {
    /// An email of its own, sent at once.
    Individual,
    /// A line in the recipient's digest of `day`, sent at `due` (the end of that day).
    Digest { day: NaiveDate, due: DateTime<Utc> },
}

/// One email to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Notification {
    /// One new lead.
    Individual { to: String, referral_id: String },
    /// A recipient's leads of `day` after their first [`MAX_INDIVIDUAL_EMAILS_PER_DAY`].
    Digest {
        to: String,
        referral_ids: Vec<String>,
        day: NaiveDate,
    },
}

impl Notification {
    /// The recipient's email address.
    pub fn to(&self) -> &str {
        match self {
            Notification::Individual { to, .. } | Notification::Digest { to, .. } => to,
        }
    }
}

/// The emails of a whole day, and the leads nobody could be found for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationPlan {
    /// Ordered by recipient address; each recipient's single emails by the leads'
    /// creation time and ID, then their digest.
    pub notifications: Vec<Notification>,
    /// IDs of emailed kinds of lead without a recipient (no matching profile and no
    /// partner admin), ordered by creation time and ID.
    pub unrouted: Vec<String>,
}

/// Email notifications are for Contact me leads only.
pub fn is_emailed(lead: &Referral) -> bool {
    lead.call_to_action == Some(CallToAction::ContactMe)
}

/// Who is emailed about `lead` (see the module documentation), sorted by address, each
/// once; empty for a lead that is not emailed or that nobody could be found for.
pub fn recipients(
    lead: &Referral,
    profiles: &[BusinessProfile],
    people: &[Person],
) -> Vec<Recipient> {
    if !is_emailed(lead) {
        return Vec::new();
    }
    // A contact who left (deactivated) would leave the lead unheard of.
    let contact = profile_contact(lead, profiles).filter(|contact| {
        !people
            .iter()
            .any(|person| !person.active && person.email.trim().eq_ignore_ascii_case(contact))
    });
    let mut recipients: Vec<Recipient> = match contact {
        Some(contact) => vec![addressed(contact, people)],
        None => people
            .iter()
            .filter(|person| person.active && person.role == Role::PartnerAdmin)
            .filter_map(|admin| non_blank(&admin.email))
            .map(|email| addressed(email, people))
            .collect(),
    };
    recipients.sort_by(|a, b| a.address.cmp(&b.address));
    // Two admins may share one preferred mailbox: it gets the lead once.
    recipients.dedup_by(|a, b| a.address == b.address);
    recipients
}

/// How a recipient hears of a lead arriving at `arrived`, when `individual_already`
/// single-lead emails were already queued for them on that UTC day.
pub fn delivery(individual_already: usize, arrived: DateTime<Utc>) -> Delivery {
    if individual_already < MAX_INDIVIDUAL_EMAILS_PER_DAY {
        Delivery::Individual
    } else {
        let day = arrived.date_naive();
        Delivery::Digest {
            day,
            due: digest_due(day),
        }
    }
}

/// When the digest of `day` is sent: as that UTC day ends.
pub fn digest_due(day: NaiveDate) -> DateTime<Utc> {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    next.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// The emails of `day` (UTC) as the outbox holds them once the day is over: [`delivery`]
/// applied to the day's leads in the order they arrived (creation time, then ID).
pub fn plan_notifications(
    new_leads: &[Referral],
    profiles: &[BusinessProfile],
    people: &[Person],
    day: NaiveDate,
) -> NotificationPlan {
    let mut of_the_day: Vec<&Referral> = new_leads
        .iter()
        .filter(|lead| is_emailed(lead) && lead.created_date_time.date_naive() == day)
        .collect();
    // Sorted once, so every list below keeps arrival order whatever order the caller used.
    of_the_day.sort_by(|a, b| (a.created_date_time, &a.id).cmp(&(b.created_date_time, &b.id)));
    let mut seen = BTreeSet::new();
    of_the_day.retain(|lead| seen.insert(lead.id.as_str()));

    #[derive(Default)]
    struct Mailbox {
        individual: Vec<String>,
        digest: Vec<String>,
    }
    let mut mailboxes: BTreeMap<String, Mailbox> = BTreeMap::new();
    let mut plan = NotificationPlan::default();
    for lead in of_the_day {
        let to = recipients(lead, profiles, people);
        if to.is_empty() {
            plan.unrouted.push(lead.id.clone());
        }
        for recipient in to {
            let mailbox = mailboxes.entry(recipient.address).or_default();
            match delivery(mailbox.individual.len(), lead.created_date_time) {
                Delivery::Individual => mailbox.individual.push(lead.id.clone()),
                Delivery::Digest { .. } => mailbox.digest.push(lead.id.clone()),
            }
        }
    }
    for (to, mailbox) in mailboxes {
        plan.notifications
            .extend(
                mailbox
                    .individual
                    .into_iter()
                    .map(|referral_id| Notification::Individual {
                        to: to.clone(),
                        referral_id,
                    }),
            );
        if !mailbox.digest.is_empty() {
            plan.notifications.push(Notification::Digest {
                to,
                referral_ids: mailbox.digest,
                day,
            });
        }
    }
    plan
}

/// Where an email for `contact` goes: one of the people's preferred email if they set
/// one, in their language; an outside address as it is, in English.
fn addressed(contact: &str, people: &[Person]) -> Recipient {
    let contact = contact.trim();
    let person = people
        .iter()
        .find(|person| person.email.trim().eq_ignore_ascii_case(contact));
    let address = person
        .and_then(|person| person.preferred_email.as_deref())
        .and_then(non_blank)
        .unwrap_or(contact);
    Recipient {
        address: address.to_lowercase(),
        locale: person.and_then(|person| person.locale).unwrap_or_default(),
    }
}

/// The business profile contact for a lead: its country's location first, then its
/// region's main contact.
fn profile_contact<'p>(lead: &Referral, profiles: &'p [BusinessProfile]) -> Option<&'p str> {
    let address = &lead.customer_profile.address;
    let country = CountryCode::parse("country", &address.country).ok();
    let by_location = country.and_then(|country| {
        profiles
            .iter()
            .find_map(|profile| profile.location_in(country))
    });
    if let Some(location) = by_location {
        return Some(location.contact.email.as_str());
    }
    // The region the lead names, then its country's: a region nobody knows ("EMEA") or
    // one without a profile says nothing, and the country's region may still have one.
    let named = address.region.as_deref().and_then(Region::from_lead_text);
    let of_country = country.and_then(Region::of_country);
    [named, of_country]
        .into_iter()
        .flatten()
        .find_map(|region| {
            profiles
                .iter()
                .find(|profile| profile.region == region)
                .and_then(BusinessProfile::main_contact)
                .map(|contact| contact.email.as_str())
        })
}

fn non_blank(email: &str) -> Option<&str> {
    Some(email.trim()).filter(|e| !e.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::business_profile::{ProfileContact, ProfileLocation};
    use crate::fixtures;
    use crate::referral::*;
    use crate::values::{Email, Name};
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, hour, 0, 0).unwrap()
    }

    /// A Contact me lead created on `day()` from Germany, region Europe.
    fn lead(id: &str) -> Referral {
        let mut lead = Referral {
            name: format!("Deal {id}"),
            lead_type: Some(LeadType::Profile),
            ..fixtures::referral(id)
        };
        lead.customer_profile.address.region = Some("Europe".into());
        lead.customer_profile.team.clear();
        lead
    }

    fn leads(count: usize) -> Vec<Referral> {
        (0..count).map(|i| lead(&format!("r-{i:02}"))).collect()
    }

    fn country(code: &str) -> CountryCode {
        CountryCode::parse("country", code).unwrap()
    }

    fn location(code: &str, email: &str) -> ProfileLocation {
        ProfileLocation {
            country: country(code),
            city: None,
            contact: ProfileContact {
                name: Name::parse("name", "Contact").unwrap(),
                email: Email::parse("email", email).unwrap(),
                phone: None,
            },
        }
    }

    /// Europe, with its main contact in Ireland and locations in Germany and France.
    fn europe() -> BusinessProfile {
        BusinessProfile {
            region: Region::Europe,
            locations: vec![
                location("IE", "europe@partner.example"),
                location("DE", "berlin@partner.example"),
                location("FR", "paris@partner.example"),
            ],
            keywords: vec!["ERP".into()],
            preferred_company_sizes: vec![CompanySize::From50To999],
        }
    }

    fn person(email: &str, role: Role) -> Person {
        Person {
            email: email.into(),
            preferred_email: None,
            role,
            locale: None,
            active: true,
        }
    }

    fn individual(to: &str, id: &str) -> Notification {
        Notification::Individual {
            to: to.into(),
            referral_id: id.into(),
        }
    }

    fn english(address: &str) -> Recipient {
        Recipient {
            address: address.into(),
            locale: Locale::English,
        }
    }

    #[test]
    fn a_lead_goes_to_the_contact_of_the_location_for_its_country() {
        let plan = plan_notifications(&[lead("r-1")], &[europe()], &[], day());
        assert_eq!(
            plan.notifications,
            vec![individual("berlin@partner.example", "r-1")]
        );
        assert!(plan.unrouted.is_empty());
    }

    #[test]
    fn a_contacts_preferred_email_takes_precedence_in_their_language() {
        let berlin = Person {
            preferred_email: Some(" Me@Partner.example ".into()),
            locale: Some(Locale::German),
            ..person("berlin@partner.example", Role::ReferralsUser)
        };
        assert_eq!(
            recipients(&lead("r-1"), &[europe()], &[berlin]),
            vec![Recipient {
                address: "me@partner.example".into(),
                locale: Locale::German,
            }]
        );
    }

    #[test]
    fn a_contact_who_was_deactivated_hears_of_no_lead_and_the_partner_admins_do() {
        let berlin = Person {
            active: false,
            ..person("Berlin@partner.example", Role::ReferralsUser)
        };
        let people = [
            berlin,
            person("admin@partner.example", Role::PartnerAdmin),
            Person {
                active: false,
                ..person("former-admin@partner.example", Role::PartnerAdmin)
            },
        ];
        assert_eq!(
            recipients(&lead("r-1"), &[europe()], &people),
            vec![english("admin@partner.example")]
        );
    }

    #[test]
    fn a_blank_preferred_email_is_no_preference() {
        let berlin = Person {
            preferred_email: Some("  ".into()),
            ..person("Berlin@partner.example", Role::ReferralsUser)
        };
        assert_eq!(
            recipients(&lead("r-1"), &[europe()], &[berlin]),
            vec![english("berlin@partner.example")]
        );
    }

    #[test]
    fn the_country_matches_whatever_its_case() {
        let mut lead = lead("r-1");
        lead.customer_profile.address.country = "fr".into();
        assert_eq!(
            recipients(&lead, &[europe()], &[]),
            vec![english("paris@partner.example")]
        );
    }

    #[test]
    fn a_country_without_a_location_goes_to_the_main_contact_of_its_countrys_region() {
        let mut lead = lead("r-1");
        lead.customer_profile.address.country = "AT".into();
        lead.customer_profile.address.region = None;
        assert_eq!(
            recipients(&lead, &[europe()], &[]),
            vec![english("europe@partner.example")]
        );
        // A region nobody knows by that name says nothing: the country decides.
        lead.customer_profile.address.region = Some("EMEA".into());
        assert_eq!(
            recipients(&lead, &[europe()], &[]),
            vec![english("europe@partner.example")]
        );
    }

    #[test]
    fn the_region_a_lead_names_wins_over_its_countrys_for_the_main_contact() {
        let mut lead = lead("r-1");
        lead.customer_profile.address.country = "TR".into();
        lead.customer_profile.address.region = Some("Middle East".into());
        let middle_east = BusinessProfile {
            region: Region::MiddleEast,
            locations: vec![location("AE", "dubai@partner.example")],
            keywords: vec![],
            preferred_company_sizes: vec![],
        };
        let both = [europe(), middle_east];
        assert_eq!(
            recipients(&lead, &both, &[]),
            vec![english("dubai@partner.example")]
        );
        // Without a Middle East profile, the country's own region (Europe for TR) answers.
        assert_eq!(
            recipients(&lead, &[europe()], &[]),
            vec![english("europe@partner.example")]
        );
        // A location for the country itself comes first, whatever region the lead names.
        lead.customer_profile.address.country = "DE".into();
        assert_eq!(
            recipients(&lead, &both, &[]),
            vec![english("berlin@partner.example")]
        );
    }

    #[test]
    fn a_country_without_a_location_goes_to_the_contact_of_the_leads_region() {
        let mut lead = lead("r-1");
        lead.customer_profile.address.country = "AT".into();
        lead.customer_profile.address.region = Some("europe".into());
        assert_eq!(
            recipients(&lead, &[europe()], &[]),
            vec![english("europe@partner.example")]
        );
    }

    #[test]
    fn without_a_matching_profile_every_partner_admin_is_emailed() {
        let mut tokyo = lead("r-1");
        tokyo.customer_profile.address.country = "JP".into();
        tokyo.customer_profile.address.region = Some("Asia".into());
        let people = [
            Person {
                preferred_email: Some("alerts@partner.example".into()),
                locale: Some(Locale::Russian),
                ..person("admin-1@partner.example", Role::PartnerAdmin)
            },
            person("admin-2@partner.example", Role::PartnerAdmin),
            person("user@partner.example", Role::ReferralsAdmin),
        ];
        assert_eq!(
            recipients(&tokyo, &[europe()], &people),
            vec![
                english("admin-2@partner.example"),
                Recipient {
                    address: "alerts@partner.example".into(),
                    locale: Locale::Russian
                },
            ]
        );
        // No profiles at all: the same.
        assert_eq!(recipients(&lead("r-2"), &[], &people).len(), 2);
    }

    #[test]
    fn admins_sharing_a_preferred_mailbox_get_one_email() {
        let shared = |email: &str| Person {
            preferred_email: Some("Team@partner.example".into()),
            ..person(email, Role::PartnerAdmin)
        };
        let people = [shared("a@partner.example"), shared("b@partner.example")];
        assert_eq!(
            recipients(&lead("r-1"), &[], &people),
            vec![english("team@partner.example")]
        );
    }

    #[test]
    fn a_lead_without_a_profile_or_a_partner_admin_is_unrouted() {
        let people = [person("user@partner.example", Role::ReferralsUser)];
        let plan = plan_notifications(&[lead("r-1")], &[], &people, day());
        assert!(plan.notifications.is_empty());
        assert_eq!(plan.unrouted, vec!["r-1".to_owned()]);
    }

    #[test]
    fn only_contact_me_leads_are_emailed() {
        let admins = [person("admin@partner.example", Role::PartnerAdmin)];
        let mut all = vec![lead("contact-me")];
        for (i, cta) in [
            CallToAction::GetItNow,
            CallToAction::FreeTrial,
            CallToAction::TestDrive,
        ]
        .into_iter()
        .enumerate()
        {
            let mut other = lead(&format!("other-{i}"));
            other.call_to_action = Some(cta);
            assert!(recipients(&other, &[europe()], &admins).is_empty());
            all.push(other);
        }
        let mut without = lead("no-call-to-action");
        without.call_to_action = None;
        assert!(recipients(&without, &[], &admins).is_empty());
        all.push(without);
        let plan = plan_notifications(&all, &[europe()], &admins, day());
        assert_eq!(
            plan.notifications,
            vec![individual("berlin@partner.example", "contact-me")]
        );
        assert!(plan.unrouted.is_empty());
    }

    #[test]
    fn only_leads_created_on_the_day_in_utc_are_planned() {
        let mut yesterday = lead("yesterday");
        yesterday.created_date_time = at(0) - Duration::seconds(1);
        let mut first_second = lead("first-second");
        first_second.created_date_time = at(0);
        let mut last_second = lead("last-second");
        last_second.created_date_time = at(23) + Duration::seconds(3599);
        let mut tomorrow = lead("tomorrow");
        tomorrow.created_date_time = at(23) + Duration::seconds(3600);
        let plan = plan_notifications(
            &[yesterday, first_second, last_second, tomorrow],
            &[europe()],
            &[],
            day(),
        );
        assert_eq!(
            plan.notifications,
            vec![
                individual("berlin@partner.example", "first-second"),
                individual("berlin@partner.example", "last-second"),
            ]
        );
    }

    #[test]
    fn ten_leads_for_one_recipient_are_ten_emails() {
        let plan = plan_notifications(&leads(10), &[europe()], &[], day());
        assert_eq!(plan.notifications.len(), 10);
        assert!(
            plan.notifications
                .iter()
                .all(|n| matches!(n, Notification::Individual { .. }))
        );
    }

    #[test]
    fn twelve_leads_for_one_recipient_are_ten_emails_and_a_digest_of_the_rest() {
        let plan = plan_notifications(&leads(12), &[europe()], &[], day());
        let mut expected: Vec<Notification> = (0..10)
            .map(|i| individual("berlin@partner.example", &format!("r-{i:02}")))
            .collect();
        expected.push(Notification::Digest {
            to: "berlin@partner.example".into(),
            referral_ids: vec!["r-10".into(), "r-11".into()],
            day: day(),
        });
        assert_eq!(plan.notifications, expected);
    }

    #[test]
    fn the_eleventh_lead_of_a_day_waits_for_the_digest_at_midnight() {
        assert_eq!(delivery(0, at(9)), Delivery::Individual);
        assert_eq!(delivery(9, at(9)), Delivery::Individual);
        let midnight = Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap();
        assert_eq!(
            delivery(10, at(9)),
            Delivery::Digest {
                day: day(),
                due: midnight
            }
        );
        assert_eq!(
            delivery(10, at(23) + Duration::seconds(3599)),
            Delivery::Digest {
                day: day(),
                due: midnight
            }
        );
        assert_eq!(
            digest_due(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
            Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()
        );
    }

    #[test]
    fn the_digest_limit_counts_per_recipient() {
        let mut all = leads(11);
        for lead in &mut all[..6] {
            lead.customer_profile.address.country = "FR".into();
        }
        let plan = plan_notifications(&all, &[europe()], &[], day());
        assert_eq!(plan.notifications.len(), 11);
        assert!(
            plan.notifications
                .iter()
                .all(|n| matches!(n, Notification::Individual { .. }))
        );
    }

    #[test]
    fn the_plan_is_ordered_by_recipient_then_creation_whatever_the_input_order() {
        let mut late = lead("a-late");
        late.created_date_time = at(15);
        let early = lead("z-early");
        let mut paris = lead("m-paris");
        paris.customer_profile.address.country = "FR".into();
        let forward = plan_notifications(
            &[late.clone(), early.clone(), paris.clone()],
            &[europe()],
            &[],
            day(),
        );
        let backward = plan_notifications(&[paris, early, late], &[europe()], &[], day());
        assert_eq!(forward, backward);
        assert_eq!(
            forward.notifications,
            vec![
                individual("berlin@partner.example", "z-early"),
                individual("berlin@partner.example", "a-late"),
                individual("paris@partner.example", "m-paris"),
            ]
        );
    }

    #[test]
    fn a_lead_listed_twice_is_emailed_once() {
        let plan = plan_notifications(&[lead("r-1"), lead("r-1")], &[europe()], &[], day());
        assert_eq!(plan.notifications.len(), 1);
    }

    #[test]
    fn profiles_and_notifications_use_camel_case_json() {
        let profile: BusinessProfile = serde_json::from_value(serde_json::json!({
            "region": "Europe",
            "locations": [{ "country": "de", "city": null,
                "contact": { "name": "Contact", "email": "berlin@partner.example", "phone": null } }],
            "keywords": ["ERP"],
            "preferredCompanySizes": ["50to999employees"]
        }))
        .unwrap();
        assert_eq!(profile.locations[0].country, country("DE"));
        assert_eq!(
            profile.preferred_company_sizes,
            vec![CompanySize::From50To999]
        );
        let digest = Notification::Digest {
            to: "a@b.example".into(),
            referral_ids: vec!["r-1".into()],
            day: day(),
        };
        assert_eq!(
            serde_json::to_value(&digest).unwrap(),
            serde_json::json!({
                "kind": "digest", "to": "a@b.example", "referralIds": ["r-1"], "day": "2026-11-20"
            })
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A lead of the day from one of a few countries and regions, some not Contact me.
        fn arb_lead() -> impl Strategy<Value = Referral> {
            (
                0u32..86_400,
                prop::sample::select(vec!["DE", "FR", "AT", "JP"]),
                prop::sample::select(vec![Some("Europe"), Some("Asia"), None]),
                prop::sample::select(vec![
                    Some(CallToAction::ContactMe),
                    Some(CallToAction::ContactMe),
                    Some(CallToAction::FreeTrial),
                    None,
                ]),
            )
                .prop_map(|(second, country, region, call_to_action)| {
                    let mut lead = lead("x");
                    lead.created_date_time = at(0) + Duration::seconds(second.into());
                    lead.customer_profile.address.country = country.into();
                    lead.customer_profile.address.region = region.map(str::to_owned);
                    lead.call_to_action = call_to_action;
                    lead
                })
        }

        fn arb_people() -> impl Strategy<Value = Vec<Person>> {
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "berlin@partner.example",
                        "admin@partner.example",
                        "boss@partner.example",
                    ]),
                    prop::sample::select(vec![None, Some("inbox@partner.example")]),
                    prop::sample::select(vec![Role::PartnerAdmin, Role::ReferralsUser]),
                ),
                0..3,
            )
            .prop_map(|people| {
                people
                    .into_iter()
                    .map(|(email, preferred, role)| Person {
                        preferred_email: preferred.map(str::to_owned),
                        ..person(email, role)
                    })
                    .collect()
            })
        }

        proptest! {
            /// Leads queued one by one as they arrive (counting each recipient's single
            /// emails so far) end as the day's plan says; every recipient of a lead hears
            /// of it exactly once, at most ten times alone, the rest in one digest.
            #[test]
            fn arrivals_one_by_one_add_up_to_the_days_plan(
                mut day_leads in prop::collection::vec(arb_lead(), 0..30),
                people in arb_people(),
                with_profile in any::<bool>(),
            ) {
                for (i, lead) in day_leads.iter_mut().enumerate() {
                    lead.id = format!("r-{i:02}");
                }
                let profiles = if with_profile { vec![europe()] } else { vec![] };
                let plan = plan_notifications(&day_leads, &profiles, &people, day());

                let mut arrivals: Vec<&Referral> = day_leads.iter().collect();
                arrivals.sort_by_key(|lead| (lead.created_date_time, lead.id.clone()));
                let mut singles: BTreeMap<String, Vec<String>> = BTreeMap::new();
                let mut digests: BTreeMap<String, Vec<String>> = BTreeMap::new();
                let mut expected_unrouted = Vec::new();
                for lead in arrivals {
                    let to = recipients(lead, &profiles, &people);
                    if is_emailed(lead) && to.is_empty() {
                        expected_unrouted.push(lead.id.clone());
                    }
                    for recipient in to {
                        let sent = singles.entry(recipient.address.clone()).or_default();
                        match delivery(sent.len(), lead.created_date_time) {
                            Delivery::Individual => sent.push(lead.id.clone()),
                            Delivery::Digest { day: digest_day, due } => {
                                prop_assert_eq!(digest_day, day());
                                prop_assert!(due > lead.created_date_time);
                                prop_assert!(due - lead.created_date_time <= Duration::days(1));
                                digests.entry(recipient.address).or_default().push(lead.id.clone());
                            }
                        }
                    }
                }
                let mut expected = Vec::new();
                let mailboxes: BTreeSet<&String> = singles.keys().chain(digests.keys()).collect();
                for to in mailboxes {
                    let alone = singles.get(to).cloned().unwrap_or_default();
                    prop_assert!(alone.len() <= MAX_INDIVIDUAL_EMAILS_PER_DAY);
                    let waiting = digests.get(to).cloned().unwrap_or_default();
                    // A digest only once the single emails are used up.
                    prop_assert!(waiting.is_empty() || alone.len() == MAX_INDIVIDUAL_EMAILS_PER_DAY);
                    expected.extend(alone.into_iter().map(|id| individual(to, &id)));
                    if !waiting.is_empty() {
                        expected.push(Notification::Digest { to: to.clone(), referral_ids: waiting, day: day() });
                    }
                }
                prop_assert_eq!(&plan.notifications, &expected);
                prop_assert_eq!(&plan.unrouted, &expected_unrouted);
                // Every Contact me lead is in the plan or unrouted; no other lead is.
                let mut planned: BTreeSet<&str> = plan.unrouted.iter().map(String::as_str).collect();
                for notification in &plan.notifications {
                    match notification {
                        Notification::Individual { referral_id, .. } => { planned.insert(referral_id); }
                        Notification::Digest { referral_ids, .. } => planned.extend(referral_ids.iter().map(String::as_str)),
                    }
                }
                let emailed: BTreeSet<&str> = day_leads.iter().filter(|l| is_emailed(l)).map(|l| l.id.as_str()).collect();
                prop_assert_eq!(planned, emailed);
            }
        }
    }
}
