use leptos::prelude::*;

use crate::components::ReferralList;
use crate::listing::Listing;

/// The referrals the user hearted, from every stage and both tabs.
#[component]
pub fn FavoritesView() -> impl IntoView {
    view! { <ReferralList listing=Listing::Favorites/> }
}
