//! The in-app notification centre (the bell, DOMAIN.md §7): which referral deserves
//! which item, and the items as the API hands them out.
//!
//! Rules (pure; `now` is a parameter):
//! - a **new lead** item when a lead arrives that awaits an answer (informational
//!   offer leads need none, so they ring no bell);
//! - a **flame** item while a lead whose customer asked to be contacted still waits in
//!   the Inbox, unanswered and not yet expired;
//! - an **expiring** item once an unanswered lead has [`EXPIRING_WITHIN`] or less left
//!   before it expires (and is not expired yet);
//! - everyone in the organisation hears of its leads: every role reads all of them (§1).
//!
//! Each kind is written at most once per user and referral; reading one is per user.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::access::Role;
use crate::referral::Referral;
use crate::timing::{Countdown, Flame};

/// An unanswered lead with this long or less before it expires gets an "expiring" item.
pub const EXPIRING_WITHIN: Duration = Duration::hours(48);

api_enum! {
    /// Why a notification-centre item is there.
    pub enum NotificationKind {
        /// A lead arrived that awaits an answer.
        NewLead,
        /// The customer asked to be contacted and nobody has answered yet.
        FlameNotContacted,
        /// The lead expires within 48 hours unless someone answers.
        ExpiringSoon,
    }
}

/// The item a newly arrived `referral` deserves, if any.
pub fn on_arrival(referral: &Referral) -> Option<NotificationKind> {
    referral
        .awaits_answer()
        .then_some(NotificationKind::NewLead)
}

/// The reminders (flame, expiring) `referral` deserves at `now`; a job writes each once.
pub fn reminders_due(referral: &Referral, now: DateTime<Utc>) -> Vec<NotificationKind> {
    let Some(Countdown::Remaining(left)) = referral.expiry(now) else {
        // Answered, informational or already expired: nothing left to remind of.
        return Vec::new();
    };
    let mut due = Vec::with_capacity(2);
    if referral.flame(now) != Flame::None {
        due.push(NotificationKind::FlameNotContacted);
    }
    if left <= EXPIRING_WITHIN {
        due.push(NotificationKind::ExpiringSoon);
    }
    due
}

/// The reminders that are no longer true of `referral`: once it awaits no answer
/// (answered, expired) nobody is still waiting and it no longer expires soon. Its new-lead
/// item stays as it is: the lead did arrive.
pub fn settled_reminders(referral: &Referral) -> &'static [NotificationKind] {
    if referral.awaits_answer() {
        &[]
    } else {
        &[
            NotificationKind::FlameNotContacted,
            NotificationKind::ExpiringSoon,
        ]
    }
}

/// Whether a person with `role` gets the organisation's lead items. Every role reads all of
/// the organisation's referrals, so every one hears of them; a new role must decide here.
pub fn is_notified(role: Role) -> bool {
    match role {
        Role::PartnerAdmin
        | Role::ReferralsAdmin
        | Role::ReferralsUser
        | Role::BusinessProfileAdmin
        | Role::Viewer => true,
    }
}

/// One item of a user's notification centre, as `GET /api/v1/notifications` sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NotificationItem {
    pub id: String,
    pub kind: NotificationKind,
    /// The lead the item is about; the item links to it.
    pub referral_id: String,
    /// The lead's customer, to show.
    pub customer_name: String,
    /// The lead's deal name, to show.
    pub deal_name: String,
    pub created_at: DateTime<Utc>,
    /// When the user read it; `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl NotificationItem {
    pub fn is_unread(&self) -> bool {
        self.read_at.is_none()
    }
}

