//! The catalogue's files, compiled in. The server holds every language; the wasm app
//! links only English (see [`ENGLISH`]) and fetches the others as static files named by
//! [`CATALOGUE_FILES`], so a reader downloads one language, not four.

use super::Locale;

macro_rules! catalogue_files {
    ($($file:literal),+ $(,)?) => {
        /// The files of each language, in `locales/<tag>/<file>.ftl`.
        pub const CATALOGUE_FILES: &[&str] = &[$($file),+];

        const fn files_of(locale: Locale) -> &'static [&'static str] {
            match locale {
                Locale::English => &[$(include_str!(concat!("../../../locales/en/", $file, ".ftl"))),+],
                Locale::German => &[$(include_str!(concat!("../../../locales/de/", $file, ".ftl"))),+],
                Locale::Chinese => &[$(include_str!(concat!("../../../locales/zh/", $file, ".ftl"))),+],
                Locale::Russian => &[$(include_str!(concat!("../../../locales/ru/", $file, ".ftl"))),+],
            }
        }

        /// English, the language the app starts in and falls back to.
        pub const ENGLISH: &[&str] = &[$(include_str!(concat!("../../../locales/en/", $file, ".ftl"))),+];
    };
}

catalogue_files!(
    "app",
    "lists",
    "lead",
    "actions",
    "values",
    "errors",
    "insights",
    "keyboard",
    "emails",
    "account",
    "notifications",
    "intake",
    "settings",
    "profiles",
    "people"
);

/// The compiled-in files of a language (the server's catalogues).
pub fn bundled_sources(locale: Locale) -> &'static [&'static str] {
    files_of(locale)
}
