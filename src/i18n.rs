//! The app's language: the catalogue its texts come from, the reader's choice (kept
//! on the device and in the account) and the browser's own `Intl` formatters.
//!
//! English is compiled in; another language's files are fetched once (the offline
//! worker keeps them) and parsed by the domain's catalogue, the same one the server
//! reads. Switching language renders the app again in it: [`t`] is read at render time.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use domain::Explanation;
use domain::i18n::{Arg, CATALOGUE_FILES, Catalogue, Locale};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError};

const STORAGE_KEY: &str = "referral-desk-locale";
/// A language chosen on this device that the account has not heard of yet (chosen
/// offline), as `<user id> <tag>`: that user's account follows it when it can.
const UNSENT_KEY: &str = "referral-desk-locale-unsent";

/// How long the first render waits for the reader's language; slower, the app starts in
/// English and switches when the files arrive.
const FIRST_LANGUAGE_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

thread_local! {
    static CURRENT: RefCell<Rc<Catalogue>> = RefCell::new(Rc::new(english()));
    /// Counts the choices asked for, so only the latest is shown.
    static LATEST: Cell<u64> = const { Cell::new(0) };
    /// The reader's language when it did not arrive in time for the first render.
    static LATE: Cell<Option<Locale>> = const { Cell::new(None) };
}

fn english() -> Catalogue {
    // Parsed once, by the domain, which words its errors by it too (the compiled-in
    // catalogue parses: a test reads the same files).
    domain::i18n::english().clone()
}

/// A message of the current language.
pub fn t(id: &str) -> String {
    t_with(id, &[])
}

/// A message of the current language with its arguments.
pub fn t_with(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    CURRENT.with(|current| {
        let catalogue = current.borrow();
        if !catalogue.contains(id) {
            missing(id, catalogue.locale());
        }
        catalogue.format(id, args)
    })
}

/// A message the catalogue lacks shows as its id; the console names it (the browser
/// tests fail on it; a test of the catalogue keeps every id in every language).
fn missing(id: &str, locale: Locale) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&format!("missing message {id} in {locale}").into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (id, locale);
}

/// A domain value (a status, a call to action, a role, …) in words: the message
/// `value-<Kind>-<Value>` of `locales/*/values.ftl`, e.g. `value("CallToAction", "ContactMe")`.
/// Values are stored in the API's words and translated only here, at the edge.
pub fn value(kind: &str, api_value: &str) -> String {
    t(&domain::i18n::value_id(kind, api_value))
}

/// A validation error in the current language (the domain words it by its `code`;
/// an error without one shows its English text).
pub fn field_error(error: &domain::FieldError) -> String {
    with_catalogue(|catalogue| {
        let id = domain::values::label_id(&error.field);
        let label = if catalogue.contains(&id) {
            catalogue.format(&id, &[])
        } else {
            domain::values::label(&error.field)
        };
        if let Some(code) = error
            .code
            .as_deref()
            .filter(|code| !catalogue.contains(code))
        {
            missing(code, catalogue.locale());
        }
        error.message_in(catalogue, &label)
    })
}

/// Why a request gave no usable answer, in the current language (the server's problem
/// by its code; its English `detail` only for a code this version does not know).
pub fn api_error(error: &ApiError) -> String {
    match error {
        ApiError::Unreachable => t("error-unreachable"),
        ApiError::Server {
            explanation: Some(explanation),
            detail,
            ..
        } => explained(explanation, detail.as_deref()),
        ApiError::Server {
            detail: Some(detail),
            ..
        } => detail.clone(),
        ApiError::Server { status, .. } => t_with(
            "error-server",
            &[("status", Arg::Count(i64::from(*status)))],
        ),
        ApiError::Unreadable => t("error-unreadable"),
        ApiError::Busy => t("error-busy"),
    }
}

/// A problem explained by code (the server's, or the domain's own), in the current
/// language: the message `problem-<code>`. A code this version does not know is logged
/// like a missing message and shown as `fallback` (the server's English), else in English.
pub fn explained(explanation: &Explanation, fallback: Option<&str>) -> String {
    with_catalogue(|catalogue| explanation.in_words(catalogue)).unwrap_or_else(|| {
        missing(&explanation.message_id(), locale());
        fallback.map_or_else(|| explanation.english(), str::to_owned)
    })
}

/// Why the signed-in person may not act on a referral, in the current language (the
/// domain decides).
pub fn refusal_in_words(member: domain::Member<'_>, referral: &domain::Referral) -> Option<String> {
    member
        .refusal(referral)
        .map(|refusal| explained(&refusal.explanation(), None))
}

/// Why a referral was closed, in the reader's words: a reason the user chose (Decline,
/// Lost) or the server's own (expiry, an informational lead archived); any other text
/// (one an integration wrote) as it was given.
pub fn reason_in_words(reason: &str) -> String {
    use domain::lifecycle::{DeclineReason, EXPIRED_REASON, INFORMATIONAL_ARCHIVED_REASON};
    if let Ok(chosen) = DeclineReason::parse("statusReason", reason) {
        value("DeclineReason", chosen.as_str())
    } else if reason == EXPIRED_REASON {
        t("lead-reason-expired")
    } else if reason == INFORMATIONAL_ARCHIVED_REASON {
        t("lead-reason-informational-archived")
    } else {
        reason.to_owned()
    }
}

