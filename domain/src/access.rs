//! Who may do what (DOMAIN.md §1): roles, and the actions each role may take on a referral.
//!
//! Lifecycle rules say what a referral allows; these rules say what a person may
//! do of that. Both the server (enforcing) and the app (offering) ask here.

use chrono::{DateTime, Utc};

use crate::lifecycle::{Action, allowed_actions_at};
use crate::problem::Explanation;
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

    /// Whether the role may see and edit business profiles. Reading needs the same role:
    /// profiles hold colleagues' contact details and decide where leads go.
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

    /// Why the person may not act on the referral; `None` when they may.
    pub fn refusal(&self, referral: &Referral) -> Option<Refusal> {
        match self.role {
            _ if self.may_act_on(referral) => None,
            Role::ReferralsUser => Some(Refusal::NotOnTeam),
            Role::BusinessProfileAdmin => Some(Refusal::BusinessProfileAdminReadsOnly),
            Role::Viewer => Some(Refusal::ViewerReadsOnly),
            Role::PartnerAdmin | Role::ReferralsAdmin => None,
        }
    }

    /// Why this person may not export referral lists; `None` when they may.
    pub fn export_refusal(&self) -> Option<Refusal> {
        (!self.role.may_export()).then_some(Refusal::MayNotExport(self.role))
    }

    /// Why this person may not see or edit business profiles; `None` when they may.
    pub fn business_profile_refusal(&self) -> Option<Refusal> {
        (!self.role.may_edit_business_profiles()).then_some(Refusal::BusinessProfileAdminsOnly)
    }

    /// Why this person may not see and manage the organisation's people (the people list,
    /// invitations); `None` when they may.
    pub fn people_refusal(&self) -> Option<Refusal> {
        (!self.role.may_manage_users()).then_some(Refusal::OnlyPartnerAdminsManagePeople)
    }

    /// Why this person may not deactivate (or reactivate) the colleague with
    /// `colleague_email`; `None` when they may. Nobody deactivates themselves: the
    /// organisation then always keeps the partner admin who would do it.
    pub fn deactivation_refusal(&self, colleague_email: &str) -> Option<Refusal> {
        if !self.role.may_manage_users() {
            Some(Refusal::OnlyPartnerAdminsManagePeople)
        } else if self.is(colleague_email) {
            Some(Refusal::OwnAccount)
        } else {
            None
        }
    }

    /// Whether `email` is this person's own (case- and space-insensitively).
    fn is(&self, email: &str) -> bool {
        email.trim().eq_ignore_ascii_case(self.email.trim())
    }

    /// Why this person may not give the colleague with `colleague_email` another role;
    /// `None` when they may. Nobody changes their own: the organisation then always
    /// keeps the partner admin who would make the change.
    pub fn role_change_refusal(&self, colleague_email: &str) -> Option<Refusal> {
        if !self.role.may_manage_users() {
            Some(Refusal::OnlyPartnerAdminsChangeRoles)
        } else if self.is(colleague_email) {
            Some(Refusal::OwnRole)
        } else {
            None
        }
    }
}

/// Why a person may not do something; worded by the catalogue (`problem-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A referrals user acts only on referrals whose team they are on.
    NotOnTeam,
    BusinessProfileAdminReadsOnly,
    ViewerReadsOnly,
    /// The role may not export lists.
    MayNotExport(Role),
    OnlyPartnerAdminsChangeRoles,
    /// Nobody changes their own role.
    OwnRole,
    /// Business profiles are for partner admins and business profile admins.
    BusinessProfileAdminsOnly,
    /// Only partner admins see, invite and deactivate people.
    OnlyPartnerAdminsManagePeople,
    /// Nobody deactivates themselves.
    OwnAccount,
}

