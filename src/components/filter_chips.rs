use domain::Filter;
use domain::filter::{Chip, ChipValue};
use domain::i18n::Arg;
use leptos::prelude::*;

use crate::components::focus_now;
use crate::i18n::{t, t_with, value};

/// The active filters as removable chips, and "Clear filters".
#[component]
pub fn FilterChips(current: Signal<Filter>, set_filter: Callback<Filter>) -> impl IntoView {
    let chips = move || current.get().active_chips();
    move || {
        let chips = chips();
        (!chips.is_empty()).then(|| {
            view! {
                <div class="filter-chips" role="group" aria-label=t("filter-active")>
                    {chips.into_iter().enumerate().map(|(at, chip)| {
                        let label = chip_label(&chip);
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-label=t_with("filter-remove", &[("chip", Arg::Text(&label))])
                                on:click=move |_| {
                                    set_filter.run(current.get_untracked().without(&chip));
                                    focus_after_removal(at);
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
                            focus_after_removal(0);
                        }
                    >
                        {t("filter-clear")}
                    </button>
                </div>
            }
        })
    }
}

/// What a chip says, "Call to action: Contact me", in the current language: from its
/// value, as the domain's `Chip::label` is English.
fn chip_label(chip: &Chip) -> String {
    let (field, shown) = match &chip.value {
        ChipValue::CallToAction(v) => (
            t("filter-call-to-action"),
            value("CallToAction", v.as_str()),
        ),
        ChipValue::Country(v) => (t("filter-country"), crate::format::country(*v)),
        ChipValue::CustomerName(v) => (t("filter-customer"), v.clone()),
        ChipValue::LeadSource(v) => (t("filter-lead-source"), value("LeadSource", v.as_str())),
        ChipValue::LeadType(v) => (t("filter-lead-type"), value("LeadType", v.as_str())),
        ChipValue::LeadQuality(v) => (t("filter-lead-quality"), value("LeadQuality", v.as_str())),
        ChipValue::Status(v) => (t("filter-status"), value("Status", v.as_str())),
        ChipValue::EmailValidity(v) => (t("filter-email"), value("EmailValidity", v.as_str())),
        ChipValue::PhoneValidity(v) => (t("filter-phone"), value("PhoneValidity", v.as_str())),
        ChipValue::Search(v) => (
            t("filter-search"),
            t_with("filter-chip-search", &[("search", Arg::Text(v.trim()))]),
        ),
    };
    t_with(
        "filter-chip",
        &[("field", Arg::Text(&field)), ("value", Arg::Text(&shown))],
    )
}

/// The chip that had focus (the `at`-th) is gone: focus the chip now in its place (the
/// next one), else the one before it (it was the last), or the search box once none is
/// left, rather than dropping to the top of the page.
fn focus_after_removal(at: usize) {
    request_animation_frame(move || {
        let left = document()
            .query_selector_all(".filter-chips .chip")
            .map_or(0, |chips| chips.length() as usize);
        if left == 0 {
            focus_now("#list-search");
        } else {
            let chip = at.min(left - 1) + 1;
            focus_now(&format!(".filter-chips .chip:nth-of-type({chip})"));
        }
    });
}
