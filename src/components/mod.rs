//! Reusable view pieces.

mod heading_focus;
mod require_sign_in;
mod stage_list;
mod top_bar;

pub use heading_focus::FocusHeadingOnNavigation;
pub use require_sign_in::{RequireSignIn, sign_in_path};
pub use stage_list::StageList;
pub use top_bar::{TopBar, UserMenu};
