use domain::Stage;
use leptos::prelude::*;

use crate::components::StageList;

/// New referrals waiting for an answer.
#[component]
pub fn InboxView() -> impl IntoView {
    view! { <StageList stage=Stage::Inbox/> }
}
