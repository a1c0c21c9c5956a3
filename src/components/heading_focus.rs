use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// After each navigation inside the app, moves keyboard and screen-reader focus
/// to the new page's `h1`, as a full page load would start at the top.
#[component]
pub fn FocusHeadingOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            // Wait for the new route's view to be in the document.
            request_animation_frame(focus_page_heading);
        }
        path
    });
}

fn focus_page_heading() {
    let Some(heading) = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // Headings are not focusable by default; -1 keeps them out of the Tab order.
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let _ = heading.focus();
}
