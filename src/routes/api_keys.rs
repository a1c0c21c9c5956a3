//! `/settings/api-keys`: a partner admin makes keys for other systems to send leads in
//! (the new secret is shown once, with a copy button), sees when each was last used, and
//! revokes them after confirming.

use domain::i18n::Arg;
use leptos::prelude::*;

use crate::api::{self, ActionError, ApiKey, CreatedApiKey, Session};
use crate::components::{ConfirmButton, CopyButton, page_title};
use crate::format;
use crate::i18n::{api_error, field_error, t, t_with};

/// The API keys page; only partner admins get past its first line.
#[component]
pub fn ApiKeysView() -> impl IntoView {
    page_title(|| t("api-keys-title"));
    let session = Session::current();
    let may_manage = move || session.me().is_some_and(|me| me.role.may_manage_api_keys());
    view! {
        <section class="page settings-page" aria-labelledby="page-heading">
            <h1 id="page-heading">{t("api-keys-title")}</h1>
            <p class="settings-intro">{t("api-keys-intro")}</p>
            {move || if may_manage() {
                view! { <ApiKeys/> }.into_any()
            } else {
                view! { <p class="error-panel" role="alert">{t("api-keys-forbidden")}</p> }.into_any()
            }}
        </section>
    }
}

/// The form, the key just made, and the list.
#[component]
fn ApiKeys() -> impl IntoView {
    // Bumped after every change, so the list is read again.
    let version = RwSignal::new(0u32);
    let keys = LocalResource::new(move || {
        version.track();
        api::api_keys()
    });
    let name = RwSignal::new(String::new());
    let created = RwSignal::new(None::<CreatedApiKey>);
    let notice = RwSignal::new(None::<String>);
    let create = Action::new_local(move |name: &String| {
        let name = name.clone();
        async move { api::create_api_key(&name).await }
    });
    let creating = create.pending();
    Effect::new(move |_| {
        if let Some(Ok(key)) = create.value().get() {
            created.set(Some(key));
            name.set(String::new());
            notice.set(None);
            version.update(|n| *n += 1);
        }
    });
    let failure = move || {
        create
            .value()
            .get()
            .and_then(Result::err)
            .filter(|_| !creating.get())
    };
    let name_error = move || match failure() {
        Some(ActionError::Invalid(errors)) => errors.error_for("name").map(field_error),
        _ => None,
    };
    let other_error = move || match failure() {
        Some(ActionError::Invalid(_)) | None => None,
        Some(error) => Some(error.to_string()),
    };
    let revoked = Callback::new(move |key_name: String| {
        notice.set(Some(t_with(
            "api-key-revoked",
            &[("name", Arg::Text(&key_name))],
        )));
        version.update(|n| *n += 1);
    });
    view! {
        <form class="api-key-form" on:submit=move |event| {
            event.prevent_default();
            create.dispatch(name.get_untracked());
        }>
            <label for="api-key-name">{t("api-key-name")}</label>
            <div class="api-key-form-row">
                <input
                    id="api-key-name"
                    name="name"
                    type="text"
                    maxlength="100"
                    autocomplete="off"
                    aria-describedby="api-key-name-hint api-key-name-error"
                    aria-invalid=move || name_error().is_some().to_string()
                    prop:value=move || name.get()
                    on:input=move |event| name.set(event_target_value(&event))
                />
                <button type="submit" disabled=creating>
                    {move || if creating.get() { t("api-key-creating") } else { t("api-key-create") }}
                </button>
            </div>
            <p id="api-key-name-hint" class="field-hint">{t("api-key-name-hint")}</p>
            <p id="api-key-name-error" class="field-error" role="alert">{name_error}</p>
            {move || other_error().map(|error| view! { <p class="error-panel" role="alert">{error}</p> })}
        </form>
        {move || created.get().map(|key| view! { <NewKey key on_done=Callback::new(move |_| created.set(None))/> })}
        <p class="settings-notice" role="status">{move || notice.get()}</p>
        <h2>{t("api-keys-list")}</h2>
        {move || match keys.get() {
            None => view! { <p role="status">{t("api-keys-loading")}</p> }.into_any(),
            Some(Err(error)) => view! {
                <p class="error-panel" role="alert">{t("api-keys-load-failed")}" "{api_error(&error)}</p>
            }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{t("api-keys-empty")}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="api-key-list">
                    {list.into_iter().map(|key| view! { <KeyRow key revoked/> }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}

/// The key just made: its secret, once, with a copy button.
#[component]
fn NewKey(
    /// The key as the server made it, with its secret.
    key: CreatedApiKey,
    /// Hides the secret for good.
    on_done: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="api-key-created" role="region" aria-label=t("api-key-created-label")>
            <p role="alert">{t_with("api-key-created", &[("name", Arg::Text(&key.name))])}</p>
            <div class="api-key-secret">
                <code class="api-key-value">{key.key.clone()}</code>
                <CopyButton
                    text=key.key
                    label=t("api-key-copy")
                    copied=t("api-key-copied")
                    failed=t("api-key-copy-failed")
                />
            </div>
            <button type="button" class="secondary" on:click=move |_| on_done.run(())>{t("api-key-copied-done")}</button>
        </div>
    }
}

/// One key in use: when it was made and by whom, when last used, and Revoke (confirmed first).
#[component]
fn KeyRow(
    /// The key in use.
    key: ApiKey,
    /// Told the key's name once it is revoked.
    revoked: Callback<String>,
) -> impl IntoView {
    let id = key.id.clone();
    let name = key.name.clone();
    let revoke = Action::new_local(move |_: &()| {
        let id = id.clone();
        async move { api::revoke_api_key(&id).await }
    });
    let busy = revoke.pending();
    let key_name = StoredValue::new(name.clone());
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            revoked.run(key_name.get_value());
        }
    });
    let error = move || {
        revoke
            .value()
            .get()
            .and_then(Result::err)
            .filter(|_| !busy.get())
    };
    let created = t_with(
        "api-key-created-on",
        &[
            ("date", Arg::Text(&format::date(key.created_at))),
            ("person", Arg::Text(&key.created_by)),
        ],
    );
    let used = match key.last_used_at {
        Some(at) => t_with(
            "api-key-last-used",
            &[("date", Arg::Text(&format::date_time(at)))],
        ),
        None => t("api-key-never-used"),
    };
    view! {
        <li class="api-key">
            <div class="api-key-about">
                <span class="api-key-name">{name.clone()}</span>
                <span class="api-key-meta">{created}</span>
                <span class="api-key-meta">{used}</span>
                {key.creator_deactivated.then(|| view! {
                    <span class="api-key-meta api-key-warning">
                        {t_with("api-key-creator-deactivated", &[("person", Arg::Text(&key.created_by))])}
                    </span>
                })}
            </div>
            <ConfirmButton
                label=t("api-key-revoke")
                question=t_with("api-key-revoke-confirm", &[("name", Arg::Text(&key_name.get_value()))])
                yes=t("api-key-revoke-yes")
                no=t("api-key-revoke-no")
                busy=busy
                on_confirm=Callback::new(move |()| { revoke.dispatch(()); })
            />
            {move || error().map(|error| view! { <p class="error-panel" role="alert">{error.to_string()}</p> })}
        </li>
    }
}
