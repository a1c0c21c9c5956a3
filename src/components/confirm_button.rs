use leptos::prelude::*;

use crate::components::refocus_heading_if_lost;

/// A button for something that cannot be undone at a click (revoke a key, deactivate a
/// person): it first asks, with a button that does it and one that keeps things as they are.
///
/// The keyboard follows the question: asking puts focus on its first button (as the lead
/// forms' confirmation does), and keeping things as they are gives it back to the button
/// that asked, so neither step drops it to the top of the page. Once it is done, its row
/// changes or goes: focus that went with it moves to the page's heading.
#[component]
pub fn ConfirmButton(
    /// The first button: "Revoke".
    label: String,
    /// The question it asks: "Revoke “CRM connector”? …".
    question: String,
    /// The button that does it: "Revoke key".
    yes: String,
    /// The button that changes nothing: "Keep it".
    no: String,
    /// While the thing is being done, neither asks again nor does it twice.
    #[prop(into)]
    busy: Signal<bool>,
    /// Does it.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let texts = StoredValue::new((label, question, yes, no));
    let first = NodeRef::<leptos::html::Button>::new();
    let asker = NodeRef::<leptos::html::Button>::new();
    // Only after a change of step: the button that asks is not focused when first drawn.
    Effect::new(move |before: Option<bool>| {
        let now = asking.get();
        if before.is_some_and(|before| before != now) {
            request_animation_frame(move || {
                let target = if now { first } else { asker };
                if let Some(button) = target.try_get_untracked().flatten() {
                    let _ = button.focus();
                }
            });
        }
        now
    });
    on_cleanup(refocus_heading_if_lost);
    move || {
        let (label, question, yes, no) = texts.get_value();
        if asking.get() {
            let name = question.clone();
            view! {
                <div class="confirm-step" role="alertdialog" aria-label=name>
                    <p>{question}</p>
                    <button type="button" class="danger" node_ref=first disabled=busy on:click=move |_| on_confirm.run(())>
                        {yes}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| asking.set(false)>
                        {no}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="secondary" node_ref=asker disabled=busy on:click=move |_| asking.set(true)>
                    {label}
                </button>
            }
            .into_any()
        }
    }
}
