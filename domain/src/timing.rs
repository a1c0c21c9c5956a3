//! The clock rules of a referral. `now` is always a parameter: this crate has no clock.
//!
//! Boundaries: a limit is reached *at* the instant (`now >= deadline`): a
//! referral created at 09:00 has expired at 09:00 fourteen days later, and its
//! flame cools at exactly 72 hours.

use chrono::{DateTime, Duration, Months, Utc};
use serde::{Deserialize, Serialize};

use crate::referral::{CallToAction, LeadType, Referral, Status};

/// An Inbox referral not answered within this long after creation expires.
pub const EXPIRY_AFTER: Duration = Duration::days(14);
/// Partners should answer within this long after creation.
pub const RESPONSE_WINDOW: Duration = Duration::hours(24);
/// After this long the "contact now" flame cools to "still worth contacting".
pub const FLAME_HOT_FOR: Duration = Duration::hours(72);
/// Informational offer leads (Get it now, Free trial, Test drive) are archived this long after creation.
pub const OFFER_LEAD_ARCHIVE_AFTER_MONTHS: u32 = 6;

/// When a referral created at `created` expires if nobody answers it.
pub fn expiry_of(created: DateTime<Utc>) -> DateTime<Utc> {
    created + EXPIRY_AFTER
}

/// What is left of a deadline at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", content = "seconds", rename_all = "camelCase")]
pub enum Countdown {
    /// Time left, never zero: at the deadline itself it is `Overdue`.
    Remaining(#[serde(with = "seconds")] Duration),
    /// Past the deadline by this much (zero at the deadline).
    Overdue(#[serde(with = "seconds")] Duration),
}

impl Countdown {
    pub fn until(deadline: DateTime<Utc>, now: DateTime<Utc>) -> Countdown {
        if now < deadline {
            Countdown::Remaining(deadline - now)
        } else {
            Countdown::Overdue(now - deadline)
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Countdown::Overdue(_))
    }
}

/// The flame alert shown when the customer asked to be contacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flame {
    /// The customer did not ask to be contacted (or the referral is closed).
    None,
    /// Asked less than 72 hours ago: contact now.
    Hot,
    /// Asked 72 hours ago or more: still worth contacting.
    Cooled,
}

impl Flame {
    /// The message of the alert, as shown at the top of the lead.
    pub fn message(self) -> Option<&'static str> {
        match self {
            Flame::None => None,
            Flame::Hot => Some("The customer asked to be contacted. Contact them now."),
            Flame::Cooled => Some(
                "The customer asked to be contacted more than 72 hours ago. They are still worth contacting.",
            ),
        }
    }
}

/// Returns `true` when the lead is informational: offer leads whose call to action
/// is Get it now, Free trial or Test drive need no answer.
pub fn is_informational(referral: &Referral) -> bool {
    referral.lead_type == Some(LeadType::Offer)
        && matches!(
            referral.call_to_action,
            Some(CallToAction::GetItNow | CallToAction::FreeTrial | CallToAction::TestDrive)
        )
}

impl Referral {
    /// Whether the referral waits for the partner's answer (Inbox, not informational).
    pub fn awaits_answer(&self) -> bool {
        self.status == Status::New && !is_informational(self)
    }

    /// The 24-hour window to answer, for referrals that await an answer.
    pub fn response_window(&self, now: DateTime<Utc>) -> Option<Countdown> {
        self.awaits_answer()
            .then(|| Countdown::until(self.created_date_time + RESPONSE_WINDOW, now))
    }

    /// Time until an unanswered referral expires.
    pub fn expiry(&self, now: DateTime<Utc>) -> Option<Countdown> {
        self.awaits_answer()
            .then(|| Countdown::until(self.expiration_date_time, now))
    }

    /// Whether an unanswered Inbox referral is due to expire at `now`.
    pub fn is_overdue_for_expiry(&self, now: DateTime<Utc>) -> bool {
        self.awaits_answer() && now >= self.expiration_date_time
    }

    /// The flame state at `now`.
    pub fn flame(&self, now: DateTime<Utc>) -> Flame {
        if !self.details.customer_requested_contact || self.status == Status::Closed {
            Flame::None
        } else if now - self.created_date_time < FLAME_HOT_FOR {
            Flame::Hot
        } else {
            Flame::Cooled
        }
    }

    /// When an informational offer lead is archived automatically; `None` for leads that need an answer.
    pub fn offer_archive_date(&self) -> Option<DateTime<Utc>> {
        is_informational(self).then(|| {
            self.created_date_time
                .checked_add_months(Months::new(OFFER_LEAD_ARCHIVE_AFTER_MONTHS))
                .unwrap_or(self.created_date_time)
        })
    }
}

