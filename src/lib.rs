//! Referral Desk, the partner's workspace for sales referrals (Leptos CSR).
//!
//! The components live here (not in `main.rs`) so that tests can import them.

pub mod api;
pub mod components;
pub mod routes;

use leptos::prelude::*;
use leptos_router::components::{A, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::routes::{AcceptedView, ArchivedView, InboxView, NotFoundView};

/// The whole app: the shell around the routed views.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="top-bar">
                <a class="brand" href="/inbox">"Referral Desk"</a>
                <nav class="stage-nav" aria-label="Referral stages">
                    <A href="/inbox">"Inbox"</A>
                    <A href="/accepted">"Accepted"</A>
                    <A href="/archived">"Archived"</A>
                </nav>
            </header>
            <main id="main">
                <Routes fallback=NotFoundView>
                    <Route path=path!("/") view=|| view! { <Redirect path="/inbox"/> }/>
                    <Route path=path!("/inbox") view=InboxView/>
                    <Route path=path!("/accepted") view=AcceptedView/>
                    <Route path=path!("/archived") view=ArchivedView/>
                </Routes>
            </main>
        </Router>
    }
}
