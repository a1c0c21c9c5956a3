//! The lifecycle as a whole: every action from every state, the words of a refusal,
//! and properties of any sequence of actions and system transitions.

use chrono::{DateTime, Duration, Utc};

use super::fixtures::*;
use super::*;
use crate::referral::{CallToAction, Referral, Status, Substatus};
use crate::registration::{ExchangeRates, RegistrationForm};

fn illegal(result: Result<Referral, LifecycleError>) -> IllegalTransition {
    match result {
        Err(LifecycleError::IllegalTransition(illegal)) => illegal,
        other => panic!("expected an illegal transition, got {other:?}"),
    }
}

// --- Every action from every state -------------------------------------------

/// Tries `action` on `referral` with a valid command.
fn attempt(referral: &Referral, action: Action) -> Result<Referral, LifecycleError> {
    attempt_at(referral, action, now())
}

fn attempt_at(
    referral: &Referral,
    action: Action,
    at: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    let actor = user();
    match action {
        Action::Accept => accept(referral, accept_command("100"), &actor, at),
        Action::Decline => decline(
            referral,
            reason(DeclineReason::NotACustomer, ""),
            &actor,
            at,
        ),
        Action::Edit => edit(
            referral,
            EditForm {
                deal: deal_form("200", "USD"),
            }
            .parse_for(referral, now())
            .unwrap(),
            &actor,
            at,
        ),
        Action::AddTeamMember => add_team_member(
            referral,
            NewTeamMember {
                first_name: "Lea".to_owned(),
                last_name: "Braun".to_owned(),
                email: "lea@fabrikam.example".to_owned(),
                phone_number: String::new(),
            }
            .parse()
            .unwrap(),
            &actor,
            at,
        ),
        Action::Won => won(
            referral,
            Won {
                deal_registration: None,
            },
            &actor,
            at,
        ),
        Action::Lost => lost(
            referral,
            reason(DeclineReason::NotACustomer, ""),
            &actor,
            at,
        ),
    }
}

fn in_state(status: Status, substatus: Substatus) -> Referral {
    let mut referral = inbox_referral(Duration::days(1));
    referral.status = status;
    referral.substatus = substatus;
    referral
}

/// (state, referral, allowed actions, why Inbox actions are blocked, why Accepted-stage actions are blocked)
type Case = (
    &'static str,
    Referral,
    Vec<Action>,
    Option<Blocked>,
    Option<Blocked>,
);

#[test]
fn every_action_from_every_state_is_allowed_exactly_as_the_lifecycle_says() {
    use Action::*;
    let mut informational = inbox_referral(Duration::days(1));
    informational.call_to_action = Some(CallToAction::GetItNow);
    let cases: Vec<Case> = vec![
        // (state, referral, allowed, blocked for inbox actions, blocked for accepted actions)
        (
            "New/Received",
            in_state(Status::New, Substatus::Received),
            vec![Accept, Decline],
            None,
            Some(Blocked::NotYetAccepted),
        ),
        (
            "New/Pending",
            in_state(Status::New, Substatus::Pending),
            vec![Accept, Decline],
            None,
            Some(Blocked::NotYetAccepted),
        ),
        (
            "Active/Accepted",
            in_state(Status::Active, Substatus::Accepted),
            vec![Edit, AddTeamMember, Won, Lost],
            Some(Blocked::AlreadyAccepted),
            None,
        ),
        (
            "Closed/Won",
            in_state(Status::Closed, Substatus::Won),
            vec![],
            Some(Blocked::Archived),
            Some(Blocked::Archived),
        ),
        (
            "Closed/Lost",
            in_state(Status::Closed, Substatus::Lost),
            vec![],
            Some(Blocked::Archived),
            Some(Blocked::Archived),
        ),
        (
            "Closed/Declined",
            in_state(Status::Closed, Substatus::Declined),
            vec![],
            Some(Blocked::Archived),
            Some(Blocked::Archived),
        ),
        (
            "Closed/Expired",
            in_state(Status::Closed, Substatus::Expired),
            vec![],
            Some(Blocked::Archived),
            Some(Blocked::Archived),
        ),
        (
            "informational",
            informational,
            vec![],
            Some(Blocked::Informational),
            Some(Blocked::Informational),
        ),
        (
            "New/Won (never produced)",
            in_state(Status::New, Substatus::Won),
            vec![],
            Some(Blocked::UnknownState),
            Some(Blocked::UnknownState),
        ),
    ];
    for (state, referral, allowed, inbox_blocked, accepted_blocked) in cases {
        assert_eq!(allowed_actions(&referral), allowed, "allowed in {state}");
        for action in Action::ALL.iter().copied() {
            let result = attempt(&referral, action);
            if allowed.contains(&action) {
                assert!(result.is_ok(), "{action} from {state}: {result:?}");
                continue;
            }
            let expected = if matches!(action, Accept | Decline) {
                inbox_blocked
            } else {
                accepted_blocked
            };
            let illegal = illegal(result);
            assert_eq!(Some(illegal.blocked), expected, "{action} from {state}");
            assert_eq!(illegal.action, action);
            assert_eq!(
                (illegal.status, illegal.substatus),
                (referral.status, referral.substatus)
            );
        }
    }
}

#[test]
fn archived_referrals_say_so_in_words() {
    let declined = in_state(Status::Closed, Substatus::Declined);
    let error = attempt(&declined, Action::Edit).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This referral is already archived (Declined); archived referrals accept no actions."
    );
    // Each language names the state in its own words, not the API's.
    let german = crate::i18n::Catalogue::parse(
        crate::i18n::Locale::German,
        crate::i18n::bundled_sources(crate::i18n::Locale::German),
    )
    .unwrap();
    let LifecycleError::IllegalTransition(illegal) = error else {
        panic!("not an illegal transition: {error}");
    };
    assert_eq!(
        illegal.explanation().in_words(&german).unwrap(),
        "Diese Empfehlung ist bereits archiviert (Abgelehnt); archivierte Empfehlungen lassen keine Aktionen mehr zu."
    );
}

