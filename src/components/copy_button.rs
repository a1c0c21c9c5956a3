use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::t;

/// Copies a value (an email address, a phone number) to the clipboard, so nobody
/// retypes it with a typo, and says so.
#[component]
pub fn CopyButton(
    /// What is copied.
    text: String,
    /// The button's name: "Copy email address".
    label: String,
    /// Said once it is copied: "Copied the email address."
    copied: String,
    /// Said when the browser refused: what to do instead.
    failed: String,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<String>);
    let text = StoredValue::new(text);
    let said = StoredValue::new((copied, failed));
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text.get_value());
        spawn_local(async move {
            let worked = JsFuture::from(promise).await.is_ok();
            // The page may have moved on meanwhile.
            let Some(message) = said
                .try_with_value(|(copied, failed)| if worked { copied } else { failed }.clone())
            else {
                return;
            };
            outcome.set(Some(message));
            set_timeout(move || outcome.set(None), std::time::Duration::from_secs(4));
        });
    };
    view! {
        <button type="button" class="copy" aria-label=label.clone() title=label on:click=copy>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                <path d="M9 9h11v11H9z M5 15H4V4h11v1" fill="none" stroke="currentColor" stroke-width="2"/>
            </svg>
            <span class="copy-word">{t("lead-copy")}</span>
        </button>
        <span class="copy-status" role="status">{move || outcome.get()}</span>
    }
}
