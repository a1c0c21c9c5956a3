//! `/settings/people`: a partner admin sees the organisation's people, gives a colleague
//! another role, deactivates someone who left (after confirming), invites a colleague by
//! email with a role, and revokes an invitation nobody used yet.

use domain::i18n::Arg;
use domain::people::parse_offered_person_name;
use domain::values::Email;
use domain::{FieldErrors, Role};
use leptos::prelude::*;

use crate::api::{self, ActionError, PendingInvitation, Person, Session};
use crate::components::{ConfirmButton, page_title};
use crate::format;
use crate::i18n::{api_error, field_error, t, t_with, value};

/// The people page; only partner admins get past its first line.
#[component]
pub fn PeopleView() -> impl IntoView {
    page_title(|| t("people-title"));
    let session = Session::current();
    let may_manage = move || session.me().is_some_and(|me| me.role.may_manage_users());
    view! {
        <section class="page settings-page people-page" aria-labelledby="page-heading">
            <h1 id="page-heading">{t("people-title")}</h1>
            <p class="settings-intro">{t("people-intro")}</p>
            {move || if may_manage() {
                view! { <People/> }.into_any()
            } else {
                view! { <p class="error-panel" role="alert">{t("people-forbidden")}</p> }.into_any()
            }}
        </section>
    }
}

/// A change a partner admin makes to a person or an invitation from its row.
#[derive(Debug, Clone)]
enum Change {
    Role {
        id: String,
        name: String,
        role: Role,
    },
    Active {
        id: String,
        name: String,
        active: bool,
    },
    Revoke {
        id: String,
        email: String,
    },
}

impl Change {
    /// Asks the server; what to announce once it is done.
    async fn apply(self) -> Result<String, api::ApiError> {
        match self {
            Change::Role { id, name, role } => {
                api::change_role(&id, role).await?;
                Ok(t_with(
                    "people-role-changed",
                    &[
                        ("name", Arg::Text(&name)),
                        ("role", Arg::Text(&value("Role", role.as_str()))),
                    ],
                ))
            }
            Change::Active { id, name, active } => {
                api::set_active(&id, active).await?;
                let said = if active {
                    "people-reactivated"
                } else {
                    "people-deactivated"
                };
                Ok(t_with(said, &[("name", Arg::Text(&name))]))
            }
            Change::Revoke { id, email } => {
                api::revoke_invitation(&id).await?;
                Ok(t_with("people-revoked", &[("email", Arg::Text(&email))]))
            }
        }
    }
}

