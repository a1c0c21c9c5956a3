//! The referral list as a table (cards on a phone) that renders only the rows in
//! view, so a list of 10,000+ referrals scrolls as smoothly as one of ten.
//!
//! Every row has the same height, `--row-stride` in the stylesheet (in rem, so it
//! grows with the user's font size; cards have their own), measured on a rendered
//! row, so the rows above and below the window are stood in for by two spacer rows
//! of the right height and the page's scrollbar stays true.

use std::sync::Arc;

use domain::i18n::Arg;
use domain::{Filter, Referral, Stage};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clock::{self, Clock};
use crate::components::{
    EmailValidityBadge, FlameIcon, Heart, PhoneValidityBadge, SpamFlag, focus_lost, focus_now,
    keyboard_focus,
};
use crate::format;
use crate::i18n::{t, t_with, value};
use crate::listing::{Listing, stage_label};
use crate::store::Referrals;

/// Used until a row has been rendered and measured.
const FALLBACK_STRIDE: f64 = 80.0;
/// Rows rendered beyond each edge of the screen, so fast scrolling and Tab never
/// reach an empty stretch.
const OVERSCAN: usize = 8;
/// Overscan rows added per task once the screen's rows are there: building all of them
/// at once holds a phone's main thread for one long task (each row is a dozen elements).
const OVERSCAN_STEP: usize = 3;

