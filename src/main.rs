//! Entry point of the wasm app: replaces index.html's static first paint with [`referral_desk::App`].

fn main() {
    console_error_panic_hook::set_once();
    // index.html's static first paint gives way to the app in the same task, so no
    // frame shows both or neither.
    if let Some(skeleton) = leptos::prelude::document().get_element_by_id("app-skeleton") {
        skeleton.remove();
    }
    leptos::mount::mount_to_body(referral_desk::App);
}
