//! Answers to requests index.html made before the app arrived. On a signed-in visit with
//! nothing on the device, its first script asks who is signed in and for the first page
//! of the change feed while the wasm downloads; otherwise each would wait for the app,
//! and the feed for the user. The app takes each answer once, in place of asking again.

use gloo_net::http::Response;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `window.referralDeskEarly` (index.html): each early request's path → a promise of its
/// response, or of `null` when it could not be sent.
const EARLY: &str = "referralDeskEarly";

/// The early answer for `path`, taken once. `None` when none was asked for (or it was
/// taken, or forgotten), or it could not be sent: the caller then asks itself.
pub(super) async fn answer(path: &str) -> Option<Response> {
    let early = js_sys::Reflect::get(&leptos::prelude::window(), &JsValue::from_str(EARLY)).ok()?;
    let early: js_sys::Object = early.dyn_into().ok()?;
    let path = JsValue::from_str(path);
    let promise: js_sys::Promise = js_sys::Reflect::get(&early, &path).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&early, &path);
    let response: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(Response::from(response))
}

/// Drops the answers not yet taken: after a sign-in or sign-out they would be another
/// session's.
pub(super) fn forget() {
    let _ = js_sys::Reflect::delete_property(
        leptos::prelude::window().unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str(EARLY),
    );
}
