//! The nine filters of the list (DOMAIN.md §5). Beside the list on a desk, a
//! slide-over on a phone, where the list's sort joins them. Every change goes into
//! the URL (see `ReferralList`).

use std::collections::BTreeSet;

use domain::Filter;
use domain::referral::{
    CallToAction, EmailValidity, LeadQuality, LeadSource, LeadType, PhoneValidity, Status,
};
use domain::values::CountryCode;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{focus_now, matches_media};
use crate::i18n::{t, value};
use crate::listing::Listing;
use crate::store::Referrals;

/// The stylesheet's width below which the panel is a slide-over (`style/main.css`,
/// "max-width: 1023px").
const SLIDE_OVER: &str = "(max-width: 1023px)";

/// The filter panel.
#[component]
pub fn FilterPanel(
    listing: Listing,
    current: Signal<Filter>,
    set_filter: Callback<Filter>,
    /// Whether the phone slide-over is open (the desk layout always shows the panel).
    open: RwSignal<bool>,
    /// Shown above the filters (the sort, on a phone).
    children: Children,
) -> impl IntoView {
    let close_button = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        // Back to the button that opened the panel.
        focus_now(".filters-toggle");
    };
    Effect::new(move |_| {
        if open.get()
            && let Some(button) = close_button.get_untracked()
        {
            let _ = button.focus();
        }
    });
    // A window widened to the desk layout (a tablet turned, a zoom undone) shows the panel
    // beside the list, where it is no dialog: an open slide-over closes, or its focus trap
    // and the shortcuts it holds back would stay with no way out on screen.
    let sheet = matches_media(SLIDE_OVER);
    Effect::new(move |_| {
        if !sheet.get() && open.get_untracked() {
            open.set(false);
        }
    });
    // While the slide-over is open it is modal: Escape closes it, Tab stays inside.
    let on_key = window_event_listener(ev::keydown, move |event| {
        if !open.get_untracked() {
            return;
        }
        match event.key().as_str() {
            "Escape" => close(),
            "Tab" => keep_focus_inside(&event),
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
    let store = Referrals::current();
    // A memo: the live store changes often, the countries in it seldom (the group is redrawn only then).
    let countries = Memo::new(move |_| countries_in(store, listing, current.get()));
    view! {
        <div class="filter-backdrop" class:open=move || open.get() on:click=move |_| close()></div>
        <aside
            id="filter-panel"
            class="filter-panel"
            class:open=move || open.get()
            role=move || open.get().then_some("dialog")
            aria-modal=move || open.get().then_some("true")
            aria-labelledby="filter-heading"
        >
            <div class="filter-panel-header">
                <h2 id="filter-heading">{t("filter-heading")}</h2>
                <button type="button" class="secondary filter-close" node_ref=close_button on:click=move |_| close()>
                    {t("filter-done")}
                </button>
            </div>
            {children()}
            <CustomerNameFilter current set_filter/>
            {options(
                t("filter-call-to-action"),
                labelled("CallToAction", CallToAction::ALL, CallToAction::as_str),
                |f| &mut f.calls_to_action,
                current,
                set_filter,
            )}
            {move || options(
                t("filter-country"),
                countries.get(),
                |f| &mut f.countries,
                current,
                set_filter,
            )}
            {options(
                t("filter-lead-source"),
                labelled("LeadSource", LeadSource::ALL, LeadSource::as_str),
                |f| &mut f.lead_sources,
                current,
                set_filter,
            )}
            {options(
                t("filter-lead-type"),
                labelled("LeadType", LeadType::ALL, LeadType::as_str),
                |f| &mut f.lead_types,
                current,
                set_filter,
            )}
            {options(
                t("filter-lead-quality"),
                labelled("LeadQuality", LeadQuality::ALL, LeadQuality::as_str),
                |f| &mut f.lead_qualities,
                current,
                set_filter,
            )}
            {options(
                t("filter-status"),
                labelled("Status", Status::ALL, Status::as_str),
                |f| &mut f.statuses,
                current,
                set_filter,
            )}
            {options(
                t("filter-email-validity"),
                labelled("EmailValidity", EmailValidity::ALL, EmailValidity::as_str),
                |f| &mut f.email_validities,
                current,
                set_filter,
            )}
            {options(
                t("filter-phone-validity"),
                labelled("PhoneValidity", PhoneValidity::ALL, PhoneValidity::as_str),
                |f| &mut f.phone_validities,
                current,
                set_filter,
            )}
            <button type="button" class="filter-show" on:click=move |_| close()>{t("filter-show-referrals")}</button>
        </aside>
    }
}

/// Tab from the panel's last control goes to its first, Shift+Tab from the first to the last.
fn keep_focus_inside(event: &web_sys::KeyboardEvent) {
    let Ok(controls) =
        document().query_selector_all("#filter-panel :is(button, input, select):not([disabled])")
    else {
        return;
    };
    let element = |at: u32| {
        controls
            .item(at)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (element(0), element(controls.length().saturating_sub(1)))
    else {
        return;
    };
    let active = document().active_element();
    let at = |target: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|active| active.is_same_node(Some(target)))
    };
    let inside = active.as_ref().is_some_and(|active| {
        document()
            .get_element_by_id("filter-panel")
            .is_some_and(|panel| panel.contains(Some(active)))
    });
    let wrap_to = if event.shift_key() && (at(&first) || !inside) {
        Some(last)
    } else if !event.shift_key() && (at(&last) || !inside) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to {
        event.prevent_default();
        let _ = target.focus();
    }
}

/// Every value of a closed set with the words the panel shows for it: the
/// `value-<kind>-<value>` message of its API spelling (`api`).
fn labelled<T: Copy>(kind: &str, all: &[T], api: fn(T) -> &'static str) -> Vec<(T, String)> {
    all.iter()
        .map(|&each| (each, value(kind, api(each))))
        .collect()
}

/// A group of checkboxes for one filter; ticking one more widens it (OR within a field).
fn options<T>(
    legend: String,
    values: Vec<(T, String)>,
    field: fn(&mut Filter) -> &mut BTreeSet<T>,
    current: Signal<Filter>,
    set_filter: Callback<Filter>,
) -> impl IntoView
where
    T: Copy + Ord + Send + Sync + 'static,
{
    let is_on = move |value: T| field(&mut current.get()).contains(&value);
    let toggle = move |value: T| {
        let mut filter = current.get_untracked();
        let set = field(&mut filter);
        if !set.remove(&value) {
            set.insert(value);
        }
        set_filter.run(filter);
    };
    view! {
        <fieldset class="filter-group">
            <legend>{legend}</legend>
            <div class="filter-options">
                {values.into_iter().map(|(value, label)| view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || is_on(value)
                            on:change=move |_| toggle(value)
                        />
                        {label}
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// The countries of the list's referrals (and any chosen ones), by name.
fn countries_in(store: Referrals, listing: Listing, current: Filter) -> Vec<(CountryCode, String)> {
    let mut codes: BTreeSet<CountryCode> = current.countries.clone();
    let stage = listing.effective(&current).stage;
    store.with_snapshot(|snapshot| {
        codes.extend(
            snapshot
                .referrals()
                .iter()
                .filter(|r| stage.is_none_or(|stage| r.stage() == stage))
                .filter_map(|r| {
                    CountryCode::parse("country", &r.customer_profile.address.country).ok()
                }),
        );
    });
    let mut named: Vec<(CountryCode, String)> = codes
        .into_iter()
        .map(|code| (code, crate::format::country(code)))
        .collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    named
}

/// Part of a customer's name; each one added is another chip (OR).
#[component]
fn CustomerNameFilter(current: Signal<Filter>, set_filter: Callback<Filter>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let Some(input) = input.get_untracked() else {
            return;
        };
        let name = input.value().trim().to_owned();
        if name.is_empty() {
            return;
        }
        let mut filter = current.get_untracked();
        filter.customer_names.insert(name);
        input.set_value("");
        set_filter.run(filter);
    };
    view! {
        <form class="filter-group customer-filter" on:submit=submit>
            <label for="customer-filter">{t("filter-customer-name")}</label>
            <div class="inline-input">
                <input id="customer-filter" type="text" node_ref=input autocomplete="off"/>
                <button type="submit" class="secondary">{t("filter-add")}</button>
            </div>
        </form>
    }
}
