//! Entry point of the wasm app: mounts [`referral_desk::App`], which replaces index.html's static first paint.

// Talc instead of Rust's default dlmalloc: smaller in the wasm (and faster).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    // The reader's language is in hand before the first render (English at once; another
    // is one fetch, from the offline worker's cache once installed).
    wasm_bindgen_futures::spawn_local(async {
        // The module's start, the catalogue's parse and the app's build each take a task
        // of their own: a phone's main thread is held for less at a time.
        referral_desk::clock::next_task().await;
        referral_desk::i18n::start().await;
        referral_desk::clock::next_task().await;
        // index.html's static first paint stays until the app has something to show
        // (referral_desk::first_paint).
        leptos::mount::mount_to_body(referral_desk::App);
    });
}
