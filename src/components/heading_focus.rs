use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The view's main heading, where focus goes after navigation.
const PAGE_HEADING: &str = "main h1";

/// After each navigation inside the app, moves keyboard and screen-reader focus
/// to the new page's `h1`, as a full page load would start at the top.
#[component]
pub fn FocusHeadingOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            // Once the new route's view is in the document.
            focus_when_shown(PAGE_HEADING);
        }
        path
    });
}

/// For a view whose heading is replaced once its data arrives: the heading that had
/// focus is gone, so focus (which fell back to the page) goes to the new one.
pub fn refocus_heading_if_lost() {
    refocus_if_lost(PAGE_HEADING);
}

/// Once the view has updated, moves focus to the first element matching `selector` if
/// the element that had it is gone (focus fell back to the page); else leaves it.
pub fn refocus_if_lost(selector: impl Into<String>) {
    let selector: String = selector.into();
    request_animation_frame(move || {
        if focus_lost() {
            focus_now(&selector);
        }
    });
}

/// Focus fell back to the page: the element that had it is gone.
pub fn focus_lost() -> bool {
    document()
        .active_element()
        .is_none_or(|active| active.tag_name().eq_ignore_ascii_case("body"))
}

/// Once the view has updated, moves focus to the first element matching `selector`
/// (made focusable if it is a heading), so keyboard and screen-reader users follow
/// what just appeared instead of falling back to the top of the page.
pub fn focus_when_shown(selector: impl Into<String>) {
    let selector: String = selector.into();
    request_animation_frame(move || {
        focus_now(&selector);
    });
}

/// Moves focus to the first element matching `selector` now; `false` when there is none.
pub fn focus_now(selector: &str) -> bool {
    let Some(element) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    // Headings are not focusable by default; -1 keeps them out of the Tab order.
    if element.tag_name().starts_with('H') && !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let _ = element.focus();
    true
}
