//! `POST /api/v1/notifications/read-all`: the user read every one of their items.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;

/// Marks every unread item of the user read (others' items are untouched).
#[utoipa::path(post, path = "/api/v1/notifications/read-all", tag = "notifications",
    operation_id = "read_all_notifications",
    responses((status = 204, description = "Every item is read")))]
pub async fn read_all(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<StatusCode, AppError> {
    let mut conn = state.pool.acquire().await?;
    db::notifications::mark_all_read(&mut conn, &user.id, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
