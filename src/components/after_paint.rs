//! Parts of the app nobody needs in its first frame, built in a task after it.

use std::cell::Cell;

use leptos::prelude::*;

thread_local! {
    /// The app's first frame has been painted: what is built later is built at once.
    static FIRST_PAINTED: Cell<bool> = const { Cell::new(false) };
}

/// Builds `children` in a task after the app's first paint, so that the task that first
/// shows the app (the one a phone waits on) does not build them too; once that frame is
/// painted, at once (a new language drawing the app again keeps its focus in place).
/// For what is out of sight or not used at once (a closed sheet, menus, dialogs); what
/// holds the page's place must not be here, or the page moves when it comes.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let painted = RwSignal::new(FIRST_PAINTED.get());
    if !painted.get_untracked() {
        leptos::task::spawn_local(async move {
            crate::clock::after_paint().await;
            FIRST_PAINTED.set(true);
            painted.try_set(true);
        });
    }
    move || painted.get().then(|| children())
}
