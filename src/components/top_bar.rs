use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, Me, Session};

/// The product name and, for a signed-in user, the stage navigation and their menu.
#[component]
pub fn TopBar() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <header class="top-bar">
            <a class="brand" href="/inbox">"Referral Desk"</a>
            {move || session.me().map(|me| view! {
                <nav class="stage-nav" aria-label="Referral stages">
                    <A href="/inbox">"Inbox"</A>
                    <A href="/accepted">"Accepted"</A>
                    <A href="/archived">"Archived"</A>
                    <A href="/favorites">"Favorites"</A>
                </nav>
                <UserMenu me/>
            })}
        </header>
    }
}

/// Who is signed in (name, organisation, role) and the way to sign out.
#[component]
pub fn UserMenu(
    /// The signed-in user.
    me: Me,
) -> impl IntoView {
    let sign_out = Action::new_local(|_: &()| api::sign_out());
    let busy = sign_out.pending();
    let error = move || {
        sign_out
            .value()
            .get()
            .and_then(Result::err)
            .filter(|_| !busy.get())
    };
    view! {
        <div class="user-menu" role="group" aria-label="Your account">
            <p class="user-identity">
                <span class="user-name">{me.user.name}</span>
                <span class="user-detail">
                    <span class="user-organisation">{me.organisation.name}</span>
                    " · "
                    <span class="user-role">{me.role_label}</span>
                </span>
            </p>
            <button
                type="button"
                class="sign-out"
                disabled=busy
                on:click=move |_| {
                    sign_out.dispatch(());
                }
            >
                "Sign out"
            </button>
            {move || error().map(|error| view! {
                <p class="user-menu-error" role="alert">{error.to_string()}</p>
            })}
        </div>
    }
}
