//! The demo organisations: a few hundred realistic referrals each, in every stage,
//! so that a fresh install shows what the product does. Times are relative to
//! `now`, so the demo always has fresh, urgent and nearly expired leads.
//!
//! Generated, not hand-written: a seeded PRNG picks customers, contacts and deal
//! sizes from the tables (the same picks on every install), and every referral
//! beyond the Inbox got there through the domain's own transitions (`accept`,
//! `decline`, `won`, `lost`, `expire_if_overdue`, …), acted by a demo user at a
//! plausible past time, so its history is what the product would write.
//!
//! - `customers`, `partners`, `messages`: the tables the demo is drawn from;
//! - `seeded`: the PRNG that draws from them;
//! - `generator`: builds each organisation's referrals ([`referrals`], [`referrals_at_scale`]);
//! - `profiles`: the demo organisation's business profiles ([`business_profiles`]);
//! - `seed`: writes the organisations, users, referrals and profiles to the database ([`seed_if_empty`]).

mod customers;
mod generator;
mod messages;
mod partners;
mod profiles;
mod seed;
mod seeded;
#[cfg(test)]
mod tests;

use domain::Role;

pub use generator::{referrals, referrals_at_scale};
pub use profiles::business_profiles;
pub use seed::seed_if_empty;

pub const ORGANISATION_ID: &str = "org-demo-fabrikam";
pub const ORGANISATION_NAME: &str = "Fabrikam Consulting (demo)";
/// A second organisation, so that tenant isolation can be seen and tested.
pub const RIVAL_ORGANISATION_ID: &str = "org-demo-rival";
pub const RIVAL_ORGANISATION_NAME: &str = "Rival Partners Ltd (demo)";

/// The demo sign-ins: one user of every role, and the rival's admin.
pub const USERS: &[DemoUser] = &[
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "admin@demo.test",
        name: "Ada Adler",
        role: Role::PartnerAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "referrals@demo.test",
        name: "Rhea Reyes",
        role: Role::ReferralsAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "user@demo.test",
        name: "Umar Usman",
        role: Role::ReferralsUser,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "profile@demo.test",
        name: "Pia Park",
        role: Role::BusinessProfileAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "viewer@demo.test",
        name: "Vic Vogel",
        role: Role::Viewer,
    },
    DemoUser {
        organisation_id: RIVAL_ORGANISATION_ID,
        email: "admin@rival.test",
        name: "Rory Rival",
        role: Role::PartnerAdmin,
    },
];

pub struct DemoUser {
    pub organisation_id: &'static str,
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
}
