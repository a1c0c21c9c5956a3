use domain::Stage;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, Me, Session};
use crate::format;
use crate::store::Referrals;

/// The product name and, for a signed-in user, the stage navigation with counts,
/// the sync status, the notification bell and their menu.
#[component]
pub fn TopBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = Referrals::current();
    let count = move |n: Option<usize>| n.map(|n| view! { <span class="count">{n}</span> });
    view! {
        <header class="top-bar">
            <a class="brand" href="/inbox">"Referral Desk"</a>
            {move || session.me().map(|me| view! {
                <nav class="stage-nav" aria-label="Referral stages">
                    <A href="/inbox">"Inbox"{move || count(store.count(Stage::Inbox))}</A>
                    <A href="/accepted">"Accepted"{move || count(store.count(Stage::Accepted))}</A>
                    <A href="/archived">"Archived"{move || count(store.count(Stage::Archived))}</A>
                    <A href="/favorites">"Favorites"{move || count(store.favorite_count())}</A>
                </nav>
                <div class="top-bar-end">
                    <SyncStatus/>
                    <Bell/>
                    <UserMenu me/>
                </div>
            })}
        </header>
    }
}

/// Whether the list is up to date with the server, and a way to catch up.
#[component]
fn SyncStatus() -> impl IntoView {
    let store = Referrals::current();
    view! {
        <div class="sync-status">
            <span role="status">{move || match store.loaded() {
                None => "Syncing…".to_owned(),
                Some(_) if store.is_reloading() => "Syncing…".to_owned(),
                Some(_) if store.sync_error().is_some() => "Not synced: showing the last list".to_owned(),
                Some(Ok(snapshot)) => format!("Synced {}", format::time(snapshot.loaded_at)),
                Some(Err(_)) => "Not synced".to_owned(),
            }}</span>
            <button type="button" class="icon-button" aria-label="Sync now" title="Sync now" on:click=move |_| store.reload()>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                    <path d="M20 12a8 8 0 0 1-14.3 4.9M4 12a8 8 0 0 1 14.3-4.9M18 3v4.5h-4.5M6 21v-4.5h4.5" fill="none" stroke="currentColor" stroke-width="2"/>
                </svg>
            </button>
        </div>
    }
}

/// The notification centre's bell; notifications arrive with business profiles.
#[component]
fn Bell() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="bell">
            <button
                type="button"
                class="icon-button"
                aria-label="Notifications"
                title="Notifications"
                aria-expanded=move || open.get().to_string()
                aria-controls="notification-centre"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                    <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 20a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="2"/>
                </svg>
            </button>
            <div id="notification-centre" class="bell-panel" hidden=move || !open.get()>
                <p>"No notifications yet. Recommended actions for new leads will appear here."</p>
            </div>
        </div>
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
