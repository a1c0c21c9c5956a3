//! The partner's transitions: each takes the referral, the validated command, the
//! [`Actor`] and `now`, checks the action is possible, and returns the next referral.

use chrono::{DateTime, Utc};

use super::deal::{CustomerContact, Deal, PastClosingDate, TeamMember};
use super::forms::{Accept, Edit, Won};
use super::reason::Reason;
use super::{Action, LifecycleError, permit};
use crate::referral::{Actor, Referral, Status, StatusChange, Substatus};
use crate::validation::{FieldError, FieldErrors};

/// Records a move to `status`/`substatus` in the history.
pub(super) fn move_to(
    referral: &mut Referral,
    status: Status,
    substatus: Substatus,
    actor: &Actor,
    now: DateTime<Utc>,
    reason: Option<String>,
) {
    referral.status = status;
    referral.substatus = substatus;
    referral.updated_date_time = now;
    referral.status_history.push(StatusChange {
        at: now,
        by: actor.clone(),
        status,
        substatus,
        reason,
    });
}

fn write_deal(referral: &mut Referral, deal: Deal) {
    referral.name = deal.name.as_str().to_owned();
    referral.details.deal_value = Some(deal.deal_value.amount);
    referral.details.currency = Some(deal.deal_value.currency.as_str().to_owned());
    referral.details.closing_date_time = Some(deal.closing_date.start_utc());
    referral.team = deal
        .team
        .0
        .into_iter()
        .map(TeamMember::into_contact)
        .collect();
    referral.details.notes = deal.notes.map(|n| n.as_str().to_owned());
    referral.external_reference_id = deal.external_reference_id;
    referral.campaign_id = deal.campaign_id;
}

/// New → Active/Accepted: the partner takes the deal on.
pub fn accept(
    referral: &Referral,
    command: Accept,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Accept, Some(now))?;
    let mut next = referral.clone();
    write_deal(&mut next, command.deal);
    next.customer_profile.team.extend(
        command
            .customer_contacts
            .into_iter()
            .map(CustomerContact::into_contact),
    );
    next.accepted_date_time = Some(now);
    move_to(
        &mut next,
        Status::Active,
        Substatus::Accepted,
        actor,
        now,
        None,
    );
    Ok(next)
}

/// Closes with a reason (Declined or Lost).
fn close_with_reason(
    referral: &Referral,
    reason: Reason,
    substatus: Substatus,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Referral {
    let mut next = referral.clone();
    next.status_reason = Some(reason.reason.label().to_owned());
    next.status_reason_notes = reason.notes.map(|n| n.as_str().to_owned());
    next.closed_date_time = Some(now);
    let why = Some(reason.reason.label().to_owned());
    move_to(&mut next, Status::Closed, substatus, actor, now, why);
    next
}

/// New → Closed/Declined, archived with the reason.
pub fn decline(
    referral: &Referral,
    command: Reason,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Decline, Some(now))?;
    Ok(close_with_reason(
        referral,
        command,
        Substatus::Declined,
        actor,
        now,
    ))
}

/// Changes the deal of an accepted referral; it stays Active/Accepted (no status change,
/// so the actor is not recorded here; the signature matches the other actions). The
/// closing date may stay as it is when it has passed; a changed one must be today or later.
pub fn edit(
    referral: &Referral,
    command: Edit,
    _actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Edit, Some(now))?;
    PastClosingDate::kept_by(referral)
        .check(command.deal.closing_date, now)
        .map_err(FieldErrors::from)?;
    let mut next = referral.clone();
    write_deal(&mut next, command.deal);
    next.updated_date_time = now;
    Ok(next)
}

/// "Add your employees": one more person on an accepted deal (not twice with the same email).
pub fn add_team_member(
    referral: &Referral,
    member: TeamMember,
    _actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::AddTeamMember, Some(now))?;
    let email = member.email.as_str();
    if referral.team.iter().any(|m| {
        m.email
            .as_deref()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
    }) {
        return Err(FieldErrors::from(FieldError::coded(
            "email",
            "error-already-on-team",
            &[("email", email)],
        ))
        .into());
    }
    let mut next = referral.clone();
    next.team.push(member.into_contact());
    next.updated_date_time = now;
    Ok(next)
}

/// Active → Closed/Won, with the deal registration when there is one.
pub fn won(
    referral: &Referral,
    command: Won,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Won, Some(now))?;
    let mut next = referral.clone();
    next.deal_registration = command.deal_registration;
    next.closed_date_time = Some(now);
    move_to(&mut next, Status::Closed, Substatus::Won, actor, now, None);
    Ok(next)
}

