//! Entry point of the wasm app: replaces index.html's static first paint with [`referral_desk::App`].

// Talc instead of Rust's default dlmalloc: smaller in the wasm (and faster).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    // The reader's language is in hand before the first render (English at once; another
    // is one fetch, from the offline worker's cache once installed).
    wasm_bindgen_futures::spawn_local(async {
        referral_desk::i18n::start().await;
        mount();
    });
}

fn mount() {
    // index.html's static first paint gives way to the app in the same task, so no
    // frame shows both or neither.
    if let Some(skeleton) = leptos::prelude::document().get_element_by_id("app-skeleton") {
        skeleton.remove();
    }
    leptos::mount::mount_to_body(referral_desk::App);
}
