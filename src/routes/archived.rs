use domain::Stage;
use leptos::prelude::*;

use crate::components::ReferralList;
use crate::listing::Listing;

/// Won, lost, declined and expired referrals: read-only.
#[component]
pub fn ArchivedView() -> impl IntoView {
    view! { <ReferralList listing=Listing::Stage(Stage::Archived)/> }
}
