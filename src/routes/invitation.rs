//! `/invitations/:token`: the page an invitation email links to (no session needed). It
//! says who invited whom to which organisation; the invited person gives their name and
//! a password (twice), is signed in and lands in the Inbox. A link that expired, was used
//! or revoked says so, and what to do.

use domain::FieldErrors;
use domain::i18n::Arg;
use domain::people::{PASSWORD_MIN_CHARS, parse_person_name, typed_twice};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::{self, ActionError, InvitationLink};
use crate::components::{Checked, checked_input, focus_when_shown, page_title};
use crate::format;
use crate::i18n::{api_error, t, t_with, value};

/// The first field the form's check or the server's found wrong.
const FIRST_INVALID: &str = ".invitation-form [aria-invalid=\"true\"]";

/// Where a new colleague starts.
const HOME: &str = "/inbox";

#[component]
pub fn InvitationView() -> impl IntoView {
    page_title(|| t("invitation-page-title"));
    let params = use_params_map();
    let token = Memo::new(move |_| params.get().get("token").unwrap_or_default());
    let link = LocalResource::new(move || {
        let token = token.get();
        async move { api::invitation_link(&token).await }
    });
    view! {
        <section class="page invitation-page" aria-labelledby="page-heading">
            {move || match link.get() {
                None => view! {
                    <h1 id="page-heading">{t("invitation-page-title")}</h1>
                    <p role="status">{t("invitation-loading")}</p>
                }.into_any(),
                Some(Err(error)) => view! {
                    <h1 id="page-heading">{t("invitation-unusable-heading")}</h1>
                    <p class="form-error" role="alert">{api_error(&error)}</p>
                    <p><a class="button secondary" href="/sign-in">{t("invitation-sign-in")}</a></p>
                }.into_any(),
                Some(Ok(link)) => view! { <SetPassword link token=token.get_untracked()/> }.into_any(),
            }}
        </section>
    }
}

/// The invitation and the form that accepts it.
#[component]
fn SetPassword(
    /// What the link offers.
    link: InvitationLink,
    /// The link's token.
    token: String,
) -> impl IntoView {
    let navigate = use_navigate();
    let name = RwSignal::new(link.name.clone().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    // Problems found here (as the server finds them) or named by the server.
    let problems = RwSignal::new(FieldErrors::new());
    let token = StoredValue::new(token);
    let accept = Action::new_local(move |(name, password): &(String, String)| {
        let (name, password) = (name.clone(), password.clone());
        async move { api::accept_invitation(&token.get_value(), &name, &password).await }
    });
    let busy = accept.pending();
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(_)) => navigate(
            HOME,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        ),
        Some(Err(ActionError::Invalid(errors))) => {
            problems.set(errors);
            focus_when_shown(FIRST_INVALID);
        }
        _ => {}
    });
    // What went wrong, and whether it is that the address has an account already
    // (invitations do not tell the inviter whether it has one in another organisation): its
    // owner is then offered the way to sign in with it.
    // Nothing while a try is in flight: the last try's answer no longer stands.
    let failure = move || match accept.value().get().filter(|_| !busy.get()) {
        Some(Err(ActionError::Invalid(_))) | Some(Ok(_)) | None => None,
        Some(Err(error)) => {
            let has_account = matches!(
                &error,
                ActionError::Failed(api::ApiError::Server { explanation: Some(explanation), .. })
                    if explanation.code == "email-has-account"
            );
            Some((error.to_string(), has_account))
        }
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = password.get_untracked();
        let mut found = FieldErrors::new();
        let chosen_name = found.collect(parse_person_name("name", &name.get_untracked()));
        found.0.extend(typed_twice(
            "password",
            &typed,
            &confirmation.get_untracked(),
        ));
        let ready = found.is_empty();
        problems.set(found);
        match (ready, chosen_name) {
            (true, Some(chosen_name)) => {
                accept.dispatch((chosen_name, typed));
            }
            // The keyboard goes to the first field to fix, whose message is read with it.
            _ => focus_when_shown(FIRST_INVALID),
        }
    };
    let intro = t_with(
        "invitation-intro",
        &[
            ("person", Arg::Text(&link.invited_by)),
            ("email", Arg::Text(&link.email)),
            ("role", Arg::Text(&value("Role", link.role.as_str()))),
        ],
    );
    let expires = t_with(
        "invitation-expires",
        &[("date", Arg::Text(&format::date_time(link.expires_at)))],
    );
    let hint = t_with(
        "invitation-password-hint",
        &[("min", Arg::Count(PASSWORD_MIN_CHARS as i64))],
    );
    view! {
        <h1 id="page-heading">{t_with("invitation-heading", &[("organisation", Arg::Text(&link.organisation))])}</h1>
        <p>{intro}</p>
        <p class="secondary">{expires}</p>
        <form class="invitation-form" on:submit=submit aria-busy=move || busy.get().to_string() novalidate>
            // For password managers: the address this password signs in with.
            <input type="email" name="email" autocomplete="username" value=link.email.clone() hidden=true readonly=true/>
            {checked_input(Checked { id: "invitation-name", label: t("invitation-name"), kind: "text", field: "name", autocomplete: "name", hint: None }, name, problems, busy.into())}
            {checked_input(Checked { id: "invitation-password", label: t("invitation-password"), kind: "password", field: "password", autocomplete: "new-password", hint: Some(hint) }, password, problems, busy.into())}
            {checked_input(Checked { id: "invitation-confirmation", label: t("invitation-confirm"), kind: "password", field: "confirmation", autocomplete: "new-password", hint: None }, confirmation, problems, busy.into())}
            <button type="submit" disabled=busy>
                {move || if busy.get() { t("invitation-submitting") } else { t("invitation-submit") }}
            </button>
            // The way to sign in is inside the alert, so that it is announced with it.
            {move || failure().map(|(failure, has_account)| view! {
                <div class="form-error" role="alert">
                    <p>{failure}</p>
                    <a class="button secondary" href="/sign-in" hidden=!has_account>{t("invitation-sign-in")}</a>
                </div>
            })}
        </form>
    }
}
