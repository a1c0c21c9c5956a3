//! `GET /api/v1/referrals/export.csv`: the list as filtered, as a CSV file of any size.
//!
//! A task reads the organisation's referrals through a database cursor in the list's
//! order, keeps those the filter matches, and writes them with the domain's `CsvExport`
//! into a buffer that goes out in chunks through a bounded channel: when the client reads
//! slowly the task waits, so memory stays flat however many rows there are.
//!
//! An export holds a database connection for as long as its download lasts, so it
//! waits for a turn (`crate::export_slots`): a few at once, and a share per
//! organisation; a client that stops reading loses its turn within seconds.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Poll;

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use domain::CsvExport;
use domain::i18n::Catalogue;
use futures_util::StreamExt as _;
use tokio::sync::mpsc;
use tracing::Instrument as _;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::{self, Pool};
use crate::error::AppError;
use crate::routes::referrals::{Selection, SelectionQuery, for_user};

/// Bytes gathered before they are sent on: few writes, little memory.
const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks written but not yet sent to the client; the writer waits beyond that.
const CHUNKS_IN_FLIGHT: usize = 4;
/// Rows an export writes before it lets the other tasks of its thread run.
const ROWS_PER_TURN: usize = 256;
/// How long a client may read nothing, once the chunks in flight fill up, before its
/// export gives up: a download paused or stuck must not keep a database connection
/// and an export's turn.
pub const STALLED_CLIENT: std::time::Duration = std::time::Duration::from_secs(10);

/// The export task's end of a download.
struct Chunks {
    sender: mpsc::Sender<io::Result<Bytes>>,
    /// Set when the client read nothing for `STALLED_CLIENT` and the task gave up.
    stalled: Arc<AtomicBool>,
}

impl Chunks {
    /// Sends one chunk, waiting while the channel is full; false when the client has
    /// gone or has read nothing for `STALLED_CLIENT`.
    async fn send(&self, chunk: io::Result<Bytes>) -> bool {
        match self.sender.send_timeout(chunk, STALLED_CLIENT).await {
            Ok(()) => true,
            Err(mpsc::error::SendTimeoutError::Timeout(_)) => {
                tracing::warn!(
                    seconds = STALLED_CLIENT.as_secs(),
                    "a CSV export stopped: its client read nothing for that long"
                );
                self.stalled.store(true, Ordering::Release);
                false
            }
            Err(mpsc::error::SendTimeoutError::Closed(_)) => false,
        }
    }
}

/// The organisation's referrals matching the filter, in the list's order, as CSV (UTF-8
/// with BOM, RFC 4180, formulas neutralised) streamed without a row limit. Takes the
/// list's query; `limit` and `cursor` do not apply. For roles that may export.
#[utoipa::path(get, path = "/api/v1/referrals/export.csv", tag = "referrals",
    params(SelectionQuery),
    responses(
        (status = 200, description = "The CSV file, as an attachment named referrals-YYYY-MM-DD.csv", content_type = "text/csv", body = String, headers(
            ("Content-Disposition" = String, description = "`attachment; filename=\"referrals-YYYY-MM-DD.csv\"`"))),
        (status = 400, description = "A filter value is not valid"),
        (status = 403, description = "The user's role may not export")))]
pub async fn export_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    if let Some(refusal) = user.member().export_refusal() {
        return Err(AppError::Forbidden(refusal.explanation()));
    }
    let selection = Selection::from_query(&query.unwrap_or_default())?;
    let (sender, mut sent) = mpsc::channel(CHUNKS_IN_FLIGHT);
    let stalled = Arc::new(AtomicBool::new(false));
    let chunks = Chunks {
        sender,
        stalled: stalled.clone(),
    };
    let export = async move {
        let _turn = tokio::select! {
            turn = state.exports.turn(&user.organisation_id) => turn,
            // The client gave up while waiting for its turn.
            () = chunks.sender.closed() => return,
        };
        let catalogue = crate::i18n::catalogue(crate::i18n::locale_of(&user, &headers));
        if let Err(error) = write_export(&state.pool, &user, selection, catalogue, &chunks).await {
            // The response has begun: ending the body with an error tells the client the file is incomplete.
            tracing::error!(%error, "the CSV export failed part-way");
            chunks.send(Err(error)).await;
        }
    };
    tokio::spawn(export.in_current_span());
    // A receiver answers "no more" however often it is asked, as a compressing layer may
    // ask. After a stalled client the end is an error, once: what arrived is not the file.
    let body = futures_util::stream::poll_fn(move |cx| match sent.poll_recv(cx) {
        Poll::Ready(None) if stalled.swap(false, Ordering::AcqRel) => Poll::Ready(Some(Err(
            io::Error::new(io::ErrorKind::TimedOut, "the download was paused too long"),
        ))),
        polled => polled,
    });
    let file_name = domain::export::file_name(Utc::now().date_naive());
    Ok((
        [
            (
                header::CONTENT_TYPE,
                domain::export::CONTENT_TYPE.to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// Why `role` may not export, and who can.
/// Writes the whole export into `chunks`; returns early, without error, when the client has gone.
async fn write_export(
    pool: &Pool,
    user: &CurrentUser,
    Selection {
        filter,
        favorites_only,
    }: Selection,
    catalogue: &Catalogue,
    chunks: &Chunks,
) -> io::Result<()> {
    let referrals = db::referrals::InListOrder::new(
        pool,
        &user.organisation_id,
        &user.id,
        filter.sort,
        filter.direction,
        favorites_only,
    );
    let mut rows = std::pin::pin!(referrals.rows(pool));
    let mut export = CsvExport::in_language(new_buffer(), catalogue)?;
    let mut read = 0usize;
    while let Some(row) = rows.next().await {
        // Rows already fetched are ready without waiting, so a long export would keep its
        // runtime thread to itself until the client's buffers fill: other requests on that
        // thread (a sign-in's session lookup) then wait past their connection timeout.
        read += 1;
        if read.is_multiple_of(ROWS_PER_TURN) {
            tokio::task::yield_now().await;
        }
        let (referral, favorite) = row.map_err(io::Error::other)?;
        // Filtered and written as the list shows it to this user (contacts withheld when Expired).
        let referral = for_user(referral, favorite);
        if !filter.matches(&referral) {
            continue;
        }
        export.write_referral(&referral)?;
        if export.get_mut().len() >= CHUNK_BYTES && !chunks.send(Ok(chunk(export.get_mut()))).await
        {
            return Ok(());
        }
    }
    let rest = export.finish()?;
    chunks.send(Ok(Bytes::from(rest))).await;
    Ok(())
}

fn new_buffer() -> Vec<u8> {
    // Room for one more row past the threshold, so a chunk is one allocation.
    Vec::with_capacity(CHUNK_BYTES + 4 * 1024)
}

/// The chunk gathered so far, leaving a fresh buffer behind.
fn chunk(buffer: &mut Vec<u8>) -> Bytes {
    Bytes::from(std::mem::replace(buffer, new_buffer()))
}
