//! `GET /api/v1/sync`: what changed in the user's view of their organisation since a
//! cursor, a page at a time. Without `since`: everything, in pages.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::{Explanation, Referral};
use serde::Serialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::cursor::Cursor;
use crate::db;
use crate::error::AppError;
use crate::routes::me::Me;
use crate::routes::referrals::for_user;

/// Referrals per page unless `limit` says otherwise, and the most a page may hold.
const DEFAULT_LIMIT: usize = 500;
const MAX_LIMIT: usize = 1000;

/// One page of the feed.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SyncPage {
    /// The referrals that changed, whole, as this user sees them (with their heart).
    referrals: Vec<Referral>,
    /// IDs of referrals that left this user's view.
    removed: Vec<String>,
    /// Send back as `since` for what changes next.
    cursor: String,
    /// Whether more changes wait: ask again with the new cursor at once.
    more: bool,
    /// The user, when their own account (e.g. their role) changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    me: Option<Me>,
}

/// The changes in the user's view since `since`.
#[utoipa::path(get, path = "/api/v1/sync", tag = "sync",
    params(
        ("since" = Option<String>, Query, description = "The cursor of the previous answer; without it, everything"),
        ("limit" = Option<usize>, Query, minimum = 1, maximum = 1000, description = "Referrals per page, 1 to 1000 (default 500)"),
    ),
    responses(
        (status = 200, description = "The changes", body = SyncPage),
        (status = 400, description = "A malformed or another organisation's cursor (sync again without `since`), a bad `limit` or an unknown parameter")))]
pub async fn sync(
    State(state): State<AppState>,
    user: CurrentUser,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let request = SyncRequest::from_query(query.as_deref().unwrap_or_default())?;
    // Read with the session: a poll with nothing new reads nothing more.
    let last = match user.feed_head() {
        Some(head) => head,
        None => db::feed::last_change(&mut *state.pool.acquire().await?, &user.organisation_id)
            .await?
            .ok_or(AppError::Unauthenticated)?,
    };
    let after = match &request.since {
        None => 0,
        Some(since) => {
            Cursor::decode(since, &user.organisation_id, last)
                .map_err(|error| AppError::BadQuery(error.explanation()))?
                .change
        }
    };
    let page = if after == last {
        // Nothing new: the session's read was the only one.
        SyncPage {
            referrals: Vec::new(),
            removed: Vec::new(),
            cursor: Cursor::new(&user.organisation_id, last).encode(),
            more: false,
            me: None,
        }
    } else {
        let changes = db::feed::changes(
            &mut *state.pool.acquire().await?,
            &user.organisation_id,
            &user.id,
            after,
            last,
            request.limit,
        )
        .await?;
        SyncPage {
            referrals: changes
                .referrals
                .into_iter()
                .map(|(referral, favorite)| for_user(referral, favorite))
                .collect(),
            // Every member sees all of the organisation's referrals today; nothing leaves a view.
            removed: Vec::new(),
            cursor: Cursor::new(&user.organisation_id, changes.through).encode(),
            more: changes.more,
            me: changes.account_changed.then(|| Me::of(&user)),
        }
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(page)).into_response())
}

struct SyncRequest {
    since: Option<String>,
    limit: usize,
}

impl SyncRequest {
    fn from_query(query: &str) -> Result<SyncRequest, AppError> {
        let mut request = SyncRequest {
            since: None,
            limit: DEFAULT_LIMIT,
        };
        for (name, value) in domain::filter::query_pairs(query) {
            match name.as_str() {
                "since" if !value.is_empty() => request.since = Some(value),
                "since" => {}
                "limit" => {
                    request.limit = crate::extract::page_limit(&value, MAX_LIMIT)?;
                }
                other => {
                    return Err(AppError::BadQuery(
                        Explanation::new("sync-parameter").with("name", other),
                    ));
                }
            }
        }
        Ok(request)
    }
}