/// The invite form, the people and the pending invitations; each change reads them again
/// (a refused role change shows the role as it is).
#[component]
fn People() -> impl IntoView {
    let version = RwSignal::new(0u32);
    let listed = LocalResource::new(move || {
        version.track();
        api::people()
    });
    let notice = RwSignal::new(None::<String>);
    let change = Action::new_local(|change: &Change| change.clone().apply());
    let busy: Signal<bool> = change.pending().into();
    let invited = Callback::new(move |said: String| {
        notice.set(Some(said));
        version.update(|n| *n += 1);
    });
    Effect::new(move |_| {
        if let Some(done) = change.value().get() {
            notice.set(done.as_ref().ok().cloned());
            version.update(|n| *n += 1);
        }
    });
    let refused = move || {
        change
            .value()
            .get()
            .and_then(Result::err)
            .filter(|_| !busy.get())
    };
    let apply = Callback::new(move |asked: Change| {
        change.dispatch(asked);
    });
    let organisation = move || {
        Session::current()
            .me()
            .map(|me| me.organisation.name)
            .unwrap_or_default()
    };
    view! {
        <InviteForm invited/>
        <p class="settings-notice" role="status">{move || notice.get()}</p>
        {move || refused().map(|error| view! { <p class="error-panel" role="alert">{api_error(&error)}</p> })}
        {move || match listed.get() {
            None => view! { <p role="status">{t("people-loading")}</p> }.into_any(),
            Some(Err(error)) => view! {
                <p class="error-panel" role="alert">{t("people-load-failed")}" "{api_error(&error)}</p>
            }.into_any(),
            Some(Ok(list)) => view! {
                <h2>{t_with("people-list", &[("organisation", Arg::Text(&organisation()))])}</h2>
                <ul class="people-list">
                    {list.people.into_iter().map(|person| person_row(person, busy, apply)).collect_view()}
                </ul>
                <h2>{t("people-invitations")}</h2>
                {if list.invitations.is_empty() {
                    view! { <p>{t("people-invitations-empty")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="people-list">
                            {list.invitations.into_iter().map(|invitation| invitation_row(invitation, busy, apply)).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }.into_any(),
        }}
    }
}

/// The roles a select offers, in the domain's order, as people read them.
fn role_options(selected: Role) -> impl IntoView {
    Role::ALL
        .iter()
        .map(|role| {
            view! {
                <option value=role.as_str() selected=*role == selected>{value("Role", role.as_str())}</option>
            }
        })
        .collect_view()
}

/// Email, name and role of a colleague to invite; what was typed stays until the
/// invitation is sent.
#[component]
fn InviteForm(
    /// Told what to announce once an invitation is sent.
    invited: Callback<String>,
) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::ReferralsUser);
    // Problems found here as the server finds them, before sending.
    let typed_errors = RwSignal::new(FieldErrors::new());
    // Fields typed into since the server's last answer: its refusal no longer speaks of them.
    let retyped = RwSignal::new(Vec::<&'static str>::new());
    let send = Action::new_local(
        move |(email, role, name): &(String, Role, Option<String>)| {
            let (email, role, name) = (email.clone(), *role, name.clone());
            async move { api::invite(&email, role, name.as_deref()).await }
        },
    );
    let sending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(invitation)) = send.value().get() {
            email.set(String::new());
            name.set(String::new());
            invited.run(t_with(
                "invite-sent",
                &[("email", Arg::Text(&invitation.email))],
            ));
        }
    });
    let failure = move || {
        send.value()
            .get()
            .and_then(Result::err)
            .filter(|_| !sending.get())
    };
    // What the form shows for `field`: this device's finding, else the server's.
    let field_message = move |field: &'static str| {
        if let Some(error) = typed_errors.with(|errors| errors.error_for(field).cloned()) {
            return Some(field_error(&error));
        }
        if retyped.with(|fields| fields.contains(&field)) {
            return None;
        }
        match failure() {
            Some(ActionError::Invalid(errors)) => errors.error_for(field).map(field_error),
            _ => None,
        }
    };
    let email_error = move || {
        let answered = !retyped.with(|fields| fields.contains(&"email"));
        field_message("email").or_else(|| match failure().filter(|_| answered) {
            // The address has an account or an open invitation: said at the address.
            Some(ActionError::Failed(error @ api::ApiError::Server { status: 409, .. })) => {
                Some(api_error(&error))
            }
            _ => None,
        })
    };
    let name_error = move || field_message("name");
    let other_error = move || match failure() {
        Some(ActionError::Failed(api::ApiError::Server { status: 409, .. }))
        | Some(ActionError::Invalid(_))
        | None => None,
        Some(error) => Some(error.to_string()),
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        // Checked here as the server checks them, so a typo shows without a round trip.
        let mut found = FieldErrors::new();
        let address = found.collect(Email::parse("email", &email.get_untracked()));
        let offered = found.collect(parse_offered_person_name("name", &name.get_untracked()));
        let ready = found.is_empty();
        typed_errors.set(found);
        retyped.set(Vec::new());
        if let (true, Some(address), Some(offered)) = (ready, address, offered) {
            send.dispatch((address.as_str().to_owned(), role.get_untracked(), offered));
        }
    };
    // Typing into a field takes back what was found in it.
    let retype = move |field: &'static str| {
        typed_errors.update(|errors| errors.0.retain(|error| error.field != field));
        if !retyped.with_untracked(|fields| fields.contains(&field)) {
            retyped.update(|fields| fields.push(field));
        }
    };
    view! {
        <form class="invite-form" on:submit=submit aria-busy=move || sending.get().to_string() novalidate>
            <h2>{t("invite-heading")}</h2>
            <div class="invite-fields">
                {invite_input("email", "email", t("invite-email"), email, email_error, retype)}
                {invite_input("name", "text", t("invite-name"), name, name_error, retype)}
                <div class="field">
                    <label for="invite-role">{t("invite-role")}</label>
                    // Only the domain's roles are offered: the server has nothing to refuse here.
                    <select
                        id="invite-role"
                        name="role"
                        on:change=move |event| {
                            if let Ok(chosen) = event_target_value(&event).parse() {
                                role.set(chosen);
                            }
                        }
                    >
                        {move || role_options(role.get())}
                    </select>
                </div>
            </div>
            <button type="submit" disabled=sending>
                {move || if sending.get() { t("invite-sending") } else { t("invite-send") }}
            </button>
            {move || other_error().map(|error| view! { <p class="form-error" role="alert">{error}</p> })}
        </form>
    }
}

