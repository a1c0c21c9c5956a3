use domain::Filter;
use leptos::prelude::*;

use crate::components::focus_now;

/// The active filters as removable chips, and "Clear filters".
#[component]
pub fn FilterChips(current: Signal<Filter>, set_filter: Callback<Filter>) -> impl IntoView {
    let chips = move || current.get().active_chips();
    move || {
        let chips = chips();
        (!chips.is_empty()).then(|| {
            view! {
                <div class="filter-chips" role="group" aria-label="Active filters">
                    {chips.into_iter().map(|chip| {
                        let label = chip.label.clone();
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-label=format!("Remove filter {label}")
                                on:click=move |_| {
                                    set_filter.run(current.get_untracked().without(&chip));
                                    focus_after_removal();
                                }
                            >
                                {label.clone()}
                                <span aria-hidden="true">" ✕"</span>
                            </button>
                        }
                    }).collect_view()}
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| {
                            set_filter.run(current.get_untracked().cleared());
                            focus_after_removal();
                        }
                    >
                        "Clear filters"
                    </button>
                </div>
            }
        })
    }
}

/// The chip that had focus is gone: focus the next remaining chip, or the search box
/// once none is left, rather than dropping to the top of the page.
fn focus_after_removal() {
    request_animation_frame(|| {
        if !focus_now(".filter-chips .chip") {
            focus_now("#list-search");
        }
    });
}
