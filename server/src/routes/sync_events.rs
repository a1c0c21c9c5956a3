//! `GET /api/v1/sync/events`: Server-Sent Events that carry the organisation's newest
//! feed cursor whenever it moves, so an open app pulls the change at once.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::cursor::Cursor;
use crate::db;
use crate::error::AppError;

/// Proxies close connections idle for a minute or so; a comment this often keeps it open.
const HEARTBEAT: Duration = Duration::from_secs(15);
/// A stream ends after this long and the browser reconnects, so a session that ended
/// meanwhile (sign-out, expiry) stops hearing about its organisation.
const LIFETIME: Duration = Duration::from_secs(10 * 60);

/// The organisation's newest cursor now, then each time it moves (`event: cursor`).
#[utoipa::path(get, path = "/api/v1/sync/events", tag = "sync", operation_id = "sync_events",
    responses(
        (status = 200, description = "text/event-stream: `event: cursor`, `data: <cursor>`; comment heartbeats", content_type = "text/event-stream", body = String)))]
pub async fn events(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let last = {
        let mut conn = state.pool.acquire().await?;
        db::feed::last_change(&mut conn, &user.organisation_id)
            .await?
            .ok_or(AppError::Unauthenticated)?
    };
    let mut changes = state.live.subscribe(&user.organisation_id, last);
    changes.mark_changed();
    let closing = state.live.closing();
    let organisation_id = user.organisation_id;
    let ends = tokio::time::Instant::now() + LIFETIME;
    let stream = futures_util::stream::unfold(
        (changes, closing, organisation_id),
        move |(mut changes, mut closing, organisation_id)| async move {
            tokio::select! {
                moved = changes.changed() => moved.ok()?,
                _ = closing.wait_for(|closing| *closing) => return None,
                () = tokio::time::sleep_until(ends) => return None,
            }
            let change = *changes.borrow_and_update();
            let event = Event::default()
                .event("cursor")
                .data(Cursor::new(&organisation_id, change).encode());
            Some((Ok(event), (changes, closing, organisation_id)))
        },
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(HEARTBEAT).text("keep-alive")))
}
