use leptos::prelude::*;
use leptos_router::components::A;

/// Any path the app does not know.
#[component]
pub fn NotFoundView() -> impl IntoView {
    crate::components::page_title(|| "Page not found".to_owned());
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. "<A href="/inbox">"Go to the Inbox"</A></p>
        </section>
    }
}
