//! Who may do what (DOMAIN.md §1): roles, and the actions each role may take on a referral.
//!
//! Lifecycle rules say what a referral allows; these rules say what a person may
//! do of that. Both the server (enforcing) and the app (offering) ask here.

use chrono::{DateTime, Utc};

use crate::lifecycle::{Action, allowed_actions_at};
use crate::referral::Referral;

api_enum! {
    /// A user's role in their partner organisation.
    pub enum Role { PartnerAdmin, ReferralsAdmin, ReferralsUser, BusinessProfileAdmin, Viewer }
}

impl Role {
    /// The role as shown in the user menu.
    pub fn label(self) -> &'static str {
        match self {
            Role::PartnerAdmin => "Partner admin",
            Role::ReferralsAdmin => "Referrals admin",
            Role::ReferralsUser => "Referrals user",
            Role::BusinessProfileAdmin => "Business profile admin",
            Role::Viewer => "Viewer",
        }
    }

    /// Whether the role may export referral lists.
    pub fn may_export(self) -> bool {
        matches!(self, Role::PartnerAdmin | Role::ReferralsAdmin)
    }

    /// Whether the role may edit business profiles.
    pub fn may_edit_business_profiles(self) -> bool {
        matches!(self, Role::PartnerAdmin | Role::BusinessProfileAdmin)
    }

    /// Whether the role may manage the organisation's users.
    pub fn may_manage_users(self) -> bool {
        self == Role::PartnerAdmin
    }

    /// Whether the role may create, see and revoke the organisation's API keys (which let
    /// other systems send leads in).
    pub fn may_manage_api_keys(self) -> bool {
        self == Role::PartnerAdmin
    }
}

/// The signed-in person as access rules see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member<'a> {
    pub role: Role,
    pub email: &'a str,
}

impl Member<'_> {
    /// Whether this person is on the referral's own team (matched by email, case-insensitively).
    pub fn is_on_team(&self, referral: &Referral) -> bool {
        referral
            .team
            .iter()
            .filter_map(|member| member.email.as_deref())
            .any(|email| email.trim().eq_ignore_ascii_case(self.email.trim()))
    }

    /// Whether the role lets this person act on this referral at all.
    pub fn may_act_on(&self, referral: &Referral) -> bool {
        match self.role {
            Role::PartnerAdmin | Role::ReferralsAdmin => true,
            Role::ReferralsUser => self.is_on_team(referral),
            Role::BusinessProfileAdmin | Role::Viewer => false,
        }
    }

    /// The actions to offer: what the referral allows at `now` and the role permits.
    pub fn permitted_actions(&self, referral: &Referral, now: DateTime<Utc>) -> Vec<Action> {
        if self.may_act_on(referral) {
            allowed_actions_at(referral, now)
        } else {
            Vec::new()
        }
    }

    /// Why the person may not take `action`, in words for them; `None` when they may.
    pub fn refusal(&self, referral: &Referral) -> Option<&'static str> {
        match self.role {
            _ if self.may_act_on(referral) => None,
            Role::ReferralsUser => Some(
                "Only members of this referral's team can act on it. Ask a referrals admin to add you.",
            ),
            Role::BusinessProfileAdmin => {
                Some("Business profile admins can view referrals but not act on them.")
            }
            Role::Viewer => Some("Viewers can view referrals but not act on them."),
            Role::PartnerAdmin | Role::ReferralsAdmin => None,
        }
    }

    /// Why this person may not give the colleague with `colleague_email` another role;
    /// `None` when they may. Nobody changes their own: the organisation then always
    /// keeps the partner admin who would make the change.
    pub fn role_change_refusal(&self, colleague_email: &str) -> Option<&'static str> {
        if !self.role.may_manage_users() {
            Some("Only partner admins can change roles.")
        } else if colleague_email
            .trim()
            .eq_ignore_ascii_case(self.email.trim())
        {
            Some("You cannot change your own role. Ask another partner admin.")
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{contact, created, referral};

    fn on_team_of(email: &str) -> Referral {
        let mut member = contact("Umar", "Usman");
        member.email = Some(email.to_owned());
        Referral {
            team: vec![member],
            ..referral("r-team")
        }
    }

    #[test]
    fn admins_may_act_on_every_referral() {
        for role in [Role::PartnerAdmin, Role::ReferralsAdmin] {
            let member = Member {
                role,
                email: "someone@partner.test",
            };
            assert!(member.may_act_on(&referral("r-1")), "{role:?}");
            assert_eq!(member.refusal(&referral("r-1")), None);
            assert!(
                member
                    .permitted_actions(&referral("r-1"), created())
                    .contains(&Action::Accept)
            );
        }
    }

    #[test]
    fn a_referrals_user_acts_only_where_on_the_team() {
        let member = Member {
            role: Role::ReferralsUser,
            email: " User@Partner.test",
        };
        assert!(
            member.may_act_on(&on_team_of("user@partner.test ")),
            "matched case- and space-insensitively"
        );
        assert!(!member.may_act_on(&referral("r-1")));
        assert!(
            member
                .permitted_actions(&referral("r-1"), created())
                .is_empty()
        );
        assert!(member.refusal(&referral("r-1")).unwrap().contains("team"));
    }

    #[test]
    fn viewers_and_business_profile_admins_only_read() {
        for role in [Role::Viewer, Role::BusinessProfileAdmin] {
            let member = Member {
                role,
                email: "user@partner.test",
            };
            assert!(
                !member.may_act_on(&on_team_of("user@partner.test")),
                "{role:?}"
            );
            assert!(member.refusal(&referral("r-1")).unwrap().contains("view"));
        }
    }

    #[test]
    fn role_powers_beyond_referrals() {
        assert!(Role::PartnerAdmin.may_manage_users());
        assert!(!Role::ReferralsAdmin.may_manage_users());
        assert!(Role::PartnerAdmin.may_manage_api_keys());
        assert!(
            Role::ALL
                .iter()
                .filter(|role| role.may_manage_api_keys())
                .count()
                == 1
        );
        assert!(
            Role::ReferralsAdmin.may_export()
                && !Role::ReferralsUser.may_export()
                && !Role::Viewer.may_export()
        );
        assert!(
            Role::BusinessProfileAdmin.may_edit_business_profiles()
                && !Role::ReferralsAdmin.may_edit_business_profiles()
        );
        assert_eq!(Role::BusinessProfileAdmin.label(), "Business profile admin");
    }

    #[test]
    fn only_partner_admins_change_roles_and_never_their_own() {
        let admin = Member {
            role: Role::PartnerAdmin,
            email: "ada@partner.test",
        };
        assert_eq!(admin.role_change_refusal("umar@partner.test"), None);
        assert_eq!(
            admin.role_change_refusal(" ADA@partner.test "),
            Some("You cannot change your own role. Ask another partner admin.")
        );
        for role in [
            Role::ReferralsAdmin,
            Role::ReferralsUser,
            Role::BusinessProfileAdmin,
            Role::Viewer,
        ] {
            let member = Member {
                role,
                email: "rhea@partner.test",
            };
            assert_eq!(
                member.role_change_refusal("umar@partner.test"),
                Some("Only partner admins can change roles."),
                "{role:?}"
            );
        }
    }

    #[test]
    fn archived_referrals_offer_no_actions_even_to_admins() {
        let archived = Referral {
            status: crate::Status::Closed,
            substatus: crate::Substatus::Won,
            ..referral("r-won")
        };
        let member = Member {
            role: Role::PartnerAdmin,
            email: "a@partner.test",
        };
        assert!(member.permitted_actions(&archived, created()).is_empty());
    }
}
