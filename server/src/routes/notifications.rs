//! `GET /api/v1/notifications`: the signed-in user's notification-centre items, newest
//! first, a page at a time, with how many of all of them are unread.

use axum::Json;
use axum::extract::{RawQuery, State};
use domain::NotificationPage;
use domain::problem::Explanation;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;

/// Items per page unless `limit` says otherwise, and the most a page may hold.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 100;

/// The user's items (each with its lead's customer and deal name) and the unread count.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "notifications",
    operation_id = "list_notifications",
    params(
        ("limit" = Option<usize>, Query, minimum = 1, maximum = 100, description = "Items per page, 1 to 100 (default 50)"),
        ("before" = Option<String>, Query, description = "The previous page's `next`: the items older than that one"),
    ),
    responses(
        (status = 200, description = "The user's items, newest first, and their unread count", body = NotificationPage),
        (status = 400, description = "A bad `limit`, a `before` that is not one of the user's items, or an unknown parameter")))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    RawQuery(query): RawQuery,
) -> Result<Json<NotificationPage>, AppError> {
    let request = PageRequest::from_query(query.as_deref().unwrap_or_default())?;
    let mut conn = state.pool.acquire().await?;
    let before = match &request.before {
        None => None,
        Some(id) => Some(
            db::notifications::before(&mut conn, &user.id, id)
                .await?
                .ok_or_else(|| {
                    AppError::BadQuery(
                        Explanation::new("notifications-before-unknown").with("value", id.as_str()),
                    )
                })?,
        ),
    };
    // One more than asked for says whether another page follows.
    let mut items = db::notifications::page(
        &mut conn,
        &user.organisation_id,
        &user.id,
        before.as_ref(),
        request.limit + 1,
    )
    .await?;
    let next = if items.len() > request.limit {
        items.truncate(request.limit);
        items.last().map(|item| item.id.clone())
    } else {
        None
    };
    let unread = db::notifications::unread_count(&mut conn, &user.id).await?;
    Ok(Json(NotificationPage {
        items,
        unread,
        next,
    }))
}

struct PageRequest {
    limit: usize,
    before: Option<String>,
}

impl PageRequest {
    fn from_query(query: &str) -> Result<PageRequest, AppError> {
        let mut request = PageRequest {
            limit: DEFAULT_LIMIT,
            before: None,
        };
        for (name, value) in domain::filter::query_pairs(query) {
            match name.as_str() {
                "before" if !value.is_empty() => request.before = Some(value),
                "before" => {}
                "limit" => {
                    request.limit = crate::extract::page_limit(&value, MAX_LIMIT)?;
                }
                other => {
                    return Err(AppError::BadQuery(
                        Explanation::new("notifications-parameter").with("name", other),
                    ));
                }
            }
        }
        Ok(request)
    }
}
