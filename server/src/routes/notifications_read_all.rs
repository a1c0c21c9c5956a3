//! `POST /api/v1/notifications/read-all`: the user read every one of their items, or
//! every one up to the newest they saw (`through`): a "Mark all as read" made offline
//! and sent later must not mark what arrived meanwhile, unseen.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use chrono::Utc;
use domain::problem::Explanation;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;

/// Marks the user's unread items read (others' items are untouched).
#[utoipa::path(post, path = "/api/v1/notifications/read-all", tag = "notifications",
    operation_id = "read_all_notifications",
    params(
        ("through" = Option<String>, Query, description = "An item's ID: only it and older items are marked (default: every item)"),
    ),
    responses(
        (status = 204, description = "The items are read"),
        (status = 400, description = "A `through` that is not one of the user's items, or an unknown parameter")))]
pub async fn read_all(
    State(state): State<AppState>,
    user: CurrentUser,
    RawQuery(query): RawQuery,
) -> Result<StatusCode, AppError> {
    let mut through = None;
    for (name, value) in domain::filter::query_pairs(query.as_deref().unwrap_or_default()) {
        match name.as_str() {
            "through" if !value.is_empty() => through = Some(value),
            "through" => {}
            other => {
                return Err(AppError::BadQuery(
                    Explanation::new("notifications-read-all-parameter").with("name", other),
                ));
            }
        }
    }
    let mut conn = state.pool.acquire().await?;
    let through = match through {
        None => None,
        Some(id) => Some(
            db::notifications::before(&mut conn, &user.id, &id)
                .await?
                .ok_or_else(|| {
                    AppError::BadQuery(
                        Explanation::new("notifications-through-unknown")
                            .with("value", id.as_str()),
                    )
                })?,
        ),
    };
    db::notifications::mark_all_read(&mut conn, &user.id, through.as_ref(), Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
