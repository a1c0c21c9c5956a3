//! One file per routed view.

mod accepted;
mod account_settings;
mod api_keys;
mod archived;
mod business_profiles;
mod favorites;
mod inbox;
mod insights;
mod invitation;
mod not_found;
mod people;
mod referral_detail;
mod sign_in;

pub use accepted::AcceptedView;
pub use account_settings::AccountSettingsView;
pub use api_keys::ApiKeysView;
pub use archived::ArchivedView;
pub use business_profiles::BusinessProfilesView;
pub use favorites::FavoritesView;
pub use inbox::InboxView;
pub use insights::InsightsView;
pub use invitation::InvitationView;
pub use not_found::NotFoundView;
pub use people::PeopleView;
pub use referral_detail::ReferralDetailView;
pub use sign_in::{SignInFields, SignInView, safe_next};
