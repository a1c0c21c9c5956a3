//! Who is emailed about new leads, and how (DOMAIN.md §7, §8).
//!
//! Pure planning: the caller passes the day's new leads, the organisation's
//! business profiles and the account's preferred email; a job elsewhere sends
//! the planned emails. The same leads also appear in the in-app notification
//! centre, which is not planned here.
//!
//! Rules:
//! - only Contact me leads (`callToAction = ContactMe`) created on the given
//!   UTC day are notified;
//! - the recipient is, in order: the preferred email from the account
//!   settings; else the contact of the profile location for the lead's
//!   country (or, if that location has no contact, its profile's contact);
//!   else the contact of the profile for the lead's region; else nobody, and
//!   the lead is reported as unrouted;
//! - per recipient, up to [`MAX_INDIVIDUAL_EMAILS_PER_DAY`] leads come as one
//!   email each; **more** than that come as one digest instead (10 leads: 10
//!   emails; 11 leads: 1 digest).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::referral::{CallToAction, Referral};
use crate::values::CountryCode;

/// A recipient gets at most this many single-lead emails a day; beyond it, one digest.
pub const MAX_INDIVIDUAL_EMAILS_PER_DAY: usize = 10;

/// The partner's presence in one region: who to contact, what they do, whom they want.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BusinessProfile {
    /// The region this profile covers, as leads name it (`customerProfile.address.region`).
    pub region: String,
    /// The region's default contact, for leads whose country has no location of its own.
    pub contact_email: String,
    #[serde(default)]
    pub locations: Vec<ProfileLocation>,
    /// Words describing the partner's expertise.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Customer company sizes the partner wants (as `customerProfile.size` spells them).
    #[serde(default)]
    pub preferred_company_sizes: Vec<String>,
}

/// A country where the partner does business within a profile's region, with its contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileLocation {
    pub country: CountryCode,
    pub contact_email: String,
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
    /// All of a recipient's new leads of `day`, because there were too many for single emails.
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

/// The emails to send for a day, and the leads nobody could be found for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationPlan {
    /// Ordered by recipient address, then by each lead's creation time and ID.
    pub notifications: Vec<Notification>,
    /// IDs of notifiable leads without a recipient (no preferred email, no
    /// matching location or region), ordered by creation time and ID; worth
    /// showing to the partner admin so they can complete their business profiles.
    pub unrouted: Vec<String>,
}

/// Plans the new-lead emails of `day` (UTC). See the module documentation for the rules.
pub fn plan_notifications(
    new_leads: &[Referral],
    profiles: &[BusinessProfile],
    preferred_email: Option<&str>,
    day: NaiveDate,
) -> NotificationPlan {
    let preferred_email = preferred_email.map(str::trim).filter(|e| !e.is_empty());
    let mut notifiable: Vec<&Referral> = new_leads
        .iter()
        .filter(|lead| is_notified(lead, day))
        .collect();
    // Sorted once, so every list below keeps creation order whatever order the caller used.
    notifiable.sort_by(|a, b| (a.created_date_time, &a.id).cmp(&(b.created_date_time, &b.id)));
    let mut seen = BTreeSet::new();
    notifiable.retain(|lead| seen.insert(lead.id.as_str()));

    let mut by_recipient: BTreeMap<&str, Vec<&Referral>> = BTreeMap::new();
    let mut plan = NotificationPlan::default();
    for lead in notifiable {
        match preferred_email.or_else(|| profile_contact(lead, profiles)) {
            Some(to) => by_recipient.entry(to).or_default().push(lead),
            None => plan.unrouted.push(lead.id.clone()),
        }
    }

    for (to, leads) in by_recipient {
        if leads.len() > MAX_INDIVIDUAL_EMAILS_PER_DAY {
            plan.notifications.push(Notification::Digest {
                to: to.to_owned(),
                referral_ids: leads.iter().map(|lead| lead.id.clone()).collect(),
                day,
            });
        } else {
            plan.notifications
                .extend(leads.iter().map(|lead| Notification::Individual {
                    to: to.to_owned(),
                    referral_id: lead.id.clone(),
                }));
        }
    }
    plan
}

/// Email notifications are for Contact me leads only, on the day they arrive.
fn is_notified(lead: &Referral, day: NaiveDate) -> bool {
    lead.call_to_action == Some(CallToAction::ContactMe)
        && lead.created_date_time.date_naive() == day
}

/// The business profile contact for a lead: its country's location first, then its region.
fn profile_contact<'p>(lead: &Referral, profiles: &'p [BusinessProfile]) -> Option<&'p str> {
    let address = &lead.customer_profile.address;
    let by_location = CountryCode::parse("country", &address.country)
        .ok()
        .and_then(|country| {
            profiles.iter().find_map(|profile| {
                let location = profile.locations.iter().find(|l| l.country == country)?;
                // A location without its own contact falls back to its region's contact.
                non_blank(&location.contact_email).or_else(|| non_blank(&profile.contact_email))
            })
        });
    by_location.or_else(|| {
        let region = address
            .region
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())?;
        profiles
            .iter()
            .filter(|profile| profile.region.trim().eq_ignore_ascii_case(region))
            .find_map(|profile| non_blank(&profile.contact_email))
    })
}

