use domain::ReturnPath;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::Url;

use crate::api::{Session, SessionState};

/// Shows its children only to a signed-in user; anyone else goes to the sign-in
/// page, which brings them back here unless they signed out on purpose.
#[component]
pub fn RequireSignIn(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let location = use_location();
    let navigate = use_navigate();
    let signed_out = Memo::new(move |_| match session.state() {
        SessionState::SignedOut { return_here } => Some(return_here),
        SessionState::Unknown | SessionState::SignedIn(_) => None,
    });
    Effect::new(move |_| {
        let Some(return_here) = signed_out.get() else {
            return;
        };
        let target = if return_here {
            let path = location.pathname.get_untracked();
            let search = location.search.get_untracked();
            if search.is_empty() {
                sign_in_path(&path)
            } else {
                sign_in_path(&format!("{path}?{search}"))
            }
        } else {
            "/sign-in".to_owned()
        };
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    let signed_in = Memo::new(move |_| matches!(session.state(), SessionState::SignedIn(_)));
    move || signed_in.get().then(|| children())
}

/// The sign-in page, asked to come back to `next` (a path with its query) afterwards;
/// a `next` the sign-in page would refuse to follow (see `ReturnPath`) is left out.
pub fn sign_in_path(next: &str) -> String {
    match ReturnPath::parse(next) {
        Ok(next) => format!("/sign-in?next={}", Url::escape(next.as_str())),
        Err(_) => "/sign-in".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::sign_in_path;

    // Only the refused case runs natively: escaping calls the browser's encodeURIComponent.
    #[test]
    fn a_next_the_sign_in_page_would_refuse_is_not_written() {
        for elsewhere in ["//evil.example", "/.//evil.example", "/\t/evil.example"] {
            assert_eq!(sign_in_path(elsewhere), "/sign-in", "{elsewhere:?}");
        }
    }
}
