//! Reusable view pieces.

mod accept_action;
mod account_menu;
mod action_run;
mod after_paint;
mod bar_chart;
mod command_palette;
mod confirm_button;
mod copy_button;
mod deal_fields;
mod disclosure;
mod filter_chips;
mod filter_panel;
pub mod form_fields;
mod heading_focus;
mod heart;
mod indicators;
mod keyboard_focus;
mod media_query;
mod notification_centre;
mod page_title;
mod pending_changes;
mod reason_action;
mod referral_list;
mod referral_table;
mod require_sign_in;
mod shortcuts;
mod team_member_action;
mod top_bar;
mod won_action;

pub use accept_action::{AcceptAction, EditAction};
pub use account_menu::AccountMenu;
pub use action_run::{ActionRun, Closed, ConfirmAndSend, ConflictNotice, Difference, Step};
pub use after_paint::AfterPaint;
pub use bar_chart::{Bar, BarChart};
pub use command_palette::CommandPalette;
pub use confirm_button::ConfirmButton;
pub use copy_button::CopyButton;
pub use disclosure::Disclosure;
pub use filter_chips::FilterChips;
pub use filter_panel::FilterPanel;
pub use form_fields::{Checked, checked_input};
pub use heading_focus::{
    FocusHeadingOnNavigation, focus_lost, focus_now, focus_when_shown, refocus_heading_if_lost,
    refocus_if_lost,
};
pub use heart::Heart;
pub use indicators::{EmailValidityBadge, FlameIcon, PhoneValidityBadge, SpamFlag};
pub use keyboard_focus::{ListCommand, keyboard_focus};
pub use media_query::matches_media;
pub use notification_centre::NotificationCentre;
pub use page_title::page_title;
pub use pending_changes::PendingChanges;
pub use reason_action::ReasonAction;
pub use referral_list::ReferralList;
pub use referral_table::ReferralTable;
pub use require_sign_in::{RequireSignIn, sign_in_path};
pub use shortcuts::{
    Keyboard, KeyboardShortcuts, PaletteButton, ShortcutsButton, open_requested_action,
};
pub use team_member_action::TeamMemberAction;
pub use top_bar::TopBar;
pub use won_action::WonAction;
