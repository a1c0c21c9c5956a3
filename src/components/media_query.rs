use leptos::ev;
use leptos::prelude::*;

/// Whether the window matches the media `query` (a width in the stylesheet), following
/// resizes, turns and zoom. Its listener goes with the calling view.
pub fn matches_media(query: &'static str) -> Signal<bool> {
    let matches = move || {
        window()
            .match_media(query)
            .ok()
            .flatten()
            .is_some_and(|query| query.matches())
    };
    let now = RwSignal::new(matches());
    // A media query's answer changes only when the viewport's size does (zoom included).
    let on_resize = window_event_listener(ev::resize, move |_| {
        let answer = matches();
        if now.get_untracked() != answer {
            now.set(answer);
        }
    });
    on_cleanup(move || on_resize.remove());
    now.into()
}
