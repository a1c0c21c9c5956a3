use domain::ReturnPath;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, Session};
use crate::components::focus_when_shown;
use crate::first_paint;
use crate::i18n::{t, t_with};
use domain::i18n::Arg;

/// Where the app goes after sign-in when nobody asked for a page.
const HOME: &str = "/inbox";

/// What is typed into the sign-in form, kept by the app rather than the view: a language
/// arriving late renders the views again, and what was typed stays.
#[derive(Clone, Copy)]
pub struct SignInFields {
    email: RwSignal<String>,
    password: RwSignal<String>,
}

impl SignInFields {
    pub fn provide() {
        provide_context(SignInFields {
            email: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
        });
    }
}

/// The sign-in form; once signed in, goes on to the `next` page it was asked for.
#[component]
pub fn SignInView() -> impl IntoView {
    crate::components::page_title(|| t("sign-in"));
    let session = expect_context::<Session>();
    let query = use_query_map();
    let navigate = use_navigate();
    let SignInFields { email, password } = expect_context();
    // What was typed into index.html's static form before the app arrived is kept.
    let typed = first_paint::take_typed_sign_in();
    if let Some(typed) = &typed {
        email.set(typed.email.clone());
        password.set(typed.password.clone());
    }
    let typed = typed.unwrap_or_default();
    let password_input = NodeRef::<html::Input>::new();

    let sign_in = Action::new_local(|(email, password): &(String, String)| {
        let (email, password) = (email.clone(), password.clone());
        async move { api::sign_in(&email, &password).await }
    });
    let busy = sign_in.pending();
    let error = move || {
        sign_in
            .value()
            .get()
            .and_then(Result::err)
            .filter(|_| !busy.get())
    };

    // Signed in, now or already: go where the user was headed.
    let signed_in = Memo::new(move |_| session.me().is_some());
    Effect::new(move |_| {
        if signed_in.get() {
            let next = safe_next(query.read_untracked().get_str("next"));
            navigate(
                &next,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    // A failed attempt keeps the email; the password is cleared for a fresh try. Once
    // signed in, neither is kept (the next person on this device starts from an empty form).
    Effect::new(move |_| match sign_in.value().get() {
        Some(Err(_)) => {
            password.set(String::new());
            if let Some(input) = password_input.get_untracked() {
                let _ = input.focus();
            }
        }
        Some(Ok(_)) => {
            email.set(String::new());
            password.set(String::new());
        }
        None => {}
    });

    if let Some(field) = typed.focused {
        focus_when_shown(format!("#{field}"));
    }
    // Sent before the app arrived (index.html held it): sent now, unless someone is
    // signed in after all.
    if typed.sent && session.me_untracked().is_none() {
        sign_in.dispatch((email.get_untracked(), password.get_untracked()));
    }

    // Changes someone made on this device that never reached the server (their session
    // ended first) are theirs alone: signing in as anyone else forgets them, so that is
    // said before, and asked once more when it is about to happen.
    let unsent_read = LocalResource::new(crate::store::cache::unsent);
    let unsent = move || unsent_read.get().flatten();
    let discarding = RwSignal::new(false);
    let someone_elses = move |typed: &str| {
        unsent().is_some_and(|(me, _)| !me.user.email.trim().eq_ignore_ascii_case(typed.trim()))
    };
    Effect::new(move |_| {
        if !someone_elses(&email.get()) {
            discarding.set(false);
        }
    });

    let go_on = move || {
        if someone_elses(&email.get_untracked()) && !discarding.get_untracked() {
            discarding.set(true);
            focus_when_shown("#sign-in-discards");
            return;
        }
        sign_in.dispatch((email.get_untracked(), password.get_untracked()));
    };
    // Sent before the device was read (a quick Enter): it goes on once it has been.
    let sent_early = RwSignal::new(false);
    Effect::new(move |_| {
        if sent_early.get() && unsent_read.get().is_some() {
            sent_early.set(false);
            go_on();
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if unsent_read.get_untracked().is_none() {
            sent_early.set(true);
            // A device whose storage does not answer keeps nobody from signing in.
            set_timeout(
                move || {
                    if sent_early.get_untracked() {
                        sent_early.set(false);
                        go_on();
                    }
                },
                std::time::Duration::from_secs(2),
            );
        } else {
            go_on();
        }
    };
    let unsent_notice = move || {
        unsent().map(|(me, count)| {
            let args = [
                ("count", Arg::Count(count as i64)),
                ("name", Arg::Text(&me.user.name)),
                ("email", Arg::Text(&me.user.email)),
            ];
            let (id, class, role) = if discarding.get() {
                ("sign-in-unsent-discard", "form-error", "alert")
            } else {
                ("sign-in-unsent", "confirm", "status")
            };
            view! { <p id="sign-in-discards" class=class role=role tabindex="-1">{t_with(id, &args)}</p> }
        })
    };

    view! {
        <section class="page sign-in" aria-labelledby="page-heading">
            <h1 id="page-heading">{t("sign-in-heading")}</h1>
            <form on:submit=submit aria-busy=move || busy.get().to_string()>
                {move || error().map(|error| view! {
                    <p class="form-error" role="alert">{crate::i18n::api_error(&error)}</p>
                })}
                {unsent_notice}
                <div class="field">
                    <label for=first_paint::EMAIL_FIELD>{t("sign-in-email")}</label>
                    <input
                        id=first_paint::EMAIL_FIELD
                        name="email"
                        type="email"
                        autocomplete="username"
                        inputmode="email"
                        required
                        bind:value=email
                    />
                </div>
                <div class="field">
                    <label for=first_paint::PASSWORD_FIELD>{t("sign-in-password")}</label>
                    <input
                        id=first_paint::PASSWORD_FIELD
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        node_ref=password_input
                        bind:value=password
                    />
                </div>
                <button type="submit" disabled=busy>
                    {move || if busy.get() {
                        t("signing-in")
                    } else if discarding.get() {
                        t("sign-in-discarding")
                    } else {
                        t("sign-in")
                    }}
                </button>
            </form>
        </section>
    }
}

/// The page to open after sign-in: `next` if it is a path on this site (judged, and
/// normalised, by the domain's `ReturnPath`, so the router is never handed a URL it
/// cannot navigate to), else the Inbox. Never back to the sign-in page itself.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(|next| ReturnPath::parse(next).ok())
        .map(ReturnPath::into_string)
        .filter(|path| !path.starts_with("/sign-in"))
        .unwrap_or_else(|| HOME.to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_followed_only_to_paths_on_this_site() {
        assert_eq!(safe_next(Some("/archived?q=acme")), "/archived?q=acme");
        assert_eq!(safe_next(Some("/a/../accepted")), "/accepted");
        assert_eq!(safe_next(None), "/inbox");
        for elsewhere in [
            "https://evil.test/",
            "//evil.test",
            "/\\evil.test",
            "/.//evil.test",
            "/..//evil.test",
            "/a/..//evil.test",
            "/%2e%2e//evil.test",
            "/\t/evil.test",
            "javascript:alert(1)",
            "/sign-in?next=/x",
            "/./sign-in?next=/x",
            "",
        ] {
            assert_eq!(safe_next(Some(elsewhere)), "/inbox", "{elsewhere}");
        }
    }
}
