//! The command palette (`Ctrl+K`, or the top bar's "Search leads…"): finds any lead by
//! customer or deal name in the referrals on this device (so it works offline) and
//! any view, and opens it. A combobox over a listbox: arrows move, Enter opens.

use domain::Referral;
use domain::filter::fold;
use domain::i18n::Arg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::shortcuts::{Keyboard, modal};
use crate::i18n::{t, t_with};
use crate::listing::Listing;
use crate::store::Referrals;

/// At most this many leads are offered at once: a few more letters narrow them.
const MOST_LEADS: usize = 8;

/// The views the palette offers, named as the navigation names them, with their
/// addresses; the last opens the shortcuts dialog.
fn views() -> [(String, &'static str); 6] {
    [
        (t("nav-inbox"), "/inbox"),
        (t("nav-accepted"), "/accepted"),
        (t("nav-archived"), "/archived"),
        (t("nav-favorites"), "/favorites"),
        (t("nav-insights"), "/insights"),
        (t("keys-heading"), SHORTCUTS),
    ]
}

/// The address that stands for the shortcuts dialog.
const SHORTCUTS: &str = "#shortcuts";

/// One thing the palette can open.
#[derive(Debug, Clone, PartialEq)]
struct Choice {
    /// "View" or "Lead", in words.
    kind: String,
    title: String,
    /// The deal and stage of a lead; empty for a view.
    detail: String,
    href: String,
}

fn lead_choice(referral: &Referral) -> Choice {
    let (listing, filter) = Listing::own(referral);
    Choice {
        kind: t("keys-palette-kind-lead"),
        title: referral.customer_profile.name.clone(),
        detail: t_with(
            "keys-palette-lead-detail",
            &[
                ("deal", Arg::Text(&referral.name)),
                ("stage", Arg::Text(&listing.label())),
            ],
        ),
        href: listing.detail_href(referral, &filter),
    }
}

/// The palette's dialog; `open` opens and closes it.
#[component]
pub fn CommandPalette(open: RwSignal<bool>) -> impl IntoView {
    let store = Referrals::current();
    let keyboard = expect_context::<Keyboard>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let closed = modal(dialog, open);
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    // Every opening starts afresh, with the cursor in the search box.
    Effect::new(move |_| {
        if open.get() {
            query.set(String::new());
            active.set(0);
            if let Some(input) = input.get_untracked() {
                input.set_value("");
                let _ = input.focus();
            }
        }
    });
    let choices = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let wanted = fold(query.get().trim());
        let views = views()
            .into_iter()
            .filter(|(label, _)| fold(label).contains(&wanted))
            .map(|(label, href)| Choice {
                kind: t("keys-palette-kind-view"),
                title: label,
                detail: String::new(),
                href: href.to_owned(),
            });
        let leads = if wanted.is_empty() {
            Vec::new()
        } else {
            store
                .with_snapshot(|snapshot| {
                    snapshot
                        .referrals()
                        .iter()
                        .filter(|r| {
                            fold(&r.customer_profile.name).contains(&wanted)
                                || fold(&r.name).contains(&wanted)
                        })
                        .take(MOST_LEADS)
                        .map(lead_choice)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        leads.into_iter().chain(views).collect::<Vec<_>>()
    });
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        let count = choices.with_untracked(Vec::len);
        match event.key().as_str() {
            "ArrowDown" if count > 0 => {
                event.prevent_default();
                active.update(|at| *at = (*at + 1) % count);
                keep_in_sight(active.get_untracked());
            }
            "ArrowUp" if count > 0 => {
                event.prevent_default();
                active.update(|at| *at = (*at + count - 1) % count);
                keep_in_sight(active.get_untracked());
            }
            "Enter" => {
                event.prevent_default();
                // The chosen option is a link: following it is a click on it.
                if let Some(option) = document()
                    .get_element_by_id(&option_id(active.get_untracked()))
                    .and_then(|option| option.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    option.click();
                }
            }
            _ => {}
        }
    };
    view! {
        <dialog node_ref=dialog class="kb-dialog palette" aria-modal="true" aria-labelledby="palette-heading" on:close=move |_| closed()>
            <div class="kb-dialog-header">
                <h2 id="palette-heading">{t("keys-palette-heading")}</h2>
                <button type="button" class="secondary" on:click=move |_| open.set(false)>{t("keys-close")}</button>
            </div>
            <label for="palette-search" class="visually-hidden">{t("keys-palette-field")}</label>
            <input
                id="palette-search"
                node_ref=input
                type="text"
                role="combobox"
                autocomplete="off"
                autofocus
                placeholder=t("keys-palette-field")
                aria-autocomplete="list"
                aria-expanded=move || (!choices.with(Vec::is_empty)).to_string()
                aria-controls="palette-options"
                aria-activedescendant=move || {
                    (!choices.with(Vec::is_empty)).then(|| option_id(active.get()))
                }
                on:input=move |event| {
                    query.set(event_target_value(&event));
                    active.set(0);
                }
                on:keydown=on_key
            />
            // Each option is a link (the router follows it); choosing one closes the palette,
            // and the shortcuts' option opens their dialog instead.
            <div id="palette-options" role="listbox" aria-label=t("keys-palette-options") class="palette-options" on:click=move |event| {
                open.set(false);
                if event_target::<web_sys::Element>(&event).closest("[href=\"#shortcuts\"]").ok().flatten().is_some() {
                    event.prevent_default();
                    keyboard.help.set(true);
                }
            }>
                {move || choices.get().into_iter().enumerate().map(|(at, choice)| view! {
                    <a
                        id=option_id(at)
                        href=choice.href
                        role="option"
                        tabindex="-1"
                        class="palette-option"
                        aria-selected=move || (active.get() == at).to_string()
                    >
                        <span class="palette-kind">{choice.kind}</span>
                        <span class="palette-title">{choice.title}</span>
                        <span class="palette-detail">{choice.detail}</span>
                    </a>
                }).collect_view()}
            </div>
            <p class="palette-empty" role="status">
                {move || {
                    let nothing = open.get() && choices.with(Vec::is_empty);
                    nothing.then(|| t("keys-palette-nothing"))
                }}
            </p>
        </dialog>
    }
}

/// The element id of the `at`-th option (the field names the chosen one by it).
fn option_id(at: usize) -> String {
    format!("palette-option-{at}")
}

/// Scrolls the options just enough to show the `at`-th: focus stays in the field
/// (`aria-activedescendant`), so the browser does not scroll to the chosen option itself.
fn keep_in_sight(at: usize) {
    let Some(option) = document().get_element_by_id(&option_id(at)) else {
        return;
    };
    let Some(list) = option.parent_element() else {
        return;
    };
    let (shown, seen) = (
        option.get_bounding_client_rect(),
        list.get_bounding_client_rect(),
    );
    let by = if shown.top() < seen.top() {
        shown.top() - seen.top()
    } else if shown.bottom() > seen.bottom() {
        shown.bottom() - seen.bottom()
    } else {
        return;
    };
    list.set_scroll_top(list.scroll_top() + by.round() as i32);
}
