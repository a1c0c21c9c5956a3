//! Reusable view pieces.

mod heading_focus;
mod heart;
mod referral_list;
mod require_sign_in;
mod top_bar;

pub use heading_focus::FocusHeadingOnNavigation;
pub use heart::Heart;
pub use referral_list::{Listing, ReferralList};
pub use require_sign_in::{RequireSignIn, sign_in_path};
pub use top_bar::{TopBar, UserMenu};