/// A text field of the invite form: `field` (its API name) bound to `value`, with the
/// message `error` gives for it; typing into it calls `retype` with its name.
fn invite_input(
    field: &'static str,
    kind: &'static str,
    label: String,
    value: RwSignal<String>,
    error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
    retype: impl Fn(&'static str) + Copy + 'static,
) -> impl IntoView {
    let id = format!("invite-{field}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=field
                type=kind
                autocomplete="off"
                inputmode=(kind == "email").then_some("email")
                aria-describedby=error_id.clone()
                aria-invalid=move || error().is_some().to_string()
                prop:value=move || value.get()
                on:input=move |event| {
                    retype(field);
                    value.set(event_target_value(&event));
                }
            />
            <p id=error_id class="field-error" role="alert">{error}</p>
        </div>
    }
}

/// One person: their role (a select, except for oneself), when they last signed in, and
/// Deactivate (confirmed first) or Reactivate.
fn person_row(person: Person, busy: Signal<bool>, apply: Callback<Change>) -> impl IntoView {
    let signed_in = match person.last_signed_in_at {
        Some(at) => t_with(
            "people-last-sign-in",
            &[("date", Arg::Text(&format::date_time(at)))],
        ),
        None => t("people-never-signed-in"),
    };
    let status = if person.active {
        t("people-status-active")
    } else {
        t("people-status-deactivated")
    };
    let (id, name) = (person.id.clone(), person.name.clone());
    let controls = if person.you {
        view! { <span class="person-role">{value("Role", person.role.as_str())}" "{t("people-you")}</span> }.into_any()
    } else {
        let asked = (id.clone(), name.clone());
        let activation = Change::Active {
            id,
            name: name.clone(),
            active: !person.active,
        };
        let toggle = if person.active {
            view! {
                <ConfirmButton
                    label=t("people-deactivate")
                    question=t_with("people-deactivate-confirm", &[("name", Arg::Text(&name))])
                    yes=t("people-deactivate-yes")
                    no=t("people-deactivate-no")
                    busy=busy
                    on_confirm=Callback::new(move |()| apply.run(activation.clone()))
                />
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="secondary" disabled=busy on:click=move |_| apply.run(activation.clone())>
                    {t("people-reactivate")}
                </button>
            }
            .into_any()
        };
        // Choosing in the select changes nothing yet: a keyboard moving through the
        // options fires `change` at each one. The new role is applied by its own button.
        let current = person.role;
        let chosen = RwSignal::new(current);
        let asked = StoredValue::new(asked);
        view! {
            <select
                class="person-role-select"
                aria-label=t_with("people-role-of", &[("name", Arg::Text(&person.name))])
                disabled=busy
                prop:value=move || chosen.get().as_str()
                on:change=move |event| {
                    if let Ok(role) = event_target_value(&event).parse::<Role>() {
                        chosen.set(role);
                    }
                }
            >
                {role_options(current)}
            </select>
            <Show when=move || chosen.get() != current>
                <button type="button" disabled=busy on:click=move |_| {
                    let (id, name) = asked.get_value();
                    apply.run(Change::Role { id, name, role: chosen.get_untracked() });
                }>{t("people-role-apply")}</button>
                <button type="button" class="secondary" on:click=move |_| chosen.set(current)>
                    {t_with("people-role-keep", &[("role", Arg::Text(&value("Role", current.as_str())))])}
                </button>
            </Show>
            {toggle}
        }
        .into_any()
    };
    view! {
        <li class="person" class:deactivated=!person.active>
            <div class="person-about">
                <span class="person-name">{person.name.clone()}</span>
                <span class="person-meta">{person.email.clone()}</span>
                <span class="person-meta">{status}" · "{signed_in}</span>
            </div>
            <div class="person-controls">{controls}</div>
        </li>
    }
}

/// One pending invitation: whom, as what, by whom, until when; Revoke (confirmed first).
fn invitation_row(
    invitation: PendingInvitation,
    busy: Signal<bool>,
    apply: Callback<Change>,
) -> impl IntoView {
    let invited = t_with(
        "people-invitation-meta",
        &[
            ("date", Arg::Text(&format::date(invitation.created_at))),
            ("person", Arg::Text(&invitation.invited_by)),
            ("role", Arg::Text(&value("Role", invitation.role.as_str()))),
        ],
    );
    let until = if invitation.expired {
        t_with(
            "people-invitation-expired",
            &[("date", Arg::Text(&format::date(invitation.expires_at)))],
        )
    } else {
        t_with(
            "people-invitation-expires",
            &[("date", Arg::Text(&format::date_time(invitation.expires_at)))],
        )
    };
    let revoke = Change::Revoke {
        id: invitation.id,
        email: invitation.email.clone(),
    };
    view! {
        <li class="person invitation" class:expired=invitation.expired>
            <div class="person-about">
                <span class="person-name">{invitation.email.clone()}</span>
                <span class="person-meta">{invited}</span>
                <span class="person-meta">{until}</span>
            </div>
            <div class="person-controls">
                <ConfirmButton
                    label=t("people-revoke")
                    question=t_with("people-revoke-confirm", &[("email", Arg::Text(&invitation.email))])
                    yes=t("people-revoke-yes")
                    no=t("people-revoke-no")
                    busy=busy
                    on_confirm=Callback::new(move |()| apply.run(revoke.clone()))
                />
            </div>
        </li>
    }
}
