use leptos::prelude::*;

/// A button for something that cannot be undone at a click (revoke a key, deactivate a
/// person): it first asks, with a button that does it and one that keeps things as they are.
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
    move || {
        let (label, question, yes, no) = texts.get_value();
        if asking.get() {
            view! {
                <div class="confirm-step" role="group">
                    <p>{question}</p>
                    <button type="button" class="danger" disabled=busy on:click=move |_| on_confirm.run(())>
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
                <button type="button" class="secondary" disabled=busy on:click=move |_| asking.set(true)>
                    {label}
                </button>
            }
            .into_any()
        }
    }
}
