use domain::Stage;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, Me, Session};
use crate::clock::Clock;
use crate::format;
use crate::store::{Referrals, SyncState};

/// The product name and, for a signed-in user, the stage navigation with counts,
/// the sync status, the notification bell and their menu.
#[component]
pub fn TopBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = Referrals::current();
    // Each count holds its place before the first sync tells it, so its arrival moves nothing.
    let count =
        move |n: Option<usize>| view! { <span class="count" class:unknown=n.is_none()>{n}</span> };
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

/// When the referrals were last brought up to date with the server (they are kept so
/// live), why not if the last try failed, and a way to catch up now.
#[component]
fn SyncStatus() -> impl IntoView {
    let store = Referrals::current();
    let clock = Clock::current();
    // Only a changed text is announced: a quiet pull that finds nothing new says nothing.
    let status = Memo::new(move |_| {
        let state = store.sync_state();
        let filled = store.with_snapshot(|_| ()).is_some();
        if !store.is_online() && filled {
            return match state.last_synced {
                Some(at) => format!("Offline · synced {}", format::ago(clock.now(), at)),
                None => "Offline".to_owned(),
            };
        }
        match (filled, state) {
            (_, SyncState { asked: true, .. }) | (false, SyncState { error: None, .. }) => {
                "Syncing…".to_owned()
            }
            (false, SyncState { error: Some(_), .. }) => "Not synced".to_owned(),
            (true, SyncState { error: Some(_), .. }) => {
                "Not synced: showing the last list".to_owned()
            }
            (true, SyncState { last_synced, .. }) => match last_synced {
                Some(at) => format!("Synced {}", format::ago(clock.now(), at)),
                None => "Synced".to_owned(),
            },
        }
    });
    let title = move || {
        store
            .sync_state()
            .last_synced
            .map(|at| format!("Last synced at {}", format::time(at)))
    };
    let waiting = move || match store.waiting_count() {
        0 => None,
        1 => Some("1 change waits to sync".to_owned()),
        n => Some(format!("{n} changes wait to sync")),
    };
    view! {
        <div class="sync-status" class:offline=move || !store.is_online()>
            <span role="status" title=title>{move || status.get()}</span>
            <span class="waiting-count" aria-live="polite">{waiting}</span>
            {move || store.storage_trouble().map(|trouble| view! { <span class="storage-trouble" role="alert">{trouble}</span> })}
            <button type="button" class="icon-button" aria-label="Sync now" title="Sync now" on:click=move |_| store.sync_now()>
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
    let store = Referrals::current();
    // Signing out forgets what this device holds (a shared device shows the next person
    // nothing), including changes not yet sent: the user is asked first.
    let sign_out = Action::new_local(move |_: &()| async move {
        api::sign_out().await?;
        store.forget_device().await;
        Ok::<(), api::ApiError>(())
    });
    let busy = sign_out.pending();
    let confirming = RwSignal::new(false);
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
                    if store.waiting_count() > 0 && !confirming.get_untracked() {
                        confirming.set(true);
                    } else {
                        confirming.set(false);
                        sign_out.dispatch(());
                    }
                }
            >
                {move || if confirming.get() { "Sign out anyway" } else { "Sign out" }}
            </button>
            {move || confirming.get().then(|| view! {
                <p class="user-menu-error" role="alert">
                    {format!("{} not synced yet: signing out now discards them. Reconnect first to keep them.", match store.waiting_count() { 1 => "1 change is".to_owned(), n => format!("{n} changes are") })}
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Stay signed in"</button>
                </p>
            })}
            {move || error().map(|error| view! {
                <p class="user-menu-error" role="alert">{error.to_string()}</p>
            })}
        </div>
    }
}
