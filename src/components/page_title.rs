use domain::i18n::Arg;
use leptos::prelude::*;

/// Keeps the browser tab's title on the view the user is on ("Inbox · Referral Desk"),
/// so tabs, history and screen readers name the page (WCAG 2.4.2).
pub fn page_title(title: impl Fn() -> String + Send + Sync + 'static) {
    Effect::new(move |_| {
        let title = crate::i18n::t_with("page-title", &[("page", Arg::Text(&title()))]);
        document().set_title(&title);
    });
}