impl Refusal {
    /// Its code and values, as the API sends them and the app words them.
    pub fn explanation(self) -> Explanation {
        match self {
            Refusal::NotOnTeam => Explanation::new("not-on-team"),
            Refusal::BusinessProfileAdminReadsOnly => {
                Explanation::new("read-only-business-profile-admin")
            }
            Refusal::ViewerReadsOnly => Explanation::new("read-only-viewer"),
            Refusal::MayNotExport(role) => {
                Explanation::new("export-not-allowed").with("role", role.as_str())
            }
            Refusal::OnlyPartnerAdminsChangeRoles => Explanation::new("roles-partner-admins-only"),
            Refusal::OwnRole => Explanation::new("own-role"),
            Refusal::BusinessProfileAdminsOnly => Explanation::new("business-profile-admins-only"),
            Refusal::OnlyPartnerAdminsManagePeople => {
                Explanation::new("people-partner-admins-only")
            }
            Refusal::OwnAccount => Explanation::new("own-account"),
        }
    }

    /// Every refusal (each role that may not export once), for the catalogue's tests.
    pub fn all() -> Vec<Refusal> {
        let mut all = vec![
            Refusal::NotOnTeam,
            Refusal::BusinessProfileAdminReadsOnly,
            Refusal::ViewerReadsOnly,
            Refusal::OnlyPartnerAdminsChangeRoles,
            Refusal::OwnRole,
            Refusal::BusinessProfileAdminsOnly,
            Refusal::OnlyPartnerAdminsManagePeople,
            Refusal::OwnAccount,
        ];
        all.extend(
            Role::ALL
                .iter()
                .filter(|role| !role.may_export())
                .map(|&role| Refusal::MayNotExport(role)),
        );
        all
    }
}

impl std::fmt::Display for Refusal {
    /// In English, as the API's `detail` says it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explanation().english())
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
        assert_eq!(member.refusal(&referral("r-1")), Some(Refusal::NotOnTeam));
        assert!(
            member
                .refusal(&referral("r-1"))
                .unwrap()
                .to_string()
                .contains("team")
        );
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
            assert!(
                member
                    .refusal(&referral("r-1"))
                    .unwrap()
                    .to_string()
                    .contains("view"),
                "{role:?}"
            );
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
    fn only_partner_admins_and_business_profile_admins_see_business_profiles() {
        for role in Role::ALL.iter().copied() {
            let member = Member {
                role,
                email: "someone@partner.test",
            };
            let expected = match role {
                Role::PartnerAdmin | Role::BusinessProfileAdmin => None,
                _ => Some(Refusal::BusinessProfileAdminsOnly),
            };
            assert_eq!(member.business_profile_refusal(), expected, "{role:?}");
        }
        assert_eq!(
            Refusal::BusinessProfileAdminsOnly.to_string(),
            "Only partner admins and business profile admins can see and edit business profiles."
        );
    }

    #[test]
    fn only_partner_admins_change_roles_and_never_their_own() {
        let admin = Member {
            role: Role::PartnerAdmin,
            email: "ada@partner.test",
        };
        assert_eq!(admin.role_change_refusal("umar@partner.test"), None);
        assert_eq!(
            admin
                .role_change_refusal(" ADA@partner.test ")
                .map(|refusal| refusal.to_string()),
            Some("You cannot change your own role. Ask another partner admin.".to_owned())
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
                member
                    .role_change_refusal("umar@partner.test")
                    .map(|refusal| refusal.to_string()),
                Some("Only partner admins can change roles.".to_owned()),
                "{role:?}"
            );
        }
    }

    #[test]
    fn only_partner_admins_manage_people_and_never_deactivate_themselves() {
        let admin = Member {
            role: Role::PartnerAdmin,
            email: "ada@partner.test",
        };
        assert_eq!(admin.people_refusal(), None);
        assert_eq!(admin.deactivation_refusal("umar@partner.test"), None);
        assert_eq!(
            admin
                .deactivation_refusal(" Ada@Partner.test")
                .map(|refusal| refusal.to_string()),
            Some("You cannot deactivate yourself. Ask another partner admin.".to_owned())
        );
        for &role in Role::ALL.iter().filter(|role| !role.may_manage_users()) {
            let member = Member {
                role,
                email: "rhea@partner.test",
            };
            assert_eq!(
                member.people_refusal(),
                Some(Refusal::OnlyPartnerAdminsManagePeople),
                "{role:?}"
            );
            assert_eq!(
                member.deactivation_refusal("rhea@partner.test"),
                Some(Refusal::OnlyPartnerAdminsManagePeople),
                "{role:?}: the role is refused before the person"
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
