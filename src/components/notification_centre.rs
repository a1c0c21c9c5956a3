//! The notification centre: the bell at the top right with the unread count, opening
//! the user's items (new leads, flame leads nobody answered, leads about to expire)
//! and their actions that could not sync. Each item links to its lead; opening it
//! marks it read.
//!
//! ```ignore
//! view! { <NotificationCentre/> }
//! ```

use domain::i18n::Arg;
use domain::{NotificationItem, NotificationKind};
use leptos::prelude::*;

use crate::clock::Clock;
use crate::components::Disclosure;
use crate::format;
use crate::i18n::{t, t_with};
use crate::store::outbox::Pending;
use crate::store::{Notifications, Referrals};

/// The bell and its panel.
#[component]
pub fn NotificationCentre() -> impl IntoView {
    let bell = Notifications::current();
    let panel = Disclosure::new();
    let unread = Memo::new(move |_| bell.unread());
    let label = move || match unread.get() {
        0 => t("bell-label"),
        n => t_with(
            "notifications-bell-unread",
            &[("count", Arg::Count(n as i64))],
        ),
    };
    let toggle = move |_| {
        // A read on another device moves no feed: the bell asks when it is opened.
        if panel.toggle() {
            bell.refresh();
        }
    };
    view! {
        <div class="bell" node_ref=panel.container on:keydown=move |event| panel.on_keydown(&event)>
            <button
                type="button"
                class="icon-button bell-button"
                node_ref=panel.button
                aria-label=label
                title=label
                aria-expanded=move || panel.is_open().to_string()
                aria-controls="notification-centre"
                on:click=toggle
            >
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                    <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 20a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="2"/>
                </svg>
                {move || (unread.get() > 0).then(|| view! {
                    <span class="bell-count" aria-hidden="true">{unread.get().min(99)}</span>
                })}
            </button>
            <section
                id="notification-centre"
                class="bell-panel"
                aria-labelledby="notification-centre-heading"
                hidden=move || !panel.is_open()
            >
                // Always there, only hidden: an item's link must not leave the page while
                // the router still handles its click.
                <Panel close=Callback::new(move |()| panel.dismiss())/>
            </section>
        </div>
    }
}

/// What the open panel shows.
#[component]
fn Panel(
    /// Closes the panel (an item was opened).
    close: Callback<()>,
) -> impl IntoView {
    let bell = Notifications::current();
    let any_unread = move || {
        bell.items()
            .is_some_and(|items| items.iter().any(NotificationItem::is_unread))
    };
    view! {
        <div class="bell-panel-header">
            <h2 id="notification-centre-heading">{t("bell-label")}</h2>
            <button type="button" class="secondary" disabled=move || !any_unread() on:click=move |_| bell.mark_all_read()>
                {t("notifications-mark-all-read")}
            </button>
        </div>
        {move || (!bell.is_online()).then(|| view! {
            <p class="bell-note" role="status">{t("notifications-offline")}</p>
        })}
        {move || bell.error().filter(|_| bell.is_online()).map(|error| view! {
            <p class="bell-note bell-error" role="alert">
                {t_with("notifications-load-failed", &[("reason", Arg::Text(&error.to_string()))])}
            </p>
        })}
        <ul class="bell-list">
            {move || bell.not_synced().into_iter().map(|pending| view! { <NotSynced pending close/> }).collect_view()}
            {move || bell.items().unwrap_or_default().into_iter().map(|item| view! { <Item item close/> }).collect_view()}
        </ul>
        {move || {
            let empty = bell.items().is_none_or(|items| items.is_empty()) && bell.not_synced().is_empty();
            empty.then(|| view! { <p class="bell-note">{t("bell-empty")}</p> })
        }}
        {move || bell.has_older().then(|| view! {
            <button type="button" class="secondary bell-older" on:click=move |_| bell.load_older()>
                {t("notifications-older")}
            </button>
        })}
    }
}

/// One item of the user's: what it is about, the lead, when; a link to the lead that
/// marks it read.
#[component]
fn Item(
    item: NotificationItem,
    /// Closes the panel.
    close: Callback<()>,
) -> impl IntoView {
    let bell = Notifications::current();
    let clock = Clock::current();
    let unread = item.is_unread();
    let what = match item.kind {
        NotificationKind::NewLead => t("notifications-new-lead"),
        NotificationKind::FlameNotContacted => t("notifications-flame"),
        NotificationKind::ExpiringSoon => t("notifications-expiring"),
    };
    let kind_class = match item.kind {
        NotificationKind::NewLead => "bell-item bell-new",
        NotificationKind::FlameNotContacted => "bell-item bell-flame",
        NotificationKind::ExpiringSoon => "bell-item bell-expiring",
    };
    let href = format!("/referrals/{}", item.referral_id);
    let created = item.created_at;
    let id = item.id.clone();
    view! {
        <li class=kind_class class:unread=unread>
            // The router follows the link; opening the lead is reading the item.
            <a href=href on:click=move |_| {
                bell.mark_read(&id);
                close.run(());
            }>
                <span class="bell-what">
                    {unread.then(|| view! { <span class="visually-hidden">{t("notifications-unread")}": "</span> })}
                    {what}
                </span>
                <span class="bell-lead">{item.customer_name}" · "{item.deal_name}</span>
                <span class="bell-when">{move || format::ago(clock.now(), created)}</span>
            </a>
        </li>
    }
}

/// An action of the user's the server would not take: open the lead to resolve it.
#[component]
fn NotSynced(
    pending: Pending,
    /// Closes the panel.
    close: Callback<()>,
) -> impl IntoView {
    let store = Referrals::current();
    let customer = store
        .referral(&pending.referral_id)
        .map(|referral| format!("{} · {}", referral.customer_profile.name, referral.name));
    let href = format!("/referrals/{}", pending.referral_id);
    view! {
        <li class="bell-item bell-not-synced unread">
            <a href=href on:click=move |_| close.run(())>
                <span class="bell-what">
                    {t_with("notifications-not-synced", &[("change", Arg::Text(&pending.label()))])}
                </span>
                {customer.map(|customer| view! { <span class="bell-lead">{customer}</span> })}
                <span class="bell-when">{t("notifications-not-synced-note")}</span>
            </a>
        </li>
    }
}
