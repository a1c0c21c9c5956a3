//! index.html's static first paint (`#app-skeleton`): it stays until the app knows what
//! to show, then gives way to the app in the same task, so no frame shows both or neither.
//! What the reader typed into its sign-in form meanwhile is carried into the app's.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// What was typed into the static sign-in form before the app arrived.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypedSignIn {
    pub email: String,
    pub password: String,
    /// The field that had the keyboard, so it keeps it.
    pub focused: Option<&'static str>,
    /// The form was sent: the app signs in with it at once.
    pub sent: bool,
}

thread_local! {
    static TYPED_SIGN_IN: RefCell<Option<TypedSignIn>> = const { RefCell::new(None) };
}

const SKELETON: &str = "app-skeleton";
/// The sign-in form's fields: the same ids in index.html as in the app's sign-in page.
pub const EMAIL_FIELD: &str = "sign-in-email";
pub const PASSWORD_FIELD: &str = "sign-in-password";

/// Removes the static first paint, keeping what was typed into its sign-in form. Only
/// the first call finds it.
pub fn give_way() {
    let Some(skeleton) = leptos::prelude::document().get_element_by_id(SKELETON) else {
        return;
    };
    if let Some(typed) = typed_sign_in(&skeleton) {
        TYPED_SIGN_IN.with(|kept| *kept.borrow_mut() = Some(typed));
    }
    skeleton.remove();
}

/// What was typed into the static sign-in form, once: the first sign-in page takes it.
pub fn take_typed_sign_in() -> Option<TypedSignIn> {
    TYPED_SIGN_IN.with(|kept| kept.borrow_mut().take())
}

/// The shown form's fields; nothing when the form was not shown or nothing was typed.
fn typed_sign_in(skeleton: &Element) -> Option<TypedSignIn> {
    let form = skeleton
        .query_selector(".sign-in:not([hidden]) form")
        .ok()??;
    let value = |id: &str| {
        form.query_selector(&format!("#{id}"))
            .ok()
            .flatten()
            .and_then(|field| field.dyn_into::<HtmlInputElement>().ok())
            .map(|field| field.value())
            .unwrap_or_default()
    };
    let active = leptos::prelude::document()
        .active_element()
        .map(|element| element.id());
    let typed = TypedSignIn {
        email: value(EMAIL_FIELD),
        password: value(PASSWORD_FIELD),
        focused: [EMAIL_FIELD, PASSWORD_FIELD]
            .into_iter()
            .find(|id| active.as_deref() == Some(*id)),
        sent: form.has_attribute("data-sent"),
    };
    (typed != TypedSignIn::default()).then_some(typed)
}
