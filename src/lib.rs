//! Referral Desk, the partner's workspace for sales referrals (Leptos CSR).
//!
//! The components live here (not in `main.rs`) so that tests can import them.

pub mod api;
pub mod clock;
pub mod components;
pub mod drafts;
pub mod format;
pub mod listing;
pub mod routes;
pub mod store;

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::Session;
use crate::clock::Clock;
use crate::components::{FocusHeadingOnNavigation, RequireSignIn, TopBar};
use crate::routes::{
    AcceptedView, ArchivedView, FavoritesView, InboxView, NotFoundView, ReferralDetailView,
    SignInView,
};
use crate::store::Referrals;

/// The whole app: asks who is signed in, then shows the shell around the routed views.
#[component]
pub fn App() -> impl IntoView {
    Session::provide();
    Clock::provide();
    Referrals::provide();
    let who = LocalResource::new(api::me);
    // Only whether the first answer came matters here; sign-in and sign-out are routed.
    let started = Memo::new(move |_| who.get().map(|answer| answer.map(|_| ())));
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <TopBar/>
            <main id="main" tabindex="-1">
                {move || match started.get() {
                    None => view! {
                        <p class="app-loading" role="status">"Loading Referral Desk…"</p>
                    }.into_any(),
                    Some(Err(error)) => view! {
                        <section class="page" aria-labelledby="page-heading">
                            <h1 id="page-heading">"Referral Desk is not available"</h1>
                            <div class="error-panel" role="alert">
                                <p>{error.to_string()}</p>
                                <button type="button" on:click=move |_| who.refetch()>"Retry"</button>
                            </div>
                        </section>
                    }.into_any(),
                    Some(Ok(())) => view! { <AppRoutes/> }.into_any(),
                }}
            </main>
        </Router>
    }
}

/// Every view but the sign-in page needs a signed-in user.
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <FocusHeadingOnNavigation/>
        <Routes fallback=|| view! { <RequireSignIn><NotFoundView/></RequireSignIn> }>
            <Route path=path!("/sign-in") view=SignInView/>
            <Route path=path!("/") view=|| view! { <Redirect path="/inbox"/> }/>
            <Route path=path!("/inbox") view=|| view! { <RequireSignIn><InboxView/></RequireSignIn> }/>
            <Route path=path!("/accepted") view=|| view! { <RequireSignIn><AcceptedView/></RequireSignIn> }/>
            <Route path=path!("/archived") view=|| view! { <RequireSignIn><ArchivedView/></RequireSignIn> }/>
            <Route path=path!("/favorites") view=|| view! { <RequireSignIn><FavoritesView/></RequireSignIn> }/>
            <Route path=path!("/referrals/:id") view=|| view! { <RequireSignIn><ReferralDetailView/></RequireSignIn> }/>
        </Routes>
    }
}
