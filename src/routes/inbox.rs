use domain::Stage;
use leptos::prelude::*;

use crate::components::ReferralList;
use crate::listing::Listing;

/// New referrals waiting for an answer.
#[component]
pub fn InboxView() -> impl IntoView {
    view! { <ReferralList listing=Listing::Stage(Stage::Inbox)/> }
}
