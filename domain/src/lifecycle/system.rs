//! The system's own transitions, where nobody acts and time runs out: an unanswered
//! Inbox referral expires 14 days after creation, an informational offer lead is
//! archived 6 months after creation. Both close as Closed/Expired by [`Actor::System`];
//! the clock rules themselves live in [`crate::timing`].

use chrono::{DateTime, Utc};

use super::transitions::move_to;
use crate::referral::{Actor, Referral, Status, Substatus};

/// Why an unanswered referral was closed automatically.
pub const EXPIRED_REASON: &str = "Not answered within 14 days";
/// Why an informational offer lead was closed automatically.
pub const INFORMATIONAL_ARCHIVED_REASON: &str = "Informational offer lead archived after 6 months";

fn close_by_system(referral: &Referral, now: DateTime<Utc>, reason: &str) -> Referral {
    let mut next = referral.clone();
    next.status_reason = Some(reason.to_owned());
    next.closed_date_time = Some(now);
    move_to(
        &mut next,
        Status::Closed,
        Substatus::Expired,
        &Actor::System,
        now,
        Some(reason.to_owned()),
    );
    next
}

/// New and unanswered for 14 days → Closed/Expired by the system; `None` when not due.
pub fn expire_if_overdue(referral: &Referral, now: DateTime<Utc>) -> Option<Referral> {
    referral
        .is_overdue_for_expiry(now)
        .then(|| close_by_system(referral, now, EXPIRED_REASON))
}

/// Informational offer leads 6 months old → Closed/Expired by the system; `None` when not due.
pub fn archive_if_informational_and_due(
    referral: &Referral,
    now: DateTime<Utc>,
) -> Option<Referral> {
    archive_date(referral)
        .is_some_and(|date| now >= date)
        .then(|| close_by_system(referral, now, INFORMATIONAL_ARCHIVED_REASON))
}

/// When an informational offer lead is archived, while it is still open: one place for
/// "open", so [`archive_if_informational_and_due`] and [`next_due`] cannot disagree.
fn archive_date(referral: &Referral) -> Option<DateTime<Utc>> {
    referral
        .offer_archive_date()
        .filter(|_| referral.status != Status::Closed)
}

/// When a system job next has to look at this referral: its expiry while it awaits an answer,
/// its archive date while it is an open informational offer lead; `None` when no job will change it.
///
/// The server stores it as an indexed due time, so its background job finds the referrals
/// due without scanning every one. The two cases never overlap (an informational lead awaits
/// no answer).
pub fn next_due(referral: &Referral) -> Option<DateTime<Utc>> {
    // The instant `Referral::is_overdue_for_expiry` turns true.
    let expiry = referral
        .awaits_answer()
        .then_some(referral.expiration_date_time);
    expiry.or_else(|| archive_date(referral))
}

