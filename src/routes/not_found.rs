use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;

/// Any path the app does not know.
#[component]
pub fn NotFoundView() -> impl IntoView {
    crate::components::page_title(|| t("not-found-title"));
    view! {
        <section class="page">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-text")}" "<A href="/inbox">{t("not-found-link")}</A></p>
        </section>
    }
}
