use domain::i18n::Arg;
use domain::people::{PASSWORD_MIN_CHARS, typed_twice};
use domain::values::Email;
use domain::{FieldError, FieldErrors};
use leptos::prelude::*;

use crate::api::{self, ActionError, Session};
use crate::components::{Checked, checked_input, focus_when_shown};
use crate::i18n::{t, t_with};

/// The signed-in user's account settings: where lead emails go (DOMAIN.md §7: a preferred
/// address takes precedence over the business profile contact).
#[component]
pub fn AccountSettingsView() -> impl IntoView {
    crate::components::page_title(|| t("account-settings-title"));
    let session = expect_context::<Session>();
    // Asked afresh: the address may have been changed on another device.
    let refreshed = LocalResource::new(api::me);
    let me = move || session.me();
    let typed = RwSignal::new(None::<String>);
    let value = move || {
        typed.get().unwrap_or_else(|| {
            me().and_then(|me| me.notification_email)
                .unwrap_or_default()
        })
    };
    let invalid = RwSignal::new(None::<FieldError>);
    let saved = RwSignal::new(false);
    let save = Action::new_local(|email: &Option<String>| {
        let email = email.clone();
        async move { api::save_notification_email(email.as_deref()).await }
    });
    let busy = save.pending();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => {
            typed.set(None);
            invalid.set(None);
            saved.set(true);
        }
        Some(Err(ActionError::Invalid(errors))) => {
            invalid.set(errors.0.into_iter().next());
            focus_when_shown("#notification-email");
        }
        _ => {}
    });
    let failure = move || match save.value().get() {
        Some(Err(error @ (ActionError::Failed(_) | ActionError::Conflict(_)))) => {
            Some(error.to_string())
        }
        _ => None,
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let text = value();
        let text = text.trim();
        // Checked here as the server checks it, so a typo is shown without a round trip.
        if text.is_empty() {
            invalid.set(None);
            save.dispatch(None);
        } else {
            match Email::parse("notificationEmail", text) {
                Ok(email) => {
                    invalid.set(None);
                    save.dispatch(Some(email.as_str().to_owned()));
                }
                Err(error) => {
                    invalid.set(Some(error));
                    focus_when_shown("#notification-email");
                }
            }
        }
    };
    // The field empties once the server has taken it (the save clears what was typed): a
    // refusal leaves the address that is still in force on screen.
    let use_sign_in_address = move |_| {
        saved.set(false);
        invalid.set(None);
        save.dispatch(None);
    };
    let error_text = move || invalid.get().map(|error| crate::i18n::field_error(&error));
    view! {
        <section class="page account-settings" aria-labelledby="page-heading">
            <h1 id="page-heading">{t("account-settings-heading")}</h1>
            <form on:submit=submit aria-busy=move || busy.get().to_string()>
                <h2>{t("account-notifications-heading")}</h2>
                <p id="notification-email-hint" class="secondary">{move || {
                    let sign_in = me().map(|me| me.user.email).unwrap_or_default();
                    t_with("account-notification-email-hint", &[("email", Arg::Text(&sign_in))])
                }}</p>
                <div class="field">
                    <label for="notification-email">{t("field-notificationEmail")}</label>
                    <input
                        id="notification-email"
                        name="notificationEmail"
                        type="email"
                        autocomplete="email"
                        inputmode="email"
                        aria-describedby="notification-email-hint notification-email-error"
                        aria-invalid=move || invalid.get().is_some().to_string()
                        prop:value=value
                        on:input=move |event| {
                            saved.set(false);
                            typed.set(Some(event_target_value(&event)));
                        }
                        disabled=busy
                    />
                    <p id="notification-email-error" class="field-error">{error_text}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" disabled=busy>
                        {move || if busy.get() { t("account-saving") } else { t("account-save") }}
                    </button>
                    {move || me().and_then(|me| me.notification_email).map(|_| view! {
                        <button type="button" class="secondary" disabled=busy on:click=use_sign_in_address>
                            {t("account-use-sign-in-address")}
                        </button>
                    })}
                </div>
                <p role="status" class="form-status">{move || saved.get().then(|| t("account-saved"))}</p>
                {move || failure().map(|failure| view! { <p class="form-error" role="alert">{failure}</p> })}
                {move || refreshed.get().and_then(|answer| answer.err()).map(|error| view! {
                    <p class="form-error" role="alert">{crate::i18n::api_error(&error)}</p>
                })}
            </form>
            <ChangePassword/>
        </section>
    }
}

/// The password change: the current password, the new one twice. Success signs the user
/// out on their other devices; a wrong current password is said at that field.
#[component]
fn ChangePassword() -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let problems = RwSignal::new(FieldErrors::new());
    let changed = RwSignal::new(false);
    let change = Action::new_local(|(current, new): &(String, String)| {
        let (current, new) = (current.clone(), new.clone());
        async move { api::change_password(&current, &new).await }
    });
    let busy = change.pending();
    Effect::new(move |_| match change.value().get() {
        Some(Ok(())) => {
            for typed in [current, new, confirmation] {
                typed.set(String::new());
            }
            problems.set(FieldErrors::new());
            changed.set(true);
        }
        Some(Err(ActionError::Invalid(errors))) => {
            problems.set(errors);
            focus_when_shown(".password-change [aria-invalid=\"true\"]");
        }
        _ => {}
    });
    let failure = move || match change.value().get() {
        Some(Err(error @ ActionError::Failed(_))) => Some(error.to_string()),
        _ => None,
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        changed.set(false);
        let typed = new.get_untracked();
        let mut found = FieldErrors::new();
        if current.with_untracked(String::is_empty) {
            found.push(FieldError::coded("currentPassword", "error-required", &[]));
        }
        found.0.extend(typed_twice(
            "newPassword",
            &typed,
            &confirmation.get_untracked(),
        ));
        let ready = found.is_empty();
        problems.set(found);
        if ready {
            change.dispatch((current.get_untracked(), typed));
        } else {
            focus_when_shown(".password-change [aria-invalid=\"true\"]");
        }
    };
    let hint = t_with(
        "password-hint",
        &[("min", Arg::Count(PASSWORD_MIN_CHARS as i64))],
    );
    let disabled = Signal::from(busy);
    view! {
        <form class="password-change" on:submit=submit aria-busy=move || busy.get().to_string() novalidate>
            <h2>{t("password-heading")}</h2>
            <p id="password-hint" class="secondary">{hint}</p>
            // For password managers: whose password this is.
            <input type="email" name="email" autocomplete="username" hidden=true readonly=true
                value=move || Session::current().me().map(|me| me.user.email).unwrap_or_default()/>
            {checked_input(Checked { id: "password-current", label: t("password-current"), kind: "password", field: "currentPassword", autocomplete: "current-password", hint: None }, current, problems, disabled)}
            {checked_input(Checked { id: "password-new", label: t("password-new"), kind: "password", field: "newPassword", autocomplete: "new-password", hint: None }, new, problems, disabled)}
            {checked_input(Checked { id: "password-confirmation", label: t("password-confirm"), kind: "password", field: "confirmation", autocomplete: "new-password", hint: None }, confirmation, problems, disabled)}
            <div class="form-actions">
                <button type="submit" disabled=busy>
                    {move || if busy.get() { t("password-changing") } else { t("password-change") }}
                </button>
            </div>
            <p role="status" class="form-status">{move || changed.get().then(|| t("password-changed"))}</p>
            {move || failure().map(|failure| view! { <p class="form-error" role="alert">{failure}</p> })}
        </form>
    }
}
