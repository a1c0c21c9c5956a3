//! The list's side of keyboard triage: which lead has focus, moving it with `j`/`k`
//! through a windowed table (a lead outside the window is scrolled to and rendered
//! first), and what `Enter`, `f`, `a` and `d` do to it.
//!
//! Focus is real DOM focus on the lead's link, so Tab, screen readers and `:focus`
//! all agree; the row shows it with `:focus-within` (`style/keyboard.css`).

use std::rc::Rc;
use std::sync::Arc;

use domain::i18n::Arg;
use domain::{Action, Filter, Referral};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::api::Session;
use crate::clock::Clock;
use crate::components::shortcuts::{Keyboard, after_frames};
use crate::i18n::{t, t_with};
use crate::listing::Listing;
use crate::store::Referrals;

/// What a list key asks of the list in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListCommand {
    Next,
    Previous,
    Open,
    Heart,
    Accept,
    Decline,
}

/// Lets the keyboard shortcuts act on this table's rows; called once by the table.
/// `measure` re-reads which rows are in the window after a scroll (the table's own).
pub fn keyboard_focus(
    listing: Listing,
    positions: Signal<Arc<Vec<usize>>>,
    filter: StoredValue<Filter>,
    body: NodeRef<leptos::html::Tbody>,
    stride: RwSignal<f64>,
    measure: impl Fn() + Copy + 'static,
) {
    let Some(keyboard) = Keyboard::current() else {
        return;
    };
    let store = Referrals::current();
    let session = Session::current();
    let clock = Clock::current();
    let navigate = use_navigate();
    let address = filter.with_value(|filter| listing.href(filter));
    // The lead last given focus, and its row then, for when focus has left the list since
    // (a scroll took the row away). Kept by the lead: a lead added or taken away above it
    // moves it to another row, and a key must never act on whichever lead is there now.
    // Owned by the table: once it is disposed, the table is gone (callbacks check it).
    let last = StoredValue::new(None::<(usize, String)>);
    let total = move || positions.with_untracked(|positions| positions.len());
    let referral_at = move |row: usize| {
        let at = positions.with_untracked(|positions| positions.get(row).copied())?;
        store
            .with_snapshot(|snapshot| snapshot.referrals().get(at).cloned())
            .flatten()
    };
    // Where the lead `id` is in the list now.
    let row_of = move |id: &str| {
        positions.with_untracked(|positions| {
            store
                .with_snapshot(|snapshot| {
                    positions
                        .iter()
                        .position(|&at| snapshot.referrals().get(at).is_some_and(|r| r.id == id))
                })
                .flatten()
        })
    };
    // The row of the focused element, if it is one of this table's rows.
    let focused_row = move || -> Option<usize> {
        let active = document().active_element()?;
        let row = active.closest("tr.referral-row").ok().flatten()?;
        if !body.get_untracked()?.contains(Some(&row)) {
            return None;
        }
        let index: usize = row.get_attribute("aria-rowindex")?.parse().ok()?;
        index.checked_sub(2)
    };
    // The first row whose top is on screen (where `j` starts when no lead has focus yet).
    let first_on_screen = move || -> usize {
        let top = body
            .get_untracked()
            .map_or(0.0, |body| body.get_bounding_client_rect().top());
        let stride = stride.get_untracked();
        ((-top / stride).ceil().max(0.0) as usize).min(total().saturating_sub(1))
    };
    let row_element = move |row: usize| -> Option<web_sys::HtmlElement> {
        body.get_untracked()?
            .query_selector(&format!("tr[aria-rowindex=\"{}\"]", row + 2))
            .ok()
            .flatten()?
            .dyn_into()
            .ok()
    };
    // Focuses the row's lead, scrolling it into the window first if it is not rendered;
    // then runs `then` on the row.
    let focus_row = move |row: usize| {
        last.set_value(referral_at(row).map(|referral| (row, referral.id)));
        let focus = move |element: web_sys::HtmlElement| {
            if let Some(link) = element
                .query_selector(".customer-link")
                .ok()
                .flatten()
                .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = link.focus();
            }
        };
        if let Some(element) = row_element(row) {
            focus(element);
            return;
        }
        let Some(tbody) = body.get_untracked() else {
            return;
        };
        let window = window();
        let screen = window
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(800.0);
        let scrolled = window.scroll_y().unwrap_or(0.0);
        let row_top =
            tbody.get_bounding_client_rect().top() + scrolled + row as f64 * stride.get_untracked();
        window.scroll_to_with_x_and_y(
            window.scroll_x().unwrap_or(0.0),
            (row_top - screen / 3.0).max(0.0),
        );
        measure();
        // Once the table has rendered the new window.
        after_frames(
            1,
            Box::new(move || {
                if last.is_disposed() {
                    return;
                }
                if let Some(element) = row_element(row) {
                    focus(element);
                }
            }),
        );
    };
    // The focused lead's row: the focused row, or where the lead last focused is now.
    let current = move || {
        focused_row()
            .or_else(|| last.with_value(|last| last.as_ref().and_then(|(_, id)| row_of(id))))
            .filter(|row| *row < total())
    };
    // While the lead last focused is in the list, its row follows it (a lead above it
    // came or went): should it leave the list later, its place is where it was last.
    Effect::new(move |_| {
        positions.track();
        let moved = last.with_value(|last| {
            let (row, id) = last.as_ref()?;
            row_of(id)
                .filter(|now| now != row)
                .map(|now| (now, id.clone()))
        });
        if moved.is_some() {
            last.set_value(moved);
        }
    });
    // The row the lead last focused had, when it has left the list since: the lead now
    // in its place is where `j` goes next.
    let left_row = move || last.with_value(|last| last.as_ref().map(|(row, _)| *row));
    let open = move |row: usize, referral: &Referral| {
        keyboard.leave_list_at(address.clone(), referral.id.clone(), row);
        let href = filter.with_value(|filter| listing.detail_href(referral, filter));
        navigate(&href, Default::default());
    };
    let keys = Rc::new(move |command: ListCommand| {
        let count = total();
        if count == 0 {
            return;
        }
        match command {
            ListCommand::Next => {
                let row = match (current(), left_row()) {
                    (Some(row), _) => row + 1,
                    (None, Some(row)) => row,
                    (None, None) => first_on_screen(),
                };
                focus_row(row.min(count - 1));
                return;
            }
            ListCommand::Previous => {
                let row = match current().or(left_row()) {
                    Some(row) => row.saturating_sub(1).min(count - 1),
                    None => first_on_screen(),
                };
                focus_row(row);
                return;
            }
            _ => {}
        }
        let Some(row) = current() else {
            keyboard.say(t("keys-move-first"));
            return;
        };
        let Some(referral) = referral_at(row) else {
            return;
        };
        match command {
            ListCommand::Open => open(row, &referral),
            ListCommand::Heart => {
                // The row's own heart: the same change, offline queue and error message as
                // a click. (A row out of the window is brought into view first.)
                let Some(heart) = row_element(row)
                    .and_then(|element| element.query_selector("button.heart").ok().flatten())
                    .and_then(|heart| heart.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    focus_row(row);
                    return;
                };
                focus_row(row);
                let before = store.is_favorite(&referral.id);
                heart.click();
                let hearted = store.is_favorite(&referral.id);
                // The heart ignores a press while its last change is on its way: nothing
                // changed, so nothing is said.
                if hearted == before {
                    return;
                }
                let customer = [("customer", Arg::Text(&referral.customer_profile.name))];
                keyboard.say(if hearted {
                    t_with("keys-added-to-favorites", &customer)
                } else {
                    t_with("keys-removed-from-favorites", &customer)
                });
                // Off the Favorites list: focus goes to the lead now in its place.
                if !hearted && listing == Listing::Favorites {
                    after_frames(
                        1,
                        Box::new(move || {
                            if last.is_disposed() {
                                return;
                            }
                            if let Some(end) = total().checked_sub(1) {
                                focus_row(row.min(end));
                            }
                        }),
                    );
                }
            }
            ListCommand::Accept | ListCommand::Decline => {
                let action = if command == ListCommand::Accept {
                    Action::Accept
                } else {
                    Action::Decline
                };
                let Some(me) = session.me_untracked() else {
                    return;
                };
                let member = me.member();
                if member
                    .permitted_actions(&referral, clock.now())
                    .contains(&action)
                {
                    keyboard.request_action(referral.id.clone(), action);
                    open(row, &referral);
                } else if let Some(why) = crate::i18n::refusal_in_words(member, &referral) {
                    keyboard.say(why);
                } else if action == Action::Accept {
                    keyboard.say(t("keys-cannot-accept"));
                } else {
                    keyboard.say(t("keys-cannot-decline"));
                }
            }
            ListCommand::Next | ListCommand::Previous => {}
        }
    });
    let registration = keyboard.register_list(keys);
    on_cleanup(move || keyboard.unregister_list(registration));

    // Back from a lead that triage opened: focus on it again, or on the lead now in its place.
    let list_address = filter.with_value(|filter| listing.href(filter));
    if let Some((id, row)) = keyboard.take_left_at(&list_address) {
        // After the page's own move of focus to its heading (one frame after navigation).
        after_frames(
            2,
            Box::new(move || {
                // The list may be gone already (another view was opened meanwhile).
                if last.is_disposed() {
                    return;
                }
                let total = total();
                if total == 0 {
                    return;
                }
                focus_row(row_of(&id).unwrap_or(row).min(total - 1));
            }),
        );
    }
}
