//! The Export button: the list on screen as a CSV file, written in the browser by the
//! domain's `CsvExport` (the server's writer) from the referrals the app holds, so it
//! works offline and is byte for byte what `GET /api/v1/referrals/export.csv` sends for
//! the same filter. Until the referrals are in, the server writes it.

use std::time::Duration;

use chrono::Utc;
use domain::Filter;
use domain::export::{CONTENT_TYPE, CsvExport, file_name};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Uint8Array};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::i18n::t;
use crate::listing::{Listing, with_query};
use crate::store::{Referrals, Snapshot};

/// The server's export, kept for API users and for the moments before the first fill.
const SERVER_EXPORT: &str = "/api/v1/referrals/export.csv";

/// Long enough for the browser to have read the file the click handed it; then the
/// memory goes (revoking at once can cancel the download in some browsers).
const KEEP_FILE: Duration = Duration::from_secs(60);

/// Downloads the list as filtered, in its order.
#[component]
pub fn ExportButton(
    listing: Listing,
    /// The list's effective filter.
    current: Signal<Filter>,
) -> impl IntoView {
    let store = Referrals::current();
    let export = move |_| {
        let filter = current.get_untracked();
        let name = file_name(Utc::now().date_naive());
        let written = untrack(|| {
            store.with_snapshot(|snapshot| {
                csv(
                    snapshot,
                    &listing.positions(snapshot, &filter, || store.favorites().get()),
                )
            })
        });
        let saved = match written {
            Some(bytes) => save(&bytes, &name),
            None => Err(JsValue::NULL),
        };
        // Not filled yet, or the browser refused the file: the server writes the same one.
        if saved.is_err() {
            let _ = click_download(
                &with_query(SERVER_EXPORT, &listing.full_query(&filter)),
                &name,
            );
        }
    };
    view! {
        // The visible word and the whole name are one message each, not joined fragments.
        <button type="button" class="export" aria-label=t("list-export-label") on:click=export>
            {t("list-export")}
        </button>
    }
}

/// The referrals at `positions` (in that order) as the export file.
fn csv(snapshot: &Snapshot, positions: &[usize]) -> Vec<u8> {
    let referrals = snapshot.referrals();
    let written =
        crate::i18n::with_catalogue(|catalogue| CsvExport::in_language(Vec::new(), catalogue))
            .and_then(|mut export| {
                for &at in positions {
                    export.write_referral(&referrals[at])?;
                }
                export.finish()
            });
    // The writer's only errors are its writer's.
    written.expect("writing into memory cannot fail")
}

/// Hands `bytes` to the browser as a download named `name`.
fn save(bytes: &[u8], name: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(CONTENT_TYPE);
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let clicked = click_download(&url, name);
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        KEEP_FILE,
    );
    clicked
}

/// Follows `href` as a download named `name`, through a link that is gone again at once.
fn click_download(href: &str, name: &str) -> Result<(), JsValue> {
    let link: HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    link.set_href(href);
    link.set_download(name);
    link.set_hidden(true);
    // Some browsers follow only a link that is in the page.
    let body = document().body().ok_or(JsValue::NULL)?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}