fn non_blank(email: &str) -> Option<&str> {
    Some(email.trim()).filter(|e| !e.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::referral::*;
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

    fn europe() -> BusinessProfile {
        BusinessProfile {
            region: "Europe".into(),
            contact_email: "europe@partner.example".into(),
            locations: vec![
                ProfileLocation {
                    country: country("DE"),
                    contact_email: "berlin@partner.example".into(),
                },
                ProfileLocation {
                    country: country("FR"),
                    contact_email: "paris@partner.example".into(),
                },
            ],
            keywords: vec!["ERP".into()],
            preferred_company_sizes: vec!["100to999employees".into()],
        }
    }

    fn individual(to: &str, id: &str) -> Notification {
        Notification::Individual {
            to: to.into(),
            referral_id: id.into(),
        }
    }

    #[test]
    fn a_lead_goes_to_the_contact_of_the_location_for_its_country() {
        let plan = plan_notifications(&[lead("r-1")], &[europe()], None, day());
        assert_eq!(
            plan.notifications,
            vec![individual("berlin@partner.example", "r-1")]
        );
        assert!(plan.unrouted.is_empty());
    }

    #[test]
    fn the_preferred_email_takes_precedence_over_the_business_profile() {
        let plan = plan_notifications(
            &[lead("r-1")],
            &[europe()],
            Some(" me@partner.example "),
            day(),
        );
        assert_eq!(
            plan.notifications,
            vec![individual("me@partner.example", "r-1")]
        );
    }

    #[test]
    fn a_blank_preferred_email_is_no_preference() {
        let plan = plan_notifications(&[lead("r-1")], &[europe()], Some("  "), day());
        assert_eq!(
            plan.notifications,
            vec![individual("berlin@partner.example", "r-1")]
        );
    }

    #[test]
    fn the_country_matches_whatever_its_case() {
        let mut lead = lead("r-1");
        lead.customer_profile.address.country = "fr".into();
        let plan = plan_notifications(&[lead], &[europe()], None, day());
        assert_eq!(
            plan.notifications,
            vec![individual("paris@partner.example", "r-1")]
        );
    }

    #[test]
    fn a_location_without_a_contact_falls_back_to_its_regions_contact() {
        let mut profile = europe();
        profile.locations[0].contact_email = String::new();
        let mut lead = lead("r-1");
        lead.customer_profile.address.region = None;
        let plan = plan_notifications(&[lead], &[profile], None, day());
        assert_eq!(
            plan.notifications,
            vec![individual("europe@partner.example", "r-1")]
        );
    }

    #[test]
    fn a_country_without_a_location_goes_to_the_contact_of_the_leads_region() {
        let mut lead = lead("r-1");
        lead.customer_profile.address.country = "AT".into();
        lead.customer_profile.address.region = Some("europe".into());
        let plan = plan_notifications(&[lead], &[europe()], None, day());
        assert_eq!(
            plan.notifications,
            vec![individual("europe@partner.example", "r-1")]
        );
    }

    #[test]
    fn a_lead_without_a_recipient_is_reported_as_unrouted() {
        let mut tokyo = lead("r-1");
        tokyo.customer_profile.address.country = "JP".into();
        tokyo.customer_profile.address.region = Some("Asia".into());
        let plan = plan_notifications(&[tokyo], &[europe()], None, day());
        assert!(plan.notifications.is_empty());
        assert_eq!(plan.unrouted, vec!["r-1".to_owned()]);

        let plan = plan_notifications(&[lead("r-2")], &[], None, day());
        assert_eq!(plan.unrouted, vec!["r-2".to_owned()]);
    }

    #[test]
    fn only_contact_me_leads_are_emailed() {
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
            all.push(other);
        }
        let mut without = lead("no-call-to-action");
        without.call_to_action = None;
        all.push(without);
        let plan = plan_notifications(&all, &[europe()], None, day());
        assert_eq!(
            plan.notifications,
            vec![individual("berlin@partner.example", "contact-me")]
        );
        assert!(plan.unrouted.is_empty());
    }

    #[test]
    fn only_leads_created_on_the_day_in_utc_are_emailed() {
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
            None,
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
        let plan = plan_notifications(&leads(10), &[europe()], None, day());
        assert_eq!(plan.notifications.len(), 10);
        assert!(
            plan.notifications
                .iter()
                .all(|n| matches!(n, Notification::Individual { .. }))
        );
    }

    #[test]
    fn eleven_leads_for_one_recipient_are_one_digest() {
        let plan = plan_notifications(&leads(11), &[europe()], None, day());
        assert_eq!(
            plan.notifications,
            vec![Notification::Digest {
                to: "berlin@partner.example".into(),
                referral_ids: (0..11).map(|i| format!("r-{i:02}")).collect(),
                day: day(),
            }]
        );
    }

    #[test]
    fn the_digest_limit_counts_per_recipient() {
        let mut all = leads(11);
        for lead in &mut all[..6] {
            lead.customer_profile.address.country = "FR".into();
        }
        let plan = plan_notifications(&all, &[europe()], None, day());
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
            None,
            day(),
        );
        let backward = plan_notifications(&[paris, early, late], &[europe()], None, day());
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
        let plan = plan_notifications(&[lead("r-1"), lead("r-1")], &[europe()], None, day());
        assert_eq!(plan.notifications.len(), 1);
    }

    #[test]
    fn profiles_and_notifications_use_camel_case_json() {
        let profile: BusinessProfile = serde_json::from_value(serde_json::json!({
            "region": "Europe",
            "contactEmail": "europe@partner.example",
            "locations": [{ "country": "de", "contactEmail": "berlin@partner.example" }],
            "keywords": ["ERP"],
            "preferredCompanySizes": ["100to999employees"]
        }))
        .unwrap();
        assert_eq!(profile.locations[0].country, country("DE"));
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
}
