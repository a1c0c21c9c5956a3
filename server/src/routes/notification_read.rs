//! `POST /api/v1/notifications/{id}/read`: the user read one of their items.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;
use crate::extract::NotificationId;

/// Marks the item read; reading it again keeps the first time. Another user's item is
/// answered as unknown.
#[utoipa::path(post, path = "/api/v1/notifications/{id}/read", tag = "notifications",
    operation_id = "read_notification",
    params(("id" = String, Path, description = "Notification item ID")),
    responses(
        (status = 204, description = "The item is read"),
        (status = 404, description = "The user has no such item")))]
pub async fn read(
    State(state): State<AppState>,
    user: CurrentUser,
    NotificationId(id): NotificationId,
) -> Result<StatusCode, AppError> {
    let mut conn = state.pool.acquire().await?;
    let found =
        db::notifications::mark_read(&mut conn, &user.organisation_id, &user.id, &id, Utc::now())
            .await?;
    if found {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotificationNotFound)
    }
}
