use domain::Stage;
use leptos::prelude::*;

use crate::components::ReferralList;
use crate::listing::Listing;

/// Accepted referrals being worked towards won or lost.
#[component]
pub fn AcceptedView() -> impl IntoView {
    view! { <ReferralList listing=Listing::Stage(Stage::Accepted)/> }
}
