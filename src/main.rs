//! Entry point of the wasm app: mounts [`referral_desk::App`] and nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(referral_desk::App);
}
