//! Referral Desk, the partner's workspace for sales referrals (Leptos CSR).
//!
//! The components live here (not in `main.rs`) so that tests can import them.

pub mod api;
pub mod clock;
pub mod components;
pub mod drafts;
pub mod first_paint;
pub mod format;
pub mod i18n;
pub mod listing;
pub mod routes;
pub mod store;

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::Session;
use crate::clock::Clock;
use crate::components::{
    FocusHeadingOnNavigation, Keyboard, KeyboardShortcuts, RequireSignIn, TopBar,
};
use crate::i18n::{Language, t};
use crate::routes::{
    AcceptedView, AccountSettingsView, ArchivedView, FavoritesView, InboxView, InsightsView,
    NotFoundView, ReferralDetailView, SignInView,
};
use crate::store::Referrals;

/// The whole app: asks who is signed in, then shows the shell around the routed views.
#[component]
pub fn App() -> impl IntoView {
    Session::provide();
    Clock::provide();
    Keyboard::provide();
    routes::SignInFields::provide();
    let store = Referrals::provide();
    store::Notifications::provide(store);
    let who = LocalResource::new(move || start(store));
    // Only whether the first answer came matters here; sign-in and sign-out are routed.
    let started = Memo::new(move |_| who.get().map(|answer| answer.map(|_| ())));
    let language = Language::provide();
    follow_account_language(language);
    // index.html's first paint shows what the app would until it knows who is signed in
    // (the loading line, or the signed-out sign-in form), then gives way for good.
    let shown = Memo::new(move |shown: Option<&bool>| {
        shown.copied().unwrap_or(false) || started.get().is_some()
    });
    // Texts are read as the shell renders: a new language renders it again (the store,
    // the session and what is typed in drafts live outside and stay).
    move || {
        language.get();
        if !shown.get() {
            return None;
        }
        // Built before the first paint gives way (its components' bodies run here), so that a
        // panic in them leaves the first paint up to say the app stopped (index.html); it is
        // mounted after this returns, in the same task: no frame shows both, or neither.
        let shell = view! {
        <Router>
            <a class="skip-link" href="#main">{t("skip-to-content")}</a>
            <TopBar/>
            <main id="main" tabindex="-1">
                {move || match started.get() {
                    None => view! {
                        <p class="app-loading" role="status">{t("app-loading")}</p>
                    }.into_any(),
                    Some(Err(error)) => view! {
                        <section class="page" aria-labelledby="page-heading">
                            <h1 id="page-heading">{t("app-unavailable")}</h1>
                            <div class="error-panel" role="alert">
                                <p>{crate::i18n::api_error(&error)}</p>
                                <button type="button" on:click=move |_| who.refetch()>{t("retry")}</button>
                            </div>
                        </section>
                    }.into_any(),
                    Some(Ok(())) => view! { <AppRoutes/> }.into_any(),
                }}
            </main>
            <KeyboardShortcuts/>
        </Router>
        };
        first_paint::give_way();
        Some(shell)
    }
}

/// The language the account keeps wins over the device's once the server says who is
/// signed in (the user chose it, perhaps on another device) — unless the user chose one
/// here that the account has not heard of yet (offline): then the account is told,
/// once the server can be reached.
fn follow_account_language(language: Language) {
    Effect::new(move |_| {
        let Some(me) = Session::current().me() else {
            return;
        };
        if let Some(unsent) = i18n::unsent_choice(&me.user.id) {
            leptos::task::spawn_local(async move {
                i18n::send_choice(&me.user.id, unsent).await;
            });
            return;
        }
        if let Some(locale) = me
            .locale
            .filter(|locale| *locale != language.get_untracked())
        {
            leptos::task::spawn_local(async move {
                let _ = language.show(locale).await;
            });
        }
    });
}

/// Who is signed in. With a cache on the device, the server gets a moment to answer
/// (so a different person signed in meanwhile never sees the cached data); when it
/// cannot be reached or is slow, the cached user and lists show at once and the
/// server's answer follows. Without a cache, the server decides.
async fn start(store: Referrals) -> Result<Option<api::Me>, api::ApiError> {
    // Asked at once, while the cache is read; recorded only once the cache is in hand, so
    // the store never starts without it.
    let asked = futures::FutureExt::shared(Box::pin(api::ask_me()));
    let cached = store::cache::open_and_load().await;
    store::cache::note_held(cached.is_some());
    let Some(mut cached) = cached else {
        // Nothing on the device and no hint of a session: nobody is signed in, and the
        // server is not asked. With a cache it is, hint or not (a session begun before
        // the server gave hints is kept; its answer brings the hint).
        let answer = if api::may_be_signed_in() {
            asked.await
        } else {
            Ok(None)
        };
        api::take_me(&answer);
        return answer;
    };
    // Keyed by user: another user's drafts are never offered (and go with the cache).
    drafts::preload(std::mem::take(&mut cached.drafts));
    let waited = futures::future::select(asked.clone(), Box::pin(clock::sleep(SERVER_GRACE))).await;
    if let futures::future::Either::Left((answer @ Ok(_), _)) = waited {
        // Kept for its user unless someone else answered: a session that ran out signs in
        // again to the same cache and outbox (nothing waiting is lost).
        if !matches!(&answer, Ok(Some(me)) if me.user.id != cached.me.user.id) {
            store.preload(cached);
        }
        api::take_me(&answer);
        return answer;
    }
    // Unreachable or slow: the cached user and lists now; the server's word when it comes
    // (a 401 ends the session and the sign-in page follows; another user replaces the cache).
    let me = cached.me.clone();
    store.preload(cached);
    Session::current().resume(me.clone());
    leptos::task::spawn_local(async move {
        api::take_me(&asked.await);
    });
    Ok(Some(me))
}

/// How long a start with a cache waits for the server before showing the cache.
const SERVER_GRACE: std::time::Duration = std::time::Duration::from_millis(700);

/// Every view but the sign-in page and an invitation's set-password page needs a
/// signed-in user.
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
            <Route path=path!("/insights") view=|| view! { <RequireSignIn><InsightsView/></RequireSignIn> }/>
            <Route path=path!("/referrals/:id") view=|| view! { <RequireSignIn><ReferralDetailView/></RequireSignIn> }/>
            <Route path=path!("/settings/account") view=|| view! { <RequireSignIn><AccountSettingsView/></RequireSignIn> }/>
            <Route path=path!("/settings/api-keys") view=|| view! { <RequireSignIn><routes::ApiKeysView/></RequireSignIn> }/>
            <Route path=path!("/settings/business-profiles") view=|| view! { <RequireSignIn><routes::BusinessProfilesView/></RequireSignIn> }/>
            <Route path=path!("/settings/people") view=|| view! { <RequireSignIn><routes::PeopleView/></RequireSignIn> }/>
            <Route path=path!("/invitations/:token") view=routes::InvitationView/>
        </Routes>
    }
}
