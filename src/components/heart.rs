use leptos::prelude::*;

use crate::i18n::t;
use crate::store::Referrals;

/// The heart that puts a referral on the user's favorites, and takes it off again.
///
/// It changes at once (everywhere: rows, counts, the Favorites view) and tells the
/// server in the background; offline it waits in the outbox and stays; if the server
/// refuses it, it changes back and says why.
#[component]
pub fn Heart(
    /// The referral this heart is for.
    referral_id: String,
) -> impl IntoView {
    let store = Referrals::current();
    let failure = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let id = StoredValue::new(referral_id);
    let favorite = move || id.with_value(|id| store.is_favorite(id));
    let toggle = move |_| {
        if pending.get_untracked() {
            return;
        }
        let wanted = !id.with_value(|id| store.is_favorite(id));
        failure.set(None);
        pending.set(true);
        // One request at a time, so a quick double click cannot arrive out of order.
        store.set_favorite(id.get_value(), wanted, move |answer| {
            failure.set(answer.err().map(|error| error.to_string()));
            pending.set(false);
        });
    };
    let label = move || {
        if favorite() {
            t("lead-favorite-remove")
        } else {
            t("lead-favorite-add")
        }
    };
    view! {
        <button
            type="button"
            class="heart"
            class:heart-on=favorite
            aria-pressed=move || favorite().to_string()
            aria-label=label
            title=label
            on:click=toggle
        >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                <path d="M12 21s-7.5-4.6-9.6-9.1C.9 8.6 3 5 6.6 5c2 0 3.4 1.1 4.2 2.3h2.4C14 6.1 15.4 5 17.4 5 21 5 23.1 8.6 21.6 11.9 19.5 16.4 12 21 12 21z"/>
            </svg>
        </button>
        {move || failure.get().map(|message| view! { <span class="heart-error" role="alert">{message}</span> })}
    }
}
