use domain::Stage;
use domain::i18n::Arg;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::Session;
use crate::clock::Clock;
use crate::components::{AccountMenu, AfterPaint, NotificationCentre, PaletteButton};
use crate::format;
use crate::i18n::{t, t_with};
use crate::store::{Referrals, SyncState};

/// The product name and, for a signed-in user, the stage navigation with counts,
/// the sync status, the notification bell and their account menu.
#[component]
pub fn TopBar() -> impl IntoView {
    let session = expect_context::<Session>();
    let store = Referrals::current();
    // Each count holds its place before the first sync tells it, so its arrival moves nothing.
    let count =
        move |n: Option<usize>| view! { <span class="count" class:unknown=n.is_none()>{n}</span> };
    view! {
        <header class="top-bar">
            <a class="brand" href="/inbox">{t("app-name")}</a>
            {move || session.me().map(|me| view! {
                <nav class="stage-nav" aria-label=t("nav-stages")>
                    <A href="/inbox">{t("nav-inbox")}{move || count(store.count(Stage::Inbox))}</A>
                    <A href="/accepted">{t("nav-accepted")}{move || count(store.count(Stage::Accepted))}</A>
                    <A href="/archived">{t("nav-archived")}{move || count(store.count(Stage::Archived))}</A>
                    <A href="/favorites">{t("nav-favorites")}{move || count(store.favorite_count())}</A>
                    <A href="/insights">{t("nav-insights")}</A>
                </nav>
                // Menus and buttons at the end of the bar, beside nothing that moves.
                <AfterPaint>
                    <div class="top-bar-end">
                        <PaletteButton/>
                        <SyncStatus/>
                        <NotificationCentre/>
                        <AccountMenu me=me.clone()/>
                    </div>
                </AfterPaint>
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
                Some(at) => t_with(
                    "sync-offline-synced",
                    &[("ago", Arg::Text(&format::ago(clock.now(), at)))],
                ),
                None => t("sync-offline"),
            };
        }
        match (filled, state) {
            (_, SyncState { asked: true, .. }) | (false, SyncState { error: None, .. }) => {
                t("sync-syncing")
            }
            (false, SyncState { error: Some(_), .. }) => t("sync-not-synced"),
            (true, SyncState { error: Some(_), .. }) => t("sync-showing-last-list"),
            (true, SyncState { last_synced, .. }) => match last_synced {
                Some(at) => t_with(
                    "sync-synced-ago",
                    &[("ago", Arg::Text(&format::ago(clock.now(), at)))],
                ),
                None => t("sync-synced"),
            },
        }
    });
    let title = move || {
        store
            .sync_state()
            .last_synced
            .map(|at| t_with("sync-last-at", &[("time", Arg::Text(&format::time(at)))]))
    };
    let waiting = move || match store.waiting_count() {
        0 => None,
        n => Some(t_with("sync-waiting", &[("count", Arg::Count(n as i64))])),
    };
    view! {
        <div class="sync-status" class:offline=move || !store.is_online()>
            <span role="status" title=title>{move || status.get()}</span>
            <span class="waiting-count" aria-live="polite">{waiting}</span>
            {move || store.storage_trouble().map(|trouble| view! { <span class="storage-trouble" role="alert">{trouble}</span> })}
            <button type="button" class="icon-button" aria-label=t("sync-now") title=t("sync-now") on:click=move |_| store.sync_now()>
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                    <path d="M20 12a8 8 0 0 1-14.3 4.9M4 12a8 8 0 0 1 14.3-4.9M18 3v4.5h-4.5M6 21v-4.5h4.5" fill="none" stroke="currentColor" stroke-width="2"/>
                </svg>
            </button>
        </div>
    }
}