#[test]
fn illegal_moves_say_what_to_do_instead() {
    let inbox = in_state(Status::New, Substatus::Received);
    assert_eq!(
        illegal(attempt(&inbox, Action::Won)).message(),
        "This referral is still in the Inbox; accept it before you mark it as won."
    );
    let accepted = in_state(Status::Active, Substatus::Accepted);
    assert_eq!(
        illegal(attempt(&accepted, Action::Decline)).message(),
        "This referral is already accepted; to close it, mark it as won or lost."
    );
    assert_eq!(
        illegal(attempt(&accepted, Action::Accept)).message(),
        "This referral is already accepted."
    );
    let mut informational = inbox;
    informational.call_to_action = Some(CallToAction::FreeTrial);
    assert!(
        illegal(attempt(&informational, Action::Accept))
            .message()
            .starts_with("This is an informational offer lead")
    );
}

#[test]
fn an_inbox_referral_past_its_expiry_can_no_longer_be_answered() {
    let overdue = inbox_referral(Duration::days(15));
    assert_eq!(
        allowed_actions(&overdue),
        vec![Action::Accept, Action::Decline]
    );
    assert_eq!(allowed_actions_at(&overdue, now()), vec![]);
    for action in [Action::Accept, Action::Decline] {
        assert_eq!(illegal(attempt(&overdue, action)).blocked, Blocked::Overdue);
    }
    let fresh = inbox_referral(Duration::days(13));
    assert_eq!(
        allowed_actions_at(&fresh, now()),
        vec![Action::Accept, Action::Decline]
    );
}

#[test]
fn a_refused_action_leaves_the_referral_untouched() {
    let declined = decline(
        &inbox_referral(Duration::days(1)),
        reason(DeclineReason::NotACustomer, ""),
        &user(),
        now(),
    )
    .unwrap();
    let before = declined.clone();
    for action in Action::ALL.iter().copied() {
        assert!(attempt(&declined, action).is_err());
    }
    assert_eq!(
        expire_if_overdue(&declined, now() + Duration::days(30)),
        None
    );
    assert_eq!(declined, before);
}

// --- Properties --------------------------------------------------------------

#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Expire,
    Archive,
    Wait(i64),
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        proptest::sample::select(Action::ALL.to_vec()).prop_map(Step::Act),
        Just(Step::Expire),
        Just(Step::Archive),
        (0i64..24 * 60).prop_map(Step::Wait),
    ]
}

/// Runs `action` at `at` with valid input, a registration included when needed.
fn run(referral: &Referral, action: Action, at: DateTime<Utc>) -> Option<Referral> {
    let actor = user();
    let rates = ExchangeRates::usd_only();
    let result = match action {
        Action::Won => {
            let today = at.date_naive();
            let registration = RegistrationForm {
                contract_signed_date: today.to_string(),
                contract_start_date: today.to_string(),
                contract_end_date: (today + Duration::days(365)).to_string(),
                ..registration_form()
            };
            WonForm {
                deal_registration: Some(registration),
            }
            .parse(referral, &rates, at)
            .or_else(|_| WonForm::default().parse(referral, &rates, at))
            .map_err(LifecycleError::from)
            .and_then(|command| won(referral, command, &actor, at))
        }
        Action::Accept => accept(referral, accept_command("30000"), &actor, at),
        other => attempt_at(referral, other, at),
    };
    result.ok()
}

#[test]
fn the_property_runner_reaches_won_with_a_registration() {
    let later = now() + Duration::days(20);
    let accepted = run(&inbox_referral(Duration::hours(1)), Action::Accept, now()).unwrap();
    let closed = run(&accepted, Action::Won, later).unwrap();
    assert_eq!(closed.substatus, Substatus::Won);
    assert!(closed.deal_registration.is_some());
}

proptest::proptest! {
    #[test]
    fn no_sequence_of_actions_leaves_a_terminal_state_and_history_only_grows(
        informational in proptest::bool::ANY,
        steps in proptest::collection::vec(step(), 0..40),
    ) {
        let mut referral = inbox_referral(Duration::hours(1));
        if informational {
            referral.call_to_action = Some(CallToAction::FreeTrial);
        }
        let mut at = now();
        for step in steps {
            let next = match step {
                Step::Act(action) => run(&referral, action, at),
                Step::Expire => expire_if_overdue(&referral, at),
                Step::Archive => archive_if_informational_and_due(&referral, at),
                Step::Wait(hours) => {
                    at += Duration::hours(hours);
                    None
                }
            };
            if let Some(next) = next {
                proptest::prop_assert!(referral.status != Status::Closed, "left a terminal state: {:?}", referral.substatus);
                proptest::prop_assert!(next.status_history.len() >= referral.status_history.len());
                proptest::prop_assert_eq!(&next.status_history[..referral.status_history.len()], &referral.status_history[..]);
                proptest::prop_assert_eq!(&next.e_tag, &referral.e_tag);
                if next.status != referral.status || next.substatus != referral.substatus {
                    proptest::prop_assert_eq!(next.status_history.len(), referral.status_history.len() + 1);
                }
                referral = next;
            }
            if informational {
                proptest::prop_assert!(referral.status != Status::Active, "informational leads are never accepted");
            }
        }
    }
}
