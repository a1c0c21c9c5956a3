use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// Copies a value (an email address, a phone number) to the clipboard, so nobody
/// retypes it with a typo, and says so.
#[component]
pub fn CopyButton(
    /// What is copied.
    text: String,
    /// What it is, for the button's name and the confirmation: "email address".
    what: &'static str,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<String>);
    let text = StoredValue::new(text);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text.get_value());
        spawn_local(async move {
            let message = match JsFuture::from(promise).await {
                Ok(_) => format!("Copied the {what}."),
                Err(_) => format!("Could not copy the {what}. Select it and copy it yourself."),
            };
            outcome.set(Some(message));
            set_timeout(move || outcome.set(None), std::time::Duration::from_secs(4));
        });
    };
    view! {
        <button type="button" class="copy" aria-label=format!("Copy {what}") title=format!("Copy {what}") on:click=copy>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                <path d="M9 9h11v11H9z M5 15H4V4h11v1" fill="none" stroke="currentColor" stroke-width="2"/>
            </svg>
            <span class="copy-word">"Copy"</span>
        </button>
        <span class="copy-status" role="status">{move || outcome.get()}</span>
    }
}
