//! The account menu at the top right: a button with the signed-in user's initials
//! opening who they are (name, organisation, role), the language, the settings screens
//! their role may open, and signing out. One button, so the top bar keeps one row at a
//! desk and one row of buttons on a phone however many settings screens there are.
//!
//! ```ignore
//! view! { <AccountMenu me/> }
//! ```

use domain::i18n::{Arg, Locale};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{self, Me};
use crate::components::Disclosure;
use crate::i18n::{Language, t, t_with};
use crate::store::Referrals;

/// The account button and its panel.
#[component]
pub fn AccountMenu(
    /// The signed-in user.
    me: Me,
) -> impl IntoView {
    let menu = Disclosure::new();
    let label = t_with("account-button", &[("name", Arg::Text(&me.user.name))]);
    view! {
        <div class="account-menu" node_ref=menu.container on:keydown=move |event| menu.on_keydown(&event)>
            <button
                type="button"
                class="icon-button account-button"
                node_ref=menu.button
                aria-label=label.clone()
                title=label
                aria-expanded=move || menu.is_open().to_string()
                aria-controls="account-panel"
                on:click=move |_| {
                    menu.toggle();
                }
            >
                <span class="account-initials" aria-hidden="true">{initials(&me.user.name)}</span>
            </button>
            <div id="account-panel" class="account-panel" role="group" aria-label=t("account-label") hidden=move || !menu.is_open()>
                <Panel me menu/>
            </div>
        </div>
    }
}

/// Up to two letters of the user's name, as the button shows it.
fn initials(name: &str) -> String {
    let letters: String = name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .collect();
    if letters.is_empty() {
        "?".to_owned()
    } else {
        letters.to_uppercase()
    }
}

/// What the open menu holds.
#[component]
fn Panel(me: Me, menu: Disclosure) -> impl IntoView {
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
    // A settings screen opened from the menu: the menu has done its job.
    let link = move |href: &'static str, text: String| {
        view! {
            <li><a class="account-link" href=href on:click=move |_| menu.dismiss()>{text}</a></li>
        }
    };
    view! {
        <p class="user-identity">
            <span class="user-name">{me.user.name}</span>
            <span class="user-detail">
                <span class="user-organisation">{me.organisation.name}</span>
                " · "
                <span class="user-role">{crate::i18n::value("Role", me.role.as_str())}</span>
            </span>
        </p>
        <LanguagePicker user_id=me.user.id.clone()/>
        <ul class="account-links">
            {link("/settings/account", t("account-settings-link"))}
            {me.role.may_manage_users().then(|| link("/settings/people", t("menu-people")))}
            {me.role.may_manage_api_keys().then(|| link("/settings/api-keys", t("menu-api-keys")))}
            {me.role.may_edit_business_profiles().then(|| link("/settings/business-profiles", t("menu-business-profiles")))}
        </ul>
        <button
            type="button"
            class="secondary sign-out"
            disabled=busy
            on:click=move |_| {
                // Changes still to send, or stopped and waiting for the user, are this
                // device's alone: signing out forgets them, so it is asked first.
                let unsent = store.waiting_count() + store.stopped_count();
                if unsent > 0 && !confirming.get_untracked() {
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
            <p class="account-error" role="alert">
                {move || discarded("sign-out-discards", store.waiting_count())}
                {move || discarded("sign-out-discards-stopped", store.stopped_count())}
                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{t("stay-signed-in")}</button>
            </p>
        })}
        {move || error().map(|error| view! {
            <p class="account-error" role="alert">{error.to_string()}</p>
        })}
    }
}

/// What signing out would discard, of one kind: `message` with its `count` (a sentence
/// ending in a space), or nothing when there is none.
fn discarded(message: &'static str, count: usize) -> Option<String> {
    (count > 0).then(|| t_with(message, &[("count", Arg::Count(count as i64))]) + " ")
}

/// The language the app speaks: a button with the current language's tag opening the
/// four, each named in its own words. Kept on this device and in the account, so it
/// follows the user to their other devices.
#[component]
fn LanguagePicker(user_id: String) -> impl IntoView {
    let language = Language::current();
    let list = Disclosure::new();
    let failed = RwSignal::new(false);
    let choose = Action::new_local(move |locale: &Locale| {
        let locale = *locale;
        let user_id = user_id.clone();
        async move {
            if language.choose(&user_id, locale).await.is_err() {
                failed.set(true);
                return;
            }
            failed.set(false);
            // The app is drawn again in the new language, this menu with it: focus goes
            // to the new language button, so a keyboard user keeps their place.
            request_animation_frame(|| {
                if let Some(button) = document()
                    .query_selector(".account-button")
                    .ok()
                    .flatten()
                    .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = button.focus();
                }
            });
        }
    });
    let current = language.get_untracked();
    let name = t_with(
        "language-current",
        &[("language", Arg::Text(current.native_name()))],
    );
    view! {
        <div class="language-picker" node_ref=list.container on:keydown=move |event| list.on_keydown(&event)>
            <button
                type="button"
                class="language-button"
                node_ref=list.button
                aria-expanded=move || list.is_open().to_string()
                aria-controls="language-menu"
                on:click=move |_| {
                    list.toggle();
                }
            >
                {name}
            </button>
            <ul id="language-menu" class="language-menu" aria-label=t("language-label") hidden=move || !list.is_open()>
                {Locale::ALL.into_iter().map(|locale| view! {
                    <li>
                        <button
                            type="button"
                            lang=locale.tag()
                            aria-pressed=(locale == current).to_string()
                            on:click=move |_| {
                                list.close();
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
            <p class="account-error" role="alert">{t("language-unavailable")}</p>
        })}
    }
}