/// The rows of a list, windowed. The table stays while its filter does: referrals that
/// change, arrive or leave (the store is kept live) update its rows in place.
#[component]
pub fn ReferralTable(
    listing: Listing,
    /// Positions in the store's snapshot of the referrals shown, in order.
    #[prop(into)]
    positions: Signal<Arc<Vec<usize>>>,
    /// The filter that chose them, for the links to each referral.
    filter: Filter,
) -> impl IntoView {
    let store = Referrals::current();
    let total = Memo::new(move |_| positions.with(|positions| positions.len()));
    let body = NodeRef::<leptos::html::Tbody>::new();
    let stride = RwSignal::new(stylesheet_stride().unwrap_or(FALLBACK_STRIDE));
    // At first only the rows a screen shows: the overscan below it is built after the
    // first paint (by the first measuring), in a task of its own, not in the one a phone
    // waits on to see its leads.
    let window_rows = RwSignal::new((
        0,
        total
            .get_untracked()
            .min(rows_on_screen(stride.get_untracked())),
    ));

    // Told to measure again in a task of its own while the overscan is still growing.
    let grow = Trigger::new();
    let growing = StoredValue::new(false);
    let measure = move || {
        let Some(body) = body.get_untracked() else {
            return;
        };
        let total = total.get_untracked();
        let row_stride = row_stride(&body);
        let top = body.get_bounding_client_rect().top();
        // Rows above the screen's top edge, and how many fit on the screen.
        let first = (-top / row_stride).floor().max(0.0) as usize;
        let start = first.saturating_sub(OVERSCAN).min(total);
        let end = (first + rows_to_fill(row_stride)).min(total);
        if stride.get_untracked() != row_stride {
            stride.set(row_stride);
        }
        let shown = window_rows.get_untracked();
        let next = overscan_step(
            shown,
            (start, end),
            first,
            rows_on_screen(row_stride),
            total,
        );
        if shown != next {
            window_rows.set(next);
        }
        if next != (start, end) && !growing.get_value() {
            growing.set_value(true);
            leptos::task::spawn_local(async move {
                clock::next_task().await;
                // Nothing more when the table has gone meanwhile.
                if growing.try_set_value(false).is_none() {
                    grow.notify();
                }
            });
        }
    };
    // Not at once: the first measuring waits for the first paint (below).
    Effect::new(move |told: Option<()>| {
        grow.track();
        if told.is_some() {
            measure();
        }
    });
    // The listeners go with the table: a new filter makes a new table.
    let on_scroll = window_event_listener(ev::scroll, move |_| measure());
    let on_resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    // Measured once the rows are in the page (the first time after they are painted), and
    // again whenever the list grows or shrinks.
    Effect::new(move |measured: Option<bool>| {
        total.track();
        if body.get().is_none() {
            return false;
        }
        if measured == Some(true) {
            measure();
        } else {
            leptos::task::spawn_local(async move {
                clock::after_paint().await;
                // The table may be gone meanwhile (another filter, another view).
                if body.try_get_untracked().flatten().is_some() {
                    measure();
                }
            });
        }
        true
    });

    let filter = StoredValue::new(filter);
    // j/k, Enter, f, a and d act on these rows (src/components/keyboard_focus.rs).
    keyboard_focus(listing, positions, filter, body, stride, measure);
    // The referrals in the window, in order; a changed referral is a new row.
    let rows = move || {
        let (start, end) = window_rows.get();
        positions.with(|positions| {
            store
                .with_snapshot(|snapshot| {
                    (start..end.min(positions.len()))
                        .filter_map(|row| snapshot.referrals().get(positions[row]).cloned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let spacer = move |rows: usize| format!("{}px", rows as f64 * stride.get());
    view! {
        <table class="referral-table" aria-rowcount=move || total.get() + 1>
            <caption class="visually-hidden">{t_with("list-table-caption", &[("list", Arg::Text(&listing.label()))])}</caption>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col"><span class="visually-hidden">{t("list-column-favorite")}</span></th>
                    <th scope="col">{t("list-column-customer")}</th>
                    <th scope="col">{t("list-column-country")}</th>
                    <th scope="col">{t("list-column-lead")}</th>
                    <th scope="col">{t("list-column-created")}</th>
                    <th scope="col">{stage_column(listing)}</th>
                    <th scope="col">{t("list-column-contact")}</th>
                </tr>
            </thead>
            <tbody node_ref=body on:click=move |event| keep_focus_in_place(&event, body)>
                <tr class="spacer" aria-hidden="true" style:height=move || spacer(window_rows.get().0)><td colspan="7"></td></tr>
                // Keyed by the lead, not its row: a lead added or taken away above keeps the
                // rows below (and the keyboard focus on one of them); only their index moves.
                <ForEnumerate
                    each=rows
                    key=|referral| (referral.id.clone(), referral.e_tag.clone())
                    children=move |at, referral| {
                        let href = filter.with_value(|filter| listing.detail_href(&referral, filter));
                        let row_index = Signal::derive(move || window_rows.get().0 + at.get() + 2);
                        view! { <ReferralRow listing referral href row_index/> }
                    }
                />
                <tr class="spacer" aria-hidden="true" style:height=move || spacer(total.get().saturating_sub(window_rows.get().1))><td colspan="7"></td></tr>
            </tbody>
        </table>
    }
}

/// A click that took its own row away (a heart pressed off the Favorites view) leaves the
/// keyboard on the same control of the lead now in its place, or of the last lead when
/// it was the last, rather than at the top of the page.
fn keep_focus_in_place(event: &ev::MouseEvent, body: NodeRef<leptos::html::Tbody>) {
    let Some(clicked) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(row) = clicked.closest("tr.referral-row").ok().flatten() else {
        return;
    };
    let (Some(index), Some(control)) = (
        row.get_attribute("aria-rowindex"),
        clicked.closest("button, a").ok().flatten(),
    ) else {
        return;
    };
    // Told by its first class (`heart`, `customer-link`); the others say its state.
    let Some(control) = control.class_list().item(0) else {
        return;
    };
    request_animation_frame(move || {
        if !focus_lost() || row.is_connected() {
            return;
        }
        // The table itself may be gone (the click followed a link to another view).
        let Some(body) = body.try_get_untracked().flatten() else {
            return;
        };
        let selector = |row: &str| format!("tr.referral-row{row} .{control}");
        let again = body
            .query_selector(&selector(&format!("[aria-rowindex=\"{index}\"]")))
            .ok()
            .flatten()
            .or_else(|| {
                body.query_selector_all(&selector("")).ok().and_then(|all| {
                    all.item(all.length().checked_sub(1)?)
                        .and_then(|last| last.dyn_into::<web_sys::Element>().ok())
                })
            })
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        match again {
            Some(element) => {
                let _ = element.focus();
            }
            None => {
                focus_now("main h1");
            }
        }
    });
}

/// The window to show on the way from `shown` to `wanted`: the rows on the screen at
/// once; when `shown` has them all, at most [`OVERSCAN_STEP`] more on each side.
fn overscan_step(
    shown: (usize, usize),
    wanted: (usize, usize),
    first: usize,
    on_screen: usize,
    total: usize,
) -> (usize, usize) {
    let screen_end = (first + on_screen).min(total);
    if shown.0 > first.min(total) || shown.1 < screen_end {
        return wanted;
    }
    let start = if wanted.0 < shown.0 {
        wanted.0.max(shown.0 - OVERSCAN_STEP)
    } else {
        wanted.0
    };
    let end = if wanted.1 > shown.1 {
        wanted.1.min(shown.1 + OVERSCAN_STEP)
    } else {
        wanted.1
    };
    (start, end)
}

/// Rows of `row_stride` pixels that fill the screen, with the overscan below it.
fn rows_to_fill(row_stride: f64) -> usize {
    rows_on_screen(row_stride) + 1 + OVERSCAN
}

/// Rows of `row_stride` pixels that one screen can show.
fn rows_on_screen(row_stride: f64) -> usize {
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(800.0);
    (screen / row_stride).ceil() as usize
}

/// The row height the stylesheet sets for this screen and font size (`--row-stride`
/// on the root, in rem), read before any row exists to be measured.
fn stylesheet_stride() -> Option<f64> {
    let root = document().document_element()?;
    let style = window().get_computed_style(&root).ok()??;
    let px = |property: &str, unit: &str| {
        let value = style.get_property_value(property).ok()?;
        value.trim().strip_suffix(unit)?.trim().parse::<f64>().ok()
    };
    Some(px("--row-stride", "rem")? * px("font-size", "px")?).filter(|stride| *stride > 0.0)
}

/// The height of one row (or card, with the gap below it), measured on a rendered
/// row: the stylesheet sets it in rem, so it follows the user's font size.
fn row_stride(body: &web_sys::HtmlTableSectionElement) -> f64 {
    let Some(row) = body.query_selector("tr.referral-row").ok().flatten() else {
        return FALLBACK_STRIDE;
    };
    let gap = window()
        .get_computed_style(&row)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("margin-bottom").ok())
        .and_then(|value| value.trim().trim_end_matches("px").parse::<f64>().ok())
        .unwrap_or(0.0);
    Some(row.get_bounding_client_rect().height() + gap)
        .filter(|stride| *stride > 0.0)
        .unwrap_or(FALLBACK_STRIDE)
}

fn stage_column(listing: Listing) -> String {
    match listing {
        Listing::Stage(Stage::Inbox) => t("list-column-respond"),
        Listing::Stage(Stage::Accepted) => t("list-column-deal"),
        Listing::Stage(Stage::Archived) => t("list-column-outcome"),
        Listing::Favorites => t("list-column-stage"),
    }
}

/// One referral: who, where, what kind of lead, how urgent, how reachable.
#[component]
fn ReferralRow(
    listing: Listing,
    referral: Referral,
    /// Its detail page.
    href: String,
    /// Its place in the whole list (the header is row 1), for screen readers.
    row_index: Signal<usize>,
) -> impl IntoView {
    let clock = Clock::current();
    let lead = [
        referral.lead_type.map(|v| value("LeadType", v.as_str())),
        referral
            .lead_source
            .map(|v| value("LeadSource", v.as_str())),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let call_to_action = referral
        .call_to_action
        .map(|v| value("CallToAction", v.as_str()));
    let contact = referral.primary_contact().cloned();
    let spam = referral.has_spam_contact();
    let country = referral.customer_profile.address.country.clone();
    let referral = StoredValue::new(referral);
    let flame = move || referral.with_value(|r| r.flame(clock.now()));
    view! {
        <tr class="referral-row" aria-rowindex=row_index>
            <td class="heart-cell">
                <Heart referral_id=referral.with_value(|r| r.id.clone())/>
            </td>
            <th scope="row" class="customer-cell">
                <span class="line">
                    {move || view! { <FlameIcon flame=flame()/> }}
                    {spam.then(|| view! { <SpamFlag compact=true/> })}
                    <a href=href class="customer-link">{referral.with_value(|r| r.customer_profile.name.clone())}</a>
                </span>
                // Long names are cut short in the row; the whole name is a hover away.
                <span class="line secondary" title=referral.with_value(|r| r.name.clone())>{referral.with_value(|r| r.name.clone())}</span>
            </th>
            <td class="country-cell"><span class="card-label">{t("list-column-country")}" "</span>{country}</td>
            <td class="lead-cell">
                <span class="line" title=lead.clone()>{lead.clone()}</span>
                <span class="line secondary">{call_to_action}</span>
            </td>
            <td class="created-cell">
                <time datetime=referral.with_value(|r| r.created_date_time.to_rfc3339())>
                    <span class="card-label">{t("list-column-created")}" "</span>
                    <span class="line">{referral.with_value(|r| format::date(r.created_date_time))}</span>
                    " "
                    <span class="line secondary">{referral.with_value(|r| format::time(r.created_date_time))}</span>
                </time>
            </td>
            <td class="stage-cell">{move || referral.with_value(|r| stage_detail(listing, r, clock))}</td>
            <td class="contact-cell">
                {match contact {
                    Some(contact) => view! {
                        <span class="line"><EmailValidityBadge validity=contact.email_validity/></span>
                        <span class="line"><PhoneValidityBadge validity=contact.phone_validity/></span>
                    }.into_any(),
                    None => view! { <span class="line secondary">{t("list-no-contact")}</span> }.into_any(),
                }}
            </td>
        </tr>
    }
}

/// The column that differs by stage: the countdowns in the Inbox, the deal once
/// accepted, the outcome once archived.
fn stage_detail(listing: Listing, referral: &Referral, clock: Clock) -> AnyView {
    let stage = match listing {
        Listing::Stage(stage) => stage,
        Listing::Favorites => {
            return view! {
                <span class="line">{stage_label(referral.stage())}</span>
                <span class="line secondary">{value("Substatus", referral.substatus.as_str())}</span>
            }
            .into_any();
        }
    };
    match stage {
        Stage::Inbox => {
            let now = clock.now();
            match (referral.response_window(now), referral.expiry(now)) {
                (Some(window), Some(expiry)) => view! {
                    <span class="line" class:urgent=window.is_overdue() title=format::response_window(window)>
                        {format::response_window_short(window)}
                    </span>
                    <span class="line secondary">{format::expiry(expiry)}</span>
                }
                .into_any(),
                _ => view! {
                    <span class="line">{t("list-no-action-needed")}</span>
                    <span class="line secondary">
                        {referral.offer_archive_date().map(|at| t_with("list-archived-on", &[("date", Arg::Text(&format::date(at)))]))}
                    </span>
                }
                .into_any(),
            }
        }
        Stage::Accepted => {
            let value = referral
                .details
                .deal_value
                .map(|value| format::money(value, referral.details.currency.as_deref()))
                .unwrap_or_else(|| t("list-no-deal-value"));
            let closing = referral.details.closing_date_time.map(|at| {
                t_with(
                    "list-closing",
                    &[("date", Arg::Text(&format::closing_day(at)))],
                )
            });
            view! {
                <span class="line">{value}</span>
                <span class="line secondary">{closing}</span>
            }
            .into_any()
        }
        Stage::Archived => {
            let reason = referral
                .status_reason
                .as_deref()
                .map(crate::i18n::reason_in_words);
            let title = reason.clone();
            view! {
                <span class="line">{value("Substatus", referral.substatus.as_str())}</span>
                <span class="line secondary" title=title>{reason}</span>
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{OVERSCAN_STEP, overscan_step};

    #[test]
    fn the_rows_on_screen_come_at_once_and_the_overscan_a_step_at_a_time() {
        // The first frame built the screen's 5 rows; 14 are wanted.
        assert_eq!(
            overscan_step((0, 5), (0, 14), 0, 5, 358),
            (0, 5 + OVERSCAN_STEP)
        );
        assert_eq!(overscan_step((0, 11), (0, 14), 0, 5, 358), (0, 14));
        // Scrolled far past the window: the new screen's rows at once, with all their overscan.
        assert_eq!(overscan_step((0, 14), (92, 114), 100, 5, 358), (92, 114));
        // Scrolled a little down: the rows that left above go at once, the new ones below a step.
        assert_eq!(overscan_step((0, 14), (0, 16), 2, 5, 358), (0, 14 + 2));
        assert_eq!(
            overscan_step((0, 20), (2, 24), 10, 5, 358),
            (2, 20 + OVERSCAN_STEP)
        );
        // Scrolled back up: the overscan above grows a step at a time.
        assert_eq!(
            overscan_step((20, 40), (12, 35), 20, 5, 358),
            (20 - OVERSCAN_STEP, 35)
        );
        // A list shorter than the screen.
        assert_eq!(overscan_step((0, 3), (0, 3), 0, 5, 3), (0, 3));
    }
}
