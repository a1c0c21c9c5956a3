use domain::Stage;
use leptos::prelude::*;

use crate::components::StageList;

/// Won, lost, declined and expired referrals: read-only.
#[component]
pub fn ArchivedView() -> impl IntoView {
    view! { <StageList stage=Stage::Archived/> }
}