mod seconds {
    use chrono::Duration;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(duration: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(duration.num_seconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        i64::deserialize(deserializer).map(Duration::seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{created, referral};
    use crate::referral::{LeadType, Substatus};

    fn at(offset: Duration) -> DateTime<Utc> {
        created() + offset
    }

    fn hot_lead() -> Referral {
        let mut referral = referral("r-flame");
        referral.details.customer_requested_contact = true;
        referral
    }

    fn informational(call_to_action: CallToAction) -> Referral {
        Referral {
            call_to_action: Some(call_to_action),
            lead_type: Some(LeadType::Offer),
            ..referral("r-info")
        }
    }

    #[test]
    fn a_referral_expires_exactly_fourteen_days_after_creation() {
        let referral = referral("r-1");
        assert_eq!(referral.expiration_date_time, at(Duration::days(14)));
        let just_before = at(Duration::days(14) - Duration::seconds(1));
        assert_eq!(
            referral.expiry(just_before),
            Some(Countdown::Remaining(Duration::seconds(1)))
        );
        assert!(!referral.is_overdue_for_expiry(just_before));
        assert_eq!(
            referral.expiry(at(Duration::days(14))),
            Some(Countdown::Overdue(Duration::zero()))
        );
        assert!(referral.is_overdue_for_expiry(at(Duration::days(14))));
    }

    #[test]
    fn the_response_window_is_twenty_four_hours() {
        let referral = referral("r-1");
        assert_eq!(
            referral.response_window(at(Duration::hours(1))),
            Some(Countdown::Remaining(Duration::hours(23)))
        );
        assert!(
            !referral
                .response_window(at(Duration::hours(24) - Duration::seconds(1)))
                .unwrap()
                .is_overdue()
        );
        assert!(
            referral
                .response_window(at(Duration::hours(24)))
                .unwrap()
                .is_overdue()
        );
        assert_eq!(
            referral.response_window(at(Duration::hours(30))),
            Some(Countdown::Overdue(Duration::hours(6)))
        );
    }

    #[test]
    fn only_referrals_awaiting_an_answer_count_down() {
        let accepted = Referral {
            status: Status::Active,
            substatus: Substatus::Accepted,
            ..referral("r-a")
        };
        assert_eq!(accepted.response_window(at(Duration::hours(1))), None);
        assert_eq!(accepted.expiry(at(Duration::hours(1))), None);
        assert!(!accepted.is_overdue_for_expiry(at(Duration::days(30))));
        let offer = informational(CallToAction::FreeTrial);
        assert_eq!(offer.response_window(at(Duration::hours(1))), None);
        assert!(
            !offer.is_overdue_for_expiry(at(Duration::days(30))),
            "informational leads never expire unanswered"
        );
    }

    #[test]
    fn the_flame_is_hot_for_seventy_two_hours_then_cools() {
        let lead = hot_lead();
        assert_eq!(lead.flame(at(Duration::zero())), Flame::Hot);
        assert_eq!(
            lead.flame(at(Duration::hours(72) - Duration::seconds(1))),
            Flame::Hot
        );
        assert_eq!(lead.flame(at(Duration::hours(72))), Flame::Cooled);
        assert_eq!(lead.flame(at(Duration::days(10))), Flame::Cooled);
        assert_ne!(Flame::Hot.message(), Flame::Cooled.message());
        assert!(
            Flame::Cooled
                .message()
                .unwrap()
                .contains("still worth contacting")
        );
    }

    #[test]
    fn no_flame_without_a_request_to_be_contacted_or_once_closed() {
        assert_eq!(referral("r-1").flame(at(Duration::hours(1))), Flame::None);
        let closed = Referral {
            status: Status::Closed,
            substatus: Substatus::Won,
            ..hot_lead()
        };
        assert_eq!(closed.flame(at(Duration::hours(1))), Flame::None);
        assert_eq!(Flame::None.message(), None);
    }

    #[test]
    fn get_it_now_free_trial_and_test_drive_offer_leads_are_informational() {
        for call_to_action in [
            CallToAction::GetItNow,
            CallToAction::FreeTrial,
            CallToAction::TestDrive,
        ] {
            assert!(
                is_informational(&informational(call_to_action)),
                "{call_to_action:?}"
            );
        }
        assert!(!is_informational(&informational(CallToAction::ContactMe)));
        let profile_lead = Referral {
            lead_type: Some(LeadType::Profile),
            ..informational(CallToAction::FreeTrial)
        };
        assert!(!is_informational(&profile_lead), "only offer leads");
    }

    #[test]
    fn informational_offer_leads_are_archived_six_calendar_months_after_creation() {
        assert_eq!(
            informational(CallToAction::TestDrive).offer_archive_date(),
            Some(chrono::TimeZone::with_ymd_and_hms(&Utc, 2027, 5, 20, 9, 0, 0).unwrap())
        );
        assert_eq!(
            referral("r-1").offer_archive_date(),
            None,
            "Contact me leads follow the full lifecycle"
        );
    }

    #[test]
    fn countdowns_serialise_as_state_and_seconds() {
        let json = serde_json::to_value(Countdown::Remaining(Duration::minutes(90))).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "state": "remaining", "seconds": 5400 })
        );
    }
}
