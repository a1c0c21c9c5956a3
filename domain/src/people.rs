//! The people of a partner organisation (DOMAIN.md §1): invitations that bring a colleague
//! in, the passwords people choose, and what keeps an organisation manageable.
//!
//! Rules (pure; `now` is a parameter):
//! - an invitation is valid for [`INVITATION_VALIDITY`] from when it was made, and is
//!   used once: after that, or once revoked, its link only says why it no longer works;
//! - a new password has at least [`PASSWORD_MIN_CHARS`] characters (any characters: a
//!   passphrase with spaces is a good one) and at most [`PASSWORD_MAX_CHARS`];
//! - an organisation always keeps an active partner admin ([`keeps_a_partner_admin`]).
//!
//! Who may invite, deactivate and change roles is `access::Member`'s to say.

use chrono::{DateTime, Duration, Utc};

use crate::problem::Explanation;
use crate::validation::FieldError;
use crate::values::{NAME_MAX_CHARS, TextKind, is_blank, parse_text};

/// How long an invitation's link works after it was made.
pub const INVITATION_VALIDITY: Duration = Duration::days(7);
/// Fewest characters of a new password.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Most characters of a password: bounds the work of hashing what a stranger sends.
pub const PASSWORD_MAX_CHARS: usize = 256;

/// An invitation's life as stored: when it was made, and whether it was used or revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invitation {
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Where an invitation stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationState {
    /// Its link sets a password and makes the account.
    Open,
    /// Its week ran out before anyone used it.
    Expired,
    /// It made an account already: a link works once.
    Used,
    /// A partner admin took it back while it was still open.
    Revoked,
}

impl Invitation {
    /// An invitation made at `now`: open for [`INVITATION_VALIDITY`].
    pub fn new(now: DateTime<Utc>) -> Invitation {
        Invitation {
            created_at: now,
            expires_at: now + INVITATION_VALIDITY,
            accepted_at: None,
            revoked_at: None,
        }
    }

    /// Where it stands at `now`. Whatever ended it first names the end: one revoked after
    /// it had expired (inviting the address again retires it) reads as expired.
    pub fn state(&self, now: DateTime<Utc>) -> InvitationState {
        if self.accepted_at.is_some() {
            InvitationState::Used
        } else if self.revoked_at.is_some_and(|at| at < self.expires_at) {
            InvitationState::Revoked
        } else if now >= self.expires_at || self.revoked_at.is_some() {
            InvitationState::Expired
        } else {
            InvitationState::Open
        }
    }

    /// Why its link may not make an account at `now`; `None` when it may.
    pub fn acceptance_refusal(&self, now: DateTime<Utc>) -> Option<InvitationRefusal> {
        match self.state(now) {
            InvitationState::Open => None,
            InvitationState::Expired => Some(InvitationRefusal::Expired),
            InvitationState::Used => Some(InvitationRefusal::Used),
            InvitationState::Revoked => Some(InvitationRefusal::Revoked),
        }
    }

    /// Why a partner admin may not revoke it: one that made an account is history (that
    /// person is deactivated instead). Revoking an expired or revoked one changes nothing.
    pub fn revocation_refusal(&self) -> Option<InvitationRefusal> {
        self.accepted_at.map(|_| InvitationRefusal::Used)
    }
}

/// Why an invitation's link no longer works; worded by the catalogue (`problem-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationRefusal {
    Expired,
    Used,
    Revoked,
}

impl InvitationRefusal {
    /// Its code, as the API sends it and the app words it.
    pub fn explanation(self) -> Explanation {
        match self {
            InvitationRefusal::Expired => Explanation::new("invitation-expired"),
            InvitationRefusal::Used => Explanation::new("invitation-used"),
            InvitationRefusal::Revoked => Explanation::new("invitation-revoked"),
        }
    }

    pub const ALL: [InvitationRefusal; 3] = [
        InvitationRefusal::Expired,
        InvitationRefusal::Used,
        InvitationRefusal::Revoked,
    ];
}