/// A page of a user's items, newest first, with their unread count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NotificationPage {
    pub items: Vec<NotificationItem>,
    /// How many of all the user's items (not only this page's) are unread.
    pub unread: u64,
    /// Send as `before` for the next (older) page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{created, referral};
    use crate::referral::{CallToAction, LeadType, Status, Substatus};
    use crate::timing::{EXPIRY_AFTER, FLAME_HOT_FOR};

    fn at(offset: Duration) -> DateTime<Utc> {
        created() + offset
    }

    fn flame_lead() -> Referral {
        let mut lead = referral("r-flame");
        lead.details.customer_requested_contact = true;
        lead
    }

    fn accepted(lead: Referral) -> Referral {
        Referral {
            status: Status::Active,
            substatus: Substatus::Accepted,
            ..lead
        }
    }

    fn informational(lead: Referral) -> Referral {
        Referral {
            lead_type: Some(LeadType::Offer),
            call_to_action: Some(CallToAction::FreeTrial),
            ..lead
        }
    }

    #[test]
    fn a_new_lead_that_awaits_an_answer_rings_the_bell() {
        assert_eq!(
            on_arrival(&referral("r-1")),
            Some(NotificationKind::NewLead)
        );
        assert_eq!(on_arrival(&informational(referral("r-2"))), None);
        assert_eq!(on_arrival(&accepted(referral("r-3"))), None);
    }

    #[test]
    fn a_flame_lead_is_a_reminder_until_answered_hot_or_cooled() {
        let lead = flame_lead();
        for offset in [Duration::zero(), FLAME_HOT_FOR, Duration::days(5)] {
            assert_eq!(
                reminders_due(&lead, at(offset)),
                [NotificationKind::FlameNotContacted],
                "{offset:?}"
            );
        }
        assert!(reminders_due(&accepted(flame_lead()), at(Duration::hours(1))).is_empty());
        assert!(reminders_due(&referral("r-plain"), at(Duration::hours(1))).is_empty());
    }

    #[test]
    fn expiring_starts_exactly_forty_eight_hours_before_expiry_and_ends_at_it() {
        let lead = referral("r-1");
        let window_opens = at(EXPIRY_AFTER - EXPIRING_WITHIN);
        assert!(reminders_due(&lead, window_opens - Duration::seconds(1)).is_empty());
        assert_eq!(
            reminders_due(&lead, window_opens),
            [NotificationKind::ExpiringSoon]
        );
        assert_eq!(
            reminders_due(&lead, at(EXPIRY_AFTER - Duration::seconds(1))),
            [NotificationKind::ExpiringSoon]
        );
        assert!(
            reminders_due(&lead, at(EXPIRY_AFTER)).is_empty(),
            "an expired lead is archived, not reminded of"
        );
    }

    #[test]
    fn a_flame_lead_about_to_expire_deserves_both() {
        assert_eq!(
            reminders_due(&flame_lead(), at(Duration::days(13))),
            [
                NotificationKind::FlameNotContacted,
                NotificationKind::ExpiringSoon
            ]
        );
    }

    #[test]
    fn informational_leads_are_never_reminded_of() {
        let mut lead = informational(flame_lead());
        lead.expiration_date_time = at(Duration::hours(1));
        assert!(reminders_due(&lead, created()).is_empty());
    }

    #[test]
    fn every_role_hears_of_the_organisations_leads() {
        assert!(Role::ALL.iter().all(|role| is_notified(*role)));
    }

    #[test]
    fn items_serialise_in_the_apis_shape() {
        let item = NotificationItem {
            id: "n-1".to_owned(),
            kind: NotificationKind::FlameNotContacted,
            referral_id: "r-1".to_owned(),
            customer_name: "Contoso".to_owned(),
            deal_name: "ERP".to_owned(),
            created_at: created(),
            read_at: None,
        };
        let json = serde_json::to_value(&item).unwrap();
        assert_eq!(json["kind"], "FlameNotContacted");
        assert_eq!(json["referralId"], "r-1");
        assert_eq!(json["readAt"], serde_json::Value::Null);
        assert_eq!(
            serde_json::from_value::<NotificationItem>(json).unwrap(),
            item
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the lead and the moment: a reminder only for a lead that awaits an
            /// answer and has not expired; a flame one exactly when the customer asked;
            /// an expiring one exactly within the last 48 hours.
            #[test]
            fn reminders_follow_the_lifecycle_and_the_clock(
                minutes in -60i64..(20 * 24 * 60),
                asked in any::<bool>(),
                answered in any::<bool>(),
                offer in any::<bool>(),
            ) {
                let mut lead = referral("r-p");
                lead.details.customer_requested_contact = asked;
                if answered {
                    lead = accepted(lead);
                }
                if offer {
                    lead = informational(lead);
                }
                let now = at(Duration::minutes(minutes));
                let due = reminders_due(&lead, now);
                let live = lead.awaits_answer() && now < lead.expiration_date_time;
                prop_assert_eq!(
                    due.contains(&NotificationKind::FlameNotContacted),
                    live && asked
                );
                prop_assert_eq!(
                    due.contains(&NotificationKind::ExpiringSoon),
                    live && lead.expiration_date_time - now <= EXPIRING_WITHIN
                );
                prop_assert!(!due.contains(&NotificationKind::NewLead));
                // Each kind at most once.
                let mut kinds = due.clone();
                kinds.dedup();
                prop_assert_eq!(kinds.len(), due.len());
            }
        }
    }
}
