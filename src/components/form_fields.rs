//! Labelled inputs bound to a form signal, with the field's message beside them
//! (`aria-invalid`, `aria-describedby`). A field's check shows once the user leaves it.

use leptos::prelude::*;

/// What every field needs: where its value lives and what to say about it.
pub struct Bound<F: 'static> {
    pub form: RwSignal<F>,
    /// The message for a field (by its API path), if any.
    pub error: Callback<String, Option<String>>,
    /// The user left a field (by its API path).
    pub leave: Callback<String>,
    /// Inputs are read-only while a request runs.
    pub disabled: Signal<bool>,
}

impl<F> Clone for Bound<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Bound<F> {}

/// A one-line input (`kind`: text, email, tel, date, …).
#[allow(clippy::too_many_arguments)]
pub fn input<F: Send + Sync + 'static>(
    bound: Bound<F>,
    id: impl Into<String>,
    label: String,
    kind: &'static str,
    field: impl Into<String>,
    get: impl Fn(&F) -> String + Copy + Send + Sync + 'static,
    set: impl Fn(&mut F, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id: String = id.into();
    let error_id = format!("{id}-error");
    let (error, leave) = wiring(bound, field.into());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=kind
                aria-invalid={
                    let error = error.clone();
                    move || error().is_some().to_string()
                }
                aria-describedby=error_id.clone()
                prop:value=move || bound.form.with(get)
                on:input=move |event| bound.form.update(|f| set(f, event_target_value(&event)))
                on:blur=leave
                disabled=move || bound.disabled.get()
            />
            <p id=error_id class="field-error">{error}</p>
        </div>
    }
}

/// A multi-line input.
pub fn textarea<F: Send + Sync + 'static>(
    bound: Bound<F>,
    id: impl Into<String>,
    label: String,
    field: impl Into<String>,
    get: impl Fn(&F) -> String + Copy + Send + Sync + 'static,
    set: impl Fn(&mut F, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id: String = id.into();
    let error_id = format!("{id}-error");
    let (error, leave) = wiring(bound, field.into());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                rows="4"
                aria-invalid={
                    let error = error.clone();
                    move || error().is_some().to_string()
                }
                aria-describedby=error_id.clone()
                prop:value=move || bound.form.with(get)
                on:input=move |event| bound.form.update(|f| set(f, event_target_value(&event)))
                on:blur=leave
                disabled=move || bound.disabled.get()
            ></textarea>
            <p id=error_id class="field-error">{error}</p>
        </div>
    }
}

/// A choice from a fixed list of (value, label); the first option is the empty "Choose …".
#[allow(clippy::too_many_arguments)]
pub fn select<F: Send + Sync + 'static>(
    bound: Bound<F>,
    id: impl Into<String>,
    label: String,
    placeholder: String,
    options: Vec<(String, String)>,
    field: impl Into<String>,
    get: impl Fn(&F) -> String + Copy + Send + Sync + 'static,
    set: impl Fn(&mut F, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id: String = id.into();
    let error_id = format!("{id}-error");
    let (error, leave) = wiring(bound, field.into());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-invalid={
                    let error = error.clone();
                    move || error().is_some().to_string()
                }
                aria-describedby=error_id.clone()
                prop:value=move || bound.form.with(get)
                on:change=move |event| bound.form.update(|f| set(f, event_target_value(&event)))
                on:blur=leave
                disabled=move || bound.disabled.get()
            >
                <option value="">{placeholder}</option>
                {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
            <p id=error_id class="field-error">{error}</p>
        </div>
    }
}

/// A field's message, and what leaving it does: its own check shows from then on.
fn wiring<F: Send + Sync + 'static>(
    bound: Bound<F>,
    field: String,
) -> (
    impl Fn() -> Option<String> + Clone + Send + Sync + 'static,
    impl Fn(leptos::ev::FocusEvent) + Clone + 'static,
) {
    let error = {
        let field = field.clone();
        move || bound.error.run(field.clone())
    };
    let leave = move |_| bound.leave.run(field.clone());
    (error, leave)
}

/// A field of a form that is checked as a whole when sent (setting a password), rather
/// than field by field as the user leaves each.
pub struct Checked {
    pub id: &'static str,
    pub label: String,
    /// `text`, `password`, …
    pub kind: &'static str,
    /// Its API name, which its messages in `problems` are filed under.
    pub field: &'static str,
    pub autocomplete: &'static str,
    /// A hint shown under it, which it is described by too.
    pub hint: Option<String>,
}

/// The input of a [`Checked`] field, bound to `value`, with `problems`' message for it.
pub fn checked_input(
    spec: Checked,
    value: RwSignal<String>,
    problems: RwSignal<domain::FieldErrors>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let Checked {
        id,
        label,
        kind,
        field,
        autocomplete,
        hint,
    } = spec;
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let message =
        move || problems.with(|problems| problems.error_for(field).map(crate::i18n::field_error));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                name=field
                type=kind
                autocomplete=autocomplete
                aria-describedby=described
                aria-invalid=move || message().is_some().to_string()
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                disabled=move || disabled.get()
            />
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{hint}</p> })}
            <p id=error_id class="field-error">{message}</p>
        </div>
    }
}