/// "Active / Accepted": a status and its substatus, each in the reader's words.
pub fn status_in_words(status: domain::Status, substatus: domain::Substatus) -> String {
    t_with(
        "lead-status-substatus",
        &[
            ("status", Arg::Text(&value("Status", status.as_str()))),
            (
                "substatus",
                Arg::Text(&value("Substatus", substatus.as_str())),
            ),
        ],
    )
}

/// Reads the current catalogue (e.g. for the CSV export's header row).
pub fn with_catalogue<R>(read: impl FnOnce(&Catalogue) -> R) -> R {
    CURRENT.with(|current| read(&current.borrow()))
}

/// The language texts are shown in now.
pub fn locale() -> Locale {
    CURRENT.with(|current| current.borrow().locale())
}

/// The app's language as a signal: the shell renders again when it changes.
#[derive(Clone, Copy)]
pub struct Language(RwSignal<Locale>);

impl Language {
    pub fn provide() -> Language {
        let language = Language(RwSignal::new(locale()));
        provide_context(language);
        if let Some(late) = LATE.with(Cell::take) {
            // A later choice (the account's, the picker's) still wins over this one.
            leptos::task::spawn_local(async move {
                let _ = language.show(late).await;
            });
        }
        language
    }

    pub fn current() -> Language {
        expect_context::<Language>()
    }

    /// The language shown (tracked).
    pub fn get(self) -> Locale {
        self.0.get()
    }

    pub fn get_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    /// Shows the app in `locale` (fetching its catalogue first) and remembers the
    /// choice on the device; the account is told by the caller.
    /// A later choice wins over an earlier one still fetching (the account's language
    /// arriving while the user picks another).
    pub async fn show(self, locale: Locale) -> Result<(), ApiError> {
        let asked = LATEST.with(|latest| {
            latest.set(latest.get() + 1);
            latest.get()
        });
        let catalogue = if locale == self.0.get_untracked() {
            None
        } else {
            Some(load(locale).await?)
        };
        if LATEST.with(Cell::get) != asked {
            return Ok(());
        }
        if let Some(catalogue) = catalogue {
            use_catalogue(catalogue);
            self.0.set(locale);
        }
        remember(locale);
        Ok(())
    }
}

impl Language {
    /// The user chose `locale`: shown at once, kept on the device, and kept in their
    /// account, now or (offline) once the server can be reached again.
    pub async fn choose(self, user_id: &str, locale: Locale) -> Result<(), ApiError> {
        self.show(locale).await?;
        if let Some(storage) = storage() {
            let _ = storage.set_item(UNSENT_KEY, &format!("{user_id} {}", locale.tag()));
        }
        send_choice(user_id, locale).await;
        Ok(())
    }
}

/// The language `user_id` chose on this device that their account has not heard of.
pub fn unsent_choice(user_id: &str) -> Option<Locale> {
    let unsent = storage()?.get_item(UNSENT_KEY).ok()??;
    let (user, tag) = unsent.split_once(' ')?;
    (user == user_id).then(|| tag.parse().ok()).flatten()
}

/// How long a choice made offline waits between tries to reach the account.
const UNSENT_RETRY: std::time::Duration = std::time::Duration::from_secs(5);

thread_local! {
    /// Whether a [`send_choice`] is under way: one is enough.
    static SENDING: Cell<bool> = const { Cell::new(false) };
}

/// Tells the account of the device's choice, trying again while the server cannot be
/// reached; forgets that it waits once it is kept. Stops when the user chose something
/// else meanwhile (that choice is sent instead) or the server refuses it (signed out).
pub async fn send_choice(user_id: &str, locale: Locale) {
    if SENDING.with(|sending| sending.replace(true)) {
        return;
    }
    while unsent_choice(user_id) == Some(locale) {
        match api::save_locale(locale).await {
            Ok(()) => {
                if unsent_choice(user_id) == Some(locale)
                    && let Some(storage) = storage()
                {
                    let _ = storage.remove_item(UNSENT_KEY);
                }
                break;
            }
            Err(ApiError::Unreachable) => crate::clock::sleep(UNSENT_RETRY).await,
            Err(_) => break,
        }
    }
    SENDING.with(|sending| sending.set(false));
    // A choice made while this one was being sent goes now.
    if let Some(later) = unsent_choice(user_id).filter(|later| *later != locale) {
        Box::pin(send_choice(user_id, later)).await;
    }
}

