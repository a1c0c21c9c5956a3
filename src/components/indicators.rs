//! Small icons with words: the flame, contact validity, the spam flag. Every icon
//! carries a text alternative; colour is never the only signal.

use domain::Flame;
use domain::i18n::Arg;
use domain::referral::{EmailValidity, PhoneValidity};
use leptos::prelude::*;

use crate::i18n::{t, t_with, value};

/// The flame of a referral whose customer asked to be contacted; nothing otherwise.
#[component]
pub fn FlameIcon(flame: Flame) -> impl IntoView {
    let (class, label) = match flame {
        Flame::None => return None,
        Flame::Hot => ("flame flame-hot", t("lead-flame-hot")),
        Flame::Cooled => ("flame flame-cooled", t("lead-flame-cooled")),
    };
    Some(view! {
        <span class=class role="img" aria-label=label.clone() title=label>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                <path d="M12 2c1 3.5-1.5 5.5-3 7.5C7.2 11.9 6 13.8 6 16a6 6 0 0 0 12 0c0-2.6-1.3-4.6-2.6-6.1-.3 1.4-1 2.5-2.1 3.1.6-3.9-.3-8.2-1.3-11z"/>
            </svg>
        </span>
    })
}

/// The email validity of a contact, with an envelope icon.
#[component]
pub fn EmailValidityBadge(validity: EmailValidity) -> impl IntoView {
    let tone = match validity {
        EmailValidity::Valid => "valid",
        EmailValidity::Invalid => "invalid",
        EmailValidity::Spam => "spam",
        EmailValidity::Unknown => "unknown",
    };
    let label = value("EmailValidity", validity.as_str());
    let title = t_with("lead-email-validity", &[("validity", Arg::Text(&label))]);
    let kind = t("lead-email-validity-kind");
    validity_badge(kind, title, tone, label, "M3 5h18v14H3z M3 6l9 7 9-7")
}

/// The phone validity of a contact, with a handset icon.
#[component]
pub fn PhoneValidityBadge(validity: PhoneValidity) -> impl IntoView {
    let tone = match validity {
        PhoneValidity::Valid => "valid",
        PhoneValidity::Invalid => "invalid",
        PhoneValidity::Unknown => "unknown",
    };
    let label = value("PhoneValidity", validity.as_str());
    let title = t_with("lead-phone-validity", &[("validity", Arg::Text(&label))]);
    let kind = t("lead-phone-validity-kind");
    validity_badge(kind, title, tone, label, "M7 2h10v20H7z M11 18h2")
}

/// A validity badge: its icon (`icon` is the SVG path), and "Email: Valid" in words
/// (`title`), the kind ("Email:") said only to screen readers since the icon shows it.
fn validity_badge(
    kind: String,
    title: String,
    tone: &'static str,
    label: String,
    icon: &'static str,
) -> impl IntoView {
    view! {
        <span class=format!("badge validity-{tone}") title=title>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                <path d=icon fill="none" stroke="currentColor" stroke-width="2"/>
            </svg>
            <span class="visually-hidden">{kind}" "</span>
            {label}
        </span>
    }
}

/// Flags a referral whose contact is known to send spam.
#[component]
pub fn SpamFlag(
    /// Only the icon (in a list row), named for screen readers.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let why = t("lead-spam-why");
    let icon = view! {
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M12 3 2 21h20z M12 10v5 M12 17.5v.5" fill="none" stroke="currentColor" stroke-width="2"/>
        </svg>
    };
    if compact {
        view! { <span class="spam-icon" role="img" aria-label=why.clone() title=why>{icon}</span> }
            .into_any()
    } else {
        view! { <span class="badge badge-spam" title=why>{icon}{t("lead-spam-badge")}</span> }
            .into_any()
    }
}