/// The system's transition due at `now` (expiry, or the 6-month informational archive), through
/// `expire_if_overdue` / `archive_if_informational_and_due`; `None` when nothing is due.
///
/// The job calls this on the referrals whose [`next_due`] has come: it closes exactly when
/// `next_due(referral)` is at or before `now`, and what it returns is closed, so never due again.
pub fn close_if_due(referral: &Referral, now: DateTime<Utc>) -> Option<Referral> {
    expire_if_overdue(referral, now).or_else(|| archive_if_informational_and_due(referral, now))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use proptest::prelude::*;

    use super::*;
    use crate::lifecycle::fixtures::{accepted_referral, inbox_referral, now};
    use crate::referral::{CallToAction, LeadType};

    #[test]
    fn an_unanswered_referral_expires_at_14_days_by_the_system() {
        let referral = inbox_referral(Duration::days(14) - Duration::seconds(1));
        assert_eq!(expire_if_overdue(&referral, now()), None);
        let referral = inbox_referral(Duration::days(14));
        let next = expire_if_overdue(&referral, now()).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Expired)
        );
        assert_eq!(next.closed_date_time, Some(now()));
        let change = next.status_history.last().unwrap();
        assert_eq!(change.by, Actor::System);
        assert_eq!(change.reason.as_deref(), Some(EXPIRED_REASON));
    }

    #[test]
    fn answered_and_informational_referrals_never_expire() {
        let later = now() + Duration::days(30);
        assert_eq!(expire_if_overdue(&accepted_referral("1"), later), None);
        let mut informational = inbox_referral(Duration::days(20));
        informational.call_to_action = Some(CallToAction::FreeTrial);
        assert_eq!(expire_if_overdue(&informational, now()), None);
        let closed = expire_if_overdue(&inbox_referral(Duration::days(20)), now()).unwrap();
        assert_eq!(expire_if_overdue(&closed, later), None, "expires once");
    }

    #[test]
    fn informational_offer_leads_are_archived_after_6_months() {
        let mut referral = inbox_referral(Duration::days(1));
        referral.call_to_action = Some(CallToAction::TestDrive);
        let due = referral.offer_archive_date().unwrap();
        assert_eq!(
            archive_if_informational_and_due(&referral, due - Duration::seconds(1)),
            None
        );
        let next = archive_if_informational_and_due(&referral, due).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Expired)
        );
        let change = next.status_history.last().unwrap();
        assert_eq!(change.by, Actor::System);
        assert_eq!(
            change.reason.as_deref(),
            Some(INFORMATIONAL_ARCHIVED_REASON)
        );
        assert_eq!(
            archive_if_informational_and_due(&next, due + Duration::days(1)),
            None
        );
    }

    #[test]
    fn contact_me_leads_are_not_archived_as_informational() {
        let referral = inbox_referral(Duration::days(1));
        assert_eq!(
            archive_if_informational_and_due(&referral, now() + Duration::days(400)),
            None
        );
    }

    fn informational_lead() -> Referral {
        let mut referral = inbox_referral(Duration::days(1));
        referral.call_to_action = Some(CallToAction::FreeTrial);
        referral
    }

    #[test]
    fn an_inbox_lead_is_due_at_its_expiry_and_closed_then() {
        let referral = inbox_referral(Duration::days(1));
        let due = next_due(&referral).expect("an unanswered lead expires");
        assert_eq!(due, referral.expiration_date_time);
        assert_eq!(close_if_due(&referral, due - Duration::seconds(1)), None);
        let closed = close_if_due(&referral, due).expect("due at its expiry");
        assert_eq!(
            (closed.status, closed.substatus),
            (Status::Closed, Substatus::Expired)
        );
        assert_eq!(closed.status_reason.as_deref(), Some(EXPIRED_REASON));
        assert_eq!(next_due(&closed), None, "a closed lead is never due again");
    }

    #[test]
    fn an_informational_offer_lead_is_due_at_its_archive_date_not_its_expiry() {
        let referral = informational_lead();
        let due = next_due(&referral).expect("an open informational lead is archived");
        assert_eq!(Some(due), referral.offer_archive_date());
        assert_eq!(
            close_if_due(&referral, referral.expiration_date_time),
            None,
            "informational leads never expire unanswered"
        );
        assert_eq!(close_if_due(&referral, due - Duration::seconds(1)), None);
        let closed = close_if_due(&referral, due).expect("due at its archive date");
        assert_eq!(
            (closed.status, closed.substatus),
            (Status::Closed, Substatus::Expired)
        );
        assert_eq!(
            closed.status_reason.as_deref(),
            Some(INFORMATIONAL_ARCHIVED_REASON)
        );
        assert_eq!(next_due(&closed), None, "a closed lead is never due again");
    }

    #[test]
    fn accepted_and_closed_leads_are_never_due() {
        let long_after = now() + Duration::days(400);
        let accepted = accepted_referral("100");
        assert_eq!(next_due(&accepted), None);
        assert_eq!(close_if_due(&accepted, long_after), None);
        for substatus in [
            Substatus::Won,
            Substatus::Lost,
            Substatus::Declined,
            Substatus::Expired,
        ] {
            for lead in [inbox_referral(Duration::days(1)), informational_lead()] {
                let closed = Referral {
                    status: Status::Closed,
                    substatus,
                    ..lead
                };
                assert_eq!(next_due(&closed), None, "{substatus}");
                assert_eq!(close_if_due(&closed, long_after), None, "{substatus}");
            }
        }
    }

    const YEAR_IN_SECONDS: i64 = 366 * 24 * 60 * 60;

    /// Any referral a job may meet: every status pair (also ones the lifecycle never
    /// produces), informational or not, and a stored expiry that need not be creation + 14 days.
    fn arbitrary_referral() -> impl Strategy<Value = Referral> {
        (
            proptest::sample::select(Status::ALL),
            proptest::sample::select(Substatus::ALL),
            proptest::option::of(proptest::sample::select(LeadType::ALL)),
            proptest::option::of(proptest::sample::select(CallToAction::ALL)),
            -YEAR_IN_SECONDS..YEAR_IN_SECONDS,
            0i64..30 * 24 * 60 * 60,
        )
            .prop_map(
                |(status, substatus, lead_type, call_to_action, created, expires_after)| {
                    let created = now() + Duration::seconds(created);
                    Referral {
                        status,
                        substatus,
                        lead_type,
                        call_to_action,
                        created_date_time: created,
                        updated_date_time: created,
                        expiration_date_time: created + Duration::seconds(expires_after),
                        ..inbox_referral(Duration::zero())
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn close_if_due_closes_exactly_when_next_due_has_come_and_then_never_again(
            referral in arbitrary_referral(),
            // Near creation, expiry or archive date: to the second, or anywhere within a year.
            anchor in 0usize..3,
            offset in prop_oneof![-2i64..=2, -YEAR_IN_SECONDS..YEAR_IN_SECONDS],
        ) {
            let anchors = [
                referral.created_date_time,
                referral.expiration_date_time,
                referral.offer_archive_date().unwrap_or(referral.created_date_time),
            ];
            let now = anchors[anchor] + Duration::seconds(offset);
            let closed = close_if_due(&referral, now);
            prop_assert_eq!(
                closed.is_some(),
                next_due(&referral).is_some_and(|due| now >= due)
            );
            if let Some(next) = closed {
                prop_assert_eq!(next.status, Status::Closed);
                prop_assert_eq!(next_due(&next), None);
            }
        }
    }
}
