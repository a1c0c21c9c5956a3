use domain::Stage;
use domain::i18n::{Arg, Locale};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, Me, Session};
use crate::clock::Clock;
use crate::components::{NotificationCentre, PaletteButton};
use crate::format;
use crate::i18n::{Language, t, t_with};
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
            <a class="brand" href="/inbox">{t("app-name")}</a>
            {move || session.me().map(|me| view! {
                <nav class="stage-nav" aria-label=t("nav-stages")>
                    <A href="/inbox">{t("nav-inbox")}{move || count(store.count(Stage::Inbox))}</A>
                    <A href="/accepted">{t("nav-accepted")}{move || count(store.count(Stage::Accepted))}</A>
                    <A href="/archived">{t("nav-archived")}{move || count(store.count(Stage::Archived))}</A>
                    <A href="/favorites">{t("nav-favorites")}{move || count(store.favorite_count())}</A>
                    <A href="/insights">{t("nav-insights")}</A>
                </nav>
                <div class="top-bar-end">
                    <PaletteButton/>
                    <SyncStatus/>
                    <NotificationCentre/>
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
        <div class="user-menu" role="group" aria-label=t("account-label")>
            <p class="user-identity">
                <span class="user-name">{me.user.name}</span>
                <span class="user-detail">
                    <span class="user-organisation">{me.organisation.name}</span>
                    " · "
                    <span class="user-role">{crate::i18n::value("Role", me.role.as_str())}</span>
                </span>
            </p>
            <LanguagePicker/>
            <a class="user-menu-link" href="/settings/account">{t("account-settings-link")}</a>
            {me.role.may_manage_api_keys().then(|| view! {
                <a class="user-menu-link" href="/settings/api-keys">{t("menu-api-keys")}</a>
            })}
            {me.role.may_manage_users().then(|| view! {
                <a class="user-menu-link" href="/settings/people">{t("menu-people")}</a>
            })}
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
                {move || if confirming.get() { t("sign-out-anyway") } else { t("sign-out") }}
            </button>
            {move || confirming.get().then(|| view! {
                <p class="user-menu-error" role="alert">
                    {t_with("sign-out-discards", &[("count", Arg::Count(store.waiting_count() as i64))])}
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{t("stay-signed-in")}</button>
                </p>
            })}
            {move || error().map(|error| view! {
                <p class="user-menu-error" role="alert">{error.to_string()}</p>
            })}
        </div>
    }
}

/// The language the app speaks: a button with the current language's tag opening the
/// four, each named in its own words. Kept on this device and in the account, so it
/// follows the user to their other devices.
#[component]
fn LanguagePicker() -> impl IntoView {
    let language = Language::current();
    let open = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let choose = Action::new_local(move |locale: &Locale| {
        let locale = *locale;
        async move {
            if language.show(locale).await.is_err() {
                failed.set(true);
                return;
            }
            failed.set(false);
            // Kept on this device already; the account is told when it can be reached.
            let _ = api::save_locale(locale).await;
        }
    });
    let current = language.get_untracked();
    let name = t_with(
        "language-current",
        &[("language", Arg::Text(current.native_name()))],
    );
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <div class="language-picker" on:keydown=move |event| {
            if event.key() == "Escape" && open.get_untracked() {
                close();
            }
        }>
            <button
                type="button"
                class="icon-button language-button"
                node_ref=button
                aria-label=name.clone()
                title=name
                aria-expanded=move || open.get().to_string()
                aria-controls="language-menu"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span aria-hidden="true">{current.tag().to_uppercase()}</span>
            </button>
            <ul id="language-menu" class="language-menu" aria-label=t("language-label") hidden=move || !open.get()>
                {Locale::ALL.into_iter().map(|locale| view! {
                    <li>
                        <button
                            type="button"
                            lang=locale.tag()
                            aria-pressed=(locale == current).to_string()
                            on:click=move |_| {
                                close();
                                choose.dispatch(locale);
                            }
                        >
                            {locale.native_name()}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        </div>
        {move || failed.get().then(|| view! {
            <p class="user-menu-error" role="alert">{t("language-unavailable")}</p>
        })}
    }
}
