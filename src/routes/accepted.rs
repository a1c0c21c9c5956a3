use domain::Stage;
use leptos::prelude::*;

use crate::components::StageList;

/// Accepted referrals being worked towards won or lost.
#[component]
pub fn AcceptedView() -> impl IntoView {
    view! { <StageList stage=Stage::Accepted/> }
}
