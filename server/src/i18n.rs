//! The server's side of the message catalogue: every language, parsed once, and the
//! language a request is answered in.

use std::sync::OnceLock;

use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use domain::i18n::{Catalogue, Locale, bundled_sources};

use crate::auth::CurrentUser;

/// The catalogue of `locale` (compiled in; the domain's tests keep every file parseable).
pub fn catalogue(locale: Locale) -> &'static Catalogue {
    static CATALOGUES: OnceLock<Vec<Catalogue>> = OnceLock::new();
    let all = CATALOGUES.get_or_init(|| {
        Locale::ALL
            .iter()
            .map(|&locale| {
                Catalogue::parse(locale, bundled_sources(locale))
                    .unwrap_or_else(|error| panic!("locales/{locale}: {error}"))
            })
            .collect()
    });
    let at = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    &all[at]
}

/// The user's chosen language; until they choose, their browser's (`Accept-Language`),
/// as the app shows itself.
pub fn locale_of(user: &CurrentUser, headers: &HeaderMap) -> Locale {
    user.locale.unwrap_or_else(|| {
        let accepted = headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("");
        // Tags in the order sent; browsers send them by falling preference.
        Locale::negotiate(
            accepted
                .split(',')
                .map(|part| part.split(';').next().unwrap_or("").trim()),
        )
    })
}