/// Before the app mounts: the language last chosen on this device, else the browser's.
pub async fn start() {
    let preferred = remembered().unwrap_or_else(|| {
        let languages = window().navigator().languages();
        let tags: Vec<String> = languages.iter().filter_map(|tag| tag.as_string()).collect();
        Locale::negotiate(tags.iter().map(String::as_str))
    });
    if preferred != Locale::English {
        let waited = futures::future::select(
            Box::pin(load(preferred)),
            Box::pin(crate::clock::sleep(FIRST_LANGUAGE_WAIT)),
        )
        .await;
        match waited {
            futures::future::Either::Left((Ok(catalogue), _)) => use_catalogue(catalogue),
            // Unreachable with nothing cached: English until it can be fetched.
            futures::future::Either::Left((Err(_), _)) => {}
            futures::future::Either::Right(_) => LATE.with(|late| late.set(Some(preferred))),
        }
    }
    with_catalogue(share_with_page);
}

async fn load(locale: Locale) -> Result<Catalogue, ApiError> {
    if locale == Locale::English {
        return Ok(english());
    }
    let files = futures::future::try_join_all(
        CATALOGUE_FILES
            .iter()
            .map(|file| api::catalogue_file(locale.tag(), file)),
    )
    .await?;
    let sources: Vec<&str> = files.iter().map(String::as_str).collect();
    Catalogue::parse(locale, &sources).map_err(|_| ApiError::Unreadable)
}

fn use_catalogue(catalogue: Catalogue) {
    share_with_page(&catalogue);
    CURRENT.with(|current| *current.borrow_mut() = Rc::new(catalogue));
    FORMATTERS.with(|formatters| formatters.borrow_mut().clear());
}

/// The page outside the app speaks the language too: the document's `lang`, and the
/// words of the new-build offer, which `public/sw-register.js` shows without the app
/// (it reads them from `<html data-update-available data-update-reload>`).
fn share_with_page(catalogue: &Catalogue) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", catalogue.locale().tag());
        for (attribute, id) in [
            ("data-update-available", "update-available"),
            ("data-update-reload", "update-reload"),
        ] {
            let _ = root.set_attribute(attribute, &catalogue.format(id, &[]));
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn remembered() -> Option<Locale> {
    storage()?.get_item(STORAGE_KEY).ok()??.parse().ok()
}

fn remember(locale: Locale) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, locale.tag());
    }
}

/// The browser's formatters of the current language, made once per kind.
mod intl {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;

    pub fn options(pairs: &[(&str, &str)]) -> Object {
        let options = Object::new();
        for (key, value) in pairs {
            let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        options
    }

    pub fn locales(tag: &str) -> Array {
        Array::of1(&JsValue::from_str(tag))
    }
}

thread_local! {
    static FORMATTERS: RefCell<Vec<(String, js_sys::Object)>> = const { RefCell::new(Vec::new()) };
}

/// A formatter of the current language, made once for its `key`.
fn formatter(key: &str, make: impl FnOnce(&str) -> js_sys::Object) -> js_sys::Object {
    FORMATTERS.with(|formatters| {
        if let Some((_, found)) = formatters.borrow().iter().find(|(k, _)| k == key) {
            return found.clone();
        }
        let made = make(locale().format_tag());
        formatters.borrow_mut().push((key.to_owned(), made.clone()));
        made
    })
}

/// A decimal number (as text, so no precision is lost) by the browser's `Intl`, in a
/// currency when one is given: "12.345,67 €".
pub fn intl_money(number: &str, currency: Option<&str>) -> String {
    let format = match currency {
        Some(code) => formatter(&format!("money-{code}"), |tag| {
            js_sys::Intl::NumberFormat::new(
                &intl::locales(tag),
                &intl::options(&[("style", "currency"), ("currency", code)]),
            )
            .into()
        }),
        None => formatter("number", |tag| {
            js_sys::Intl::NumberFormat::new(
                &intl::locales(tag),
                &intl::options(&[("maximumFractionDigits", "2")]),
            )
            .into()
        }),
    };
    let format: js_sys::Intl::NumberFormat = format.unchecked_into();
    format
        .format()
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &wasm_bindgen::JsValue::from_str(number),
        )
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| number.to_owned())
}

/// An instant by the browser's `Intl` in the user's time zone: `what` is "date",
/// "date-time" or "time".
pub fn intl_date(millis: f64, what: &'static str) -> String {
    let format = formatter(what, |tag| {
        let numeric = [
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ];
        let clock = [("hour", "2-digit"), ("minute", "2-digit")];
        let pairs: Vec<(&str, &str)> = match what {
            "date" => numeric.to_vec(),
            "time" => clock.to_vec(),
            _ => numeric.iter().chain(clock.iter()).copied().collect(),
        };
        js_sys::Intl::DateTimeFormat::new(&intl::locales(tag), &intl::options(&pairs)).into()
    });
    let format: js_sys::Intl::DateTimeFormat = format.unchecked_into();
    format
        .format()
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &js_sys::Date::new(&millis.into()),
        )
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A country's name in the current language ("Deutschland"), by the browser's `Intl`.
pub fn intl_country(code: &str) -> Option<String> {
    let names: js_sys::Intl::DisplayNames = formatter("region", |tag| {
        js_sys::Intl::DisplayNames::new(&intl::locales(tag), &intl::options(&[("type", "region")]))
            .into()
    })
    .unchecked_into();
    names.of(code).map(String::from)
}