/// Active → Closed/Lost, archived with the reason.
pub fn lost(
    referral: &Referral,
    command: Reason,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Referral, LifecycleError> {
    permit(referral, Action::Lost, Some(now))?;
    Ok(close_with_reason(
        referral,
        command,
        Substatus::Lost,
        actor,
        now,
    ))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use rust_decimal::Decimal;

    use super::*;
    use crate::lifecycle::fixtures::*;
    use crate::lifecycle::{
        AcceptForm, ContactForm, DeclineReason, EditForm, NewTeamMember, WonForm,
    };
    use crate::registration::ExchangeRates;

    #[test]
    fn accept_moves_an_inbox_referral_to_accepted_with_the_deal() {
        let referral = inbox_referral(Duration::days(1));
        let mut form = AcceptForm::prefilled(&referral);
        form.deal = deal_form("30000", "USD");
        form.customer_contacts = vec![ContactForm {
            first_name: "Anna".to_owned(),
            last_name: "Schmidt".to_owned(),
            email: "anna@contoso.example".to_owned(),
            phone_number: String::new(),
        }];
        let next = accept(&referral, form.parse(now()).unwrap(), &user(), now()).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Active, Substatus::Accepted)
        );
        assert_eq!(next.accepted_date_time, Some(now()));
        assert_eq!(next.updated_date_time, now());
        assert_eq!(next.name, "Contoso ERP");
        assert_eq!(next.details.deal_value, Some(Decimal::from(30_000)));
        assert_eq!(next.details.currency.as_deref(), Some("USD"));
        assert_eq!(
            next.details.closing_date_time.unwrap().to_rfc3339(),
            "2026-12-31T00:00:00+00:00"
        );
        assert_eq!(next.details.notes.as_deref(), Some("Call back Monday"));
        assert_eq!(
            next.team[0].email.as_deref(),
            Some("jonas@fabrikam.example")
        );
        assert_eq!(next.customer_profile.team.len(), 1);
        assert_eq!(next.e_tag, referral.e_tag, "storage owns versions");
        assert_eq!(
            next.status_history,
            vec![StatusChange {
                at: now(),
                by: user(),
                status: Status::Active,
                substatus: Substatus::Accepted,
                reason: None,
            }]
        );
    }

    #[test]
    fn decline_archives_with_the_reason_label_and_notes() {
        let referral = inbox_referral(Duration::days(1));
        let next = decline(
            &referral,
            reason(DeclineReason::Others, "Duplicate of r-7"),
            &user(),
            now(),
        )
        .unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Declined)
        );
        assert_eq!(next.status_reason.as_deref(), Some("Others"));
        assert_eq!(
            next.status_reason_notes.as_deref(),
            Some("Duplicate of r-7")
        );
        assert_eq!(next.closed_date_time, Some(now()));
        assert_eq!(next.updated_date_time, now());
        let change = next.status_history.last().unwrap();
        assert_eq!(change.reason.as_deref(), Some("Others"));
        assert_eq!(change.by, user());
    }

    #[test]
    fn edit_changes_the_deal_and_stays_accepted() {
        let referral = accepted_referral("30000");
        let mut form = EditForm::prefilled(&referral);
        assert!(
            form.parse_for(&referral, now()).is_ok(),
            "the prefilled form is valid"
        );
        form.deal.name = "Contoso ERP phase 2".to_owned();
        form.deal.deal_value = "45000".to_owned();
        form.deal.external_reference_id = "CRM-9".to_owned();
        let next = edit(
            &referral,
            form.parse_for(&referral, now()).unwrap(),
            &user(),
            now(),
        )
        .unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Active, Substatus::Accepted)
        );
        assert_eq!(next.name, "Contoso ERP phase 2");
        assert_eq!(next.details.deal_value, Some(Decimal::from(45_000)));
        assert_eq!(next.external_reference_id.as_deref(), Some("CRM-9"));
        assert_eq!(next.updated_date_time, now());
        assert_eq!(next.accepted_date_time, referral.accepted_date_time);
        assert_eq!(
            next.status_history, referral.status_history,
            "no status change"
        );
    }

    /// Accepted a month before [`now`], with a closing date that passed a week ago.
    fn accepted_with_a_passed_closing_date() -> Referral {
        let mut referral = accepted_referral("30000");
        referral.accepted_date_time = Some(now() - Duration::days(30));
        referral.details.closing_date_time = Some(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 13)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc(),
        );
        referral
    }

    fn closing_date_error(result: Result<Referral, LifecycleError>) -> Option<String> {
        match result {
            Err(LifecycleError::Invalid { errors }) => errors
                .for_field("details.closingDateTime")
                .map(str::to_owned),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn an_edit_of_other_fields_keeps_a_closing_date_that_has_passed() {
        let referral = accepted_with_a_passed_closing_date();
        let mut form = EditForm::prefilled(&referral);
        assert_eq!(form.deal.closing_date, "2026-11-13");
        form.deal.notes = "Budget approved".to_owned();
        form.deal.deal_value = "35000".to_owned();
        form.deal.team.push(ContactForm {
            first_name: "Lea".to_owned(),
            last_name: "Braun".to_owned(),
            email: "lea@fabrikam.example".to_owned(),
            phone_number: String::new(),
        });
        let command = form.parse_for(&referral, now()).unwrap();
        let next = edit(&referral, command, &user(), now()).unwrap();
        assert_eq!(next.details.notes.as_deref(), Some("Budget approved"));
        assert_eq!(next.team.len(), 2);
        assert_eq!(
            next.details.closing_date_time,
            referral.details.closing_date_time
        );
        // The same date as an API client may send it is no change either.
        form.deal.closing_date = "2026-11-13T09:00:00+02:00".to_owned();
        let request = crate::ActionRequest::Edit(form);
        assert!(
            request
                .apply(&referral, &user(), now(), &ExchangeRates::default())
                .is_ok()
        );
    }

    #[test]
    fn an_edit_that_changes_the_closing_date_must_set_today_or_later() {
        let referral = accepted_with_a_passed_closing_date();
        let mut form = EditForm::prefilled(&referral);
        form.deal.closing_date = "2026-11-19".to_owned();
        let refused = Some(
            "Estimated closing date must be today or later (not before 2026-11-20).".to_owned(),
        );
        assert_eq!(
            errors_of(form.parse_for(&referral, now()))
                .for_field("details.closingDateTime")
                .map(str::to_owned),
            refused
        );
        let request = crate::ActionRequest::Edit(form.clone());
        assert_eq!(
            closing_date_error(request.apply(&referral, &user(), now(), &ExchangeRates::default())),
            refused
        );
        form.deal.closing_date = "2026-11-20".to_owned();
        let next = edit(
            &referral,
            form.parse_for(&referral, now()).unwrap(),
            &user(),
            now(),
        );
        assert!(next.is_ok(), "today is no longer past");
    }

    #[test]
    fn accept_refuses_a_closing_date_in_the_past() {
        let referral = inbox_referral(Duration::days(1));
        let mut form = AcceptForm::prefilled(&referral);
        form.deal = deal_form("30000", "USD");
        form.deal.closing_date = "2026-11-13".to_owned();
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.closingDateTime"),
            Some("Estimated closing date must be today or later (not before 2026-11-20).")
        );
        let request = crate::ActionRequest::Accept(form);
        assert!(matches!(
            request.apply(&referral, &user(), now(), &ExchangeRates::default()),
            Err(LifecycleError::Invalid { .. })
        ));
    }

    #[test]
    fn add_team_member_adds_one_person_but_not_twice() {
        let referral = accepted_referral("100");
        let form = NewTeamMember {
            first_name: "Lea".to_owned(),
            last_name: "Braun".to_owned(),
            email: "lea@fabrikam.example".to_owned(),
            phone_number: String::new(),
        };
        let next = add_team_member(&referral, form.parse().unwrap(), &user(), now()).unwrap();
        assert_eq!(next.team.len(), 2);
        assert_eq!(next.updated_date_time, now());
        assert_eq!(next.status_history.len(), referral.status_history.len());
        let again = NewTeamMember {
            email: "LEA@fabrikam.example".to_owned(),
            ..form
        };
        match add_team_member(&next, again.parse().unwrap(), &user(), now()) {
            Err(LifecycleError::Invalid { errors }) => assert_eq!(
                errors.for_field("email"),
                Some("LEA@fabrikam.example is already on the team.")
            ),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn won_closes_without_registration_when_the_deal_is_not_eligible() {
        let referral = accepted_referral("24999.99");
        let command = WonForm::default()
            .parse(&referral, &ExchangeRates::usd_only(), now())
            .unwrap();
        let next = won(&referral, command, &user(), now()).unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Won)
        );
        assert_eq!(next.closed_date_time, Some(now()));
        assert_eq!(next.deal_registration, None);
        assert_eq!(next.status_history.len(), 2);
    }

    #[test]
    fn won_requires_the_registration_of_an_eligible_deal() {
        let referral = accepted_referral("25000");
        let rates = ExchangeRates::usd_only();
        let errors = errors_of(WonForm::default().parse(&referral, &rates, now()));
        assert!(
            errors
                .for_field("dealRegistration")
                .unwrap()
                .contains("register it")
        );
        let form = WonForm {
            deal_registration: Some(registration_form()),
        };
        let next = won(
            &referral,
            form.parse(&referral, &rates, now()).unwrap(),
            &user(),
            now(),
        )
        .unwrap();
        let registration = next.deal_registration.unwrap();
        assert_eq!(
            registration.state,
            crate::registration::RegistrationState::Pending
        );
    }

    #[test]
    fn lost_closes_with_the_reason() {
        let referral = accepted_referral("100");
        let next = lost(
            &referral,
            reason(DeclineReason::CustomerChoseAnotherVendor, ""),
            &user(),
            now(),
        )
        .unwrap();
        assert_eq!(
            (next.status, next.substatus),
            (Status::Closed, Substatus::Lost)
        );
        assert_eq!(
            next.status_reason.as_deref(),
            Some("Customer chose another vendor")
        );
        assert_eq!(next.status_reason_notes, None);
        assert_eq!(next.closed_date_time, Some(now()));
    }
}