/// A password someone chose, checked against the rule for new passwords. Kept only until
/// it is hashed; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    /// `text` as typed (never trimmed: spaces are characters too) when it has
    /// [`PASSWORD_MIN_CHARS`] to [`PASSWORD_MAX_CHARS`] characters.
    pub fn parse(field: &str, text: &str) -> Result<NewPassword, FieldError> {
        let chars = text.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            Err(FieldError::coded(
                field,
                "error-password-too-short",
                &[("min", &PASSWORD_MIN_CHARS.to_string())],
            ))
        } else if chars > PASSWORD_MAX_CHARS {
            Err(FieldError::coded(
                field,
                "error-password-too-long",
                &[("max", &PASSWORD_MAX_CHARS.to_string())],
            ))
        } else {
            Ok(NewPassword(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// A new password typed twice, as a form checks it before sending (the API takes it once):
/// the rule's problem filed under `field`, a second typing that differs under
/// `confirmation`.
pub fn typed_twice(field: &str, password: &str, confirmation: &str) -> Vec<FieldError> {
    let mut problems: Vec<FieldError> = NewPassword::parse(field, password)
        .err()
        .into_iter()
        .collect();
    if password != confirmation {
        problems.push(FieldError::coded(
            "confirmation",
            "error-password-confirmation",
            &[],
        ));
    }
    problems
}

/// A person's name as colleagues see it (team pickers, the people list): one line of 1 to
/// 200 visible characters, trimmed.
pub fn parse_person_name(field: &str, text: &str) -> Result<String, FieldError> {
    match parse_text(field, text, TextKind::SingleLine, NAME_MAX_CHARS) {
        Ok(Some(name)) => Ok(name),
        Ok(None) => Err(FieldError::coded(field, "error-person-name-required", &[])),
        Err(_) => Err(FieldError::coded(
            field,
            "error-person-name",
            &[("max", &NAME_MAX_CHARS.to_string())],
        )),
    }
}

/// A name offered for someone who has not chosen their own yet (an invitation's): none
/// when left blank, else read as [`parse_person_name`] reads it.
pub fn parse_offered_person_name(field: &str, text: &str) -> Result<Option<String>, FieldError> {
    if is_blank(text) {
        Ok(None)
    } else {
        parse_person_name(field, text).map(Some)
    }
}

/// Whether an organisation with `active_partner_admins` (counted after a change, in the
/// change's transaction) still has someone who can manage its people; the refusal when not.
pub fn keeps_a_partner_admin(active_partner_admins: i64) -> Result<(), Explanation> {
    if active_partner_admins > 0 {
        Ok(())
    } else {
        Err(Explanation::new("last-partner-admin"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn made() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap()
    }

    #[test]
    fn an_invitation_is_open_for_seven_days_from_when_it_was_made() {
        let invitation = Invitation::new(made());
        assert_eq!(invitation.expires_at, made() + Duration::days(7));
        assert_eq!(invitation.state(made()), InvitationState::Open);
        assert_eq!(
            invitation.state(made() + Duration::days(7) - Duration::seconds(1)),
            InvitationState::Open
        );
        assert_eq!(
            invitation.state(made() + Duration::days(7)),
            InvitationState::Expired
        );
        assert_eq!(
            invitation.acceptance_refusal(made() + Duration::days(8)),
            Some(InvitationRefusal::Expired)
        );
        assert_eq!(invitation.acceptance_refusal(made()), None);
    }

    #[test]
    fn a_link_works_once() {
        let used = Invitation {
            accepted_at: Some(made() + Duration::hours(1)),
            ..Invitation::new(made())
        };
        assert_eq!(
            used.acceptance_refusal(made() + Duration::hours(2)),
            Some(InvitationRefusal::Used)
        );
        assert_eq!(
            used.state(made() + Duration::days(30)),
            InvitationState::Used,
            "used stays used when its week is over"
        );
        assert_eq!(used.revocation_refusal(), Some(InvitationRefusal::Used));
    }

    #[test]
    fn what_ended_an_invitation_first_names_its_end() {
        let revoked = Invitation {
            revoked_at: Some(made() + Duration::days(1)),
            ..Invitation::new(made())
        };
        assert_eq!(
            revoked.state(made() + Duration::days(2)),
            InvitationState::Revoked
        );
        assert_eq!(
            revoked.state(made() + Duration::days(9)),
            InvitationState::Revoked
        );
        assert_eq!(
            revoked.revocation_refusal(),
            None,
            "revoking again changes nothing"
        );
        let retired_after_expiry = Invitation {
            revoked_at: Some(made() + Duration::days(8)),
            ..Invitation::new(made())
        };
        assert_eq!(
            retired_after_expiry.state(made() + Duration::days(9)),
            InvitationState::Expired
        );
    }

    #[test]
    fn refusals_are_coded_and_worded() {
        let codes: Vec<String> = InvitationRefusal::ALL
            .iter()
            .map(|refusal| refusal.explanation().code)
            .collect();
        assert_eq!(
            codes,
            [
                "invitation-expired",
                "invitation-used",
                "invitation-revoked"
            ]
        );
        assert!(
            InvitationRefusal::Expired
                .explanation()
                .english()
                .contains("expired")
        );
    }

    #[test]
    fn new_passwords_have_at_least_twelve_characters_counted_as_people_count_them() {
        let short = NewPassword::parse("newPassword", "eleven-char").unwrap_err();
        assert_eq!(short.field, "newPassword");
        assert_eq!(short.code.as_deref(), Some("error-password-too-short"));
        assert_eq!(
            short.message,
            "Use at least 12 characters for the password."
        );
        assert!(NewPassword::parse("newPassword", "twelve-chars").is_ok());
        // Twelve characters, more bytes: counted as characters.
        assert!(NewPassword::parse("password", "ÄÖÜäöüßÄÖÜäö").is_ok());
        assert_eq!(
            NewPassword::parse("password", "    correct horse   ")
                .unwrap()
                .as_str(),
            "    correct horse   ",
            "kept as typed"
        );
        let long = NewPassword::parse("password", &"x".repeat(257)).unwrap_err();
        assert_eq!(long.code.as_deref(), Some("error-password-too-long"));
        assert!(
            !format!("{:?}", NewPassword::parse("p", "secret-secret").unwrap()).contains("secret")
        );
    }

    #[test]
    fn a_form_checks_the_new_password_and_its_second_typing() {
        assert_eq!(
            typed_twice("newPassword", "twelve-chars", "twelve-chars"),
            vec![]
        );
        let problems = typed_twice("newPassword", "short", "shorts");
        let filed: Vec<(&str, Option<&str>)> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.code.as_deref()))
            .collect();
        assert_eq!(
            filed,
            [
                ("newPassword", Some("error-password-too-short")),
                ("confirmation", Some("error-password-confirmation"))
            ]
        );
    }

    #[test]
    fn a_persons_name_is_one_visible_line() {
        assert_eq!(
            parse_person_name("name", "  Ines Duarte ").unwrap(),
            "Ines Duarte"
        );
        assert_eq!(
            parse_person_name("name", " \u{200B} ")
                .unwrap_err()
                .code
                .as_deref(),
            Some("error-person-name-required")
        );
        assert_eq!(
            parse_person_name("name", "a\nb")
                .unwrap_err()
                .code
                .as_deref(),
            Some("error-person-name")
        );
    }

    #[test]
    fn an_offered_name_may_be_left_blank_but_not_wrong() {
        assert_eq!(parse_offered_person_name("name", " \u{200B} "), Ok(None));
        assert_eq!(
            parse_offered_person_name("name", " Ines Duarte"),
            Ok(Some("Ines Duarte".to_owned()))
        );
        assert_eq!(
            parse_offered_person_name("name", "a\nb")
                .unwrap_err()
                .code
                .as_deref(),
            Some("error-person-name")
        );
    }

    #[test]
    fn an_organisation_keeps_a_partner_admin() {
        assert_eq!(keeps_a_partner_admin(1), Ok(()));
        assert_eq!(
            keeps_a_partner_admin(0).unwrap_err().code,
            "last-partner-admin"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Open exactly while unused, not revoked and inside its week; and once it is
            /// not open, no later moment opens it again.
            #[test]
            fn an_invitation_never_reopens(
                accepted in proptest::option::of(0i64..(10 * 24 * 60)),
                revoked in proptest::option::of(0i64..(10 * 24 * 60)),
                first in -60i64..(12 * 24 * 60),
                later in 0i64..(12 * 24 * 60),
            ) {
                let minutes = Duration::minutes;
                let invitation = Invitation {
                    accepted_at: accepted.map(|m| made() + minutes(m)),
                    revoked_at: revoked.map(|m| made() + minutes(m)),
                    ..Invitation::new(made())
                };
                let now = made() + minutes(first);
                let open = invitation.state(now) == InvitationState::Open;
                prop_assert_eq!(
                    open,
                    accepted.is_none() && revoked.is_none() && now < invitation.expires_at
                );
                prop_assert_eq!(invitation.acceptance_refusal(now).is_none(), open);
                if !open {
                    prop_assert_ne!(invitation.state(now + minutes(later)), InvitationState::Open);
                }
            }

            /// A password is accepted exactly when it has 12 to 256 characters, whatever they are.
            #[test]
            fn passwords_are_judged_by_their_length_alone(text in "\\PC{0,300}") {
                let chars = text.chars().count();
                prop_assert_eq!(
                    NewPassword::parse("password", &text).is_ok(),
                    (PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&chars)
                );
            }
        }
    }
}
