//! `PUT` / `DELETE /api/v1/referrals/{id}/favorite`: the heart, per user.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::store;

/// Adds the referral to the user's favorites (idempotent by nature).
#[utoipa::path(put, path = "/api/v1/referrals/{id}/favorite", tag = "favorites",
    params(("id" = String, Path)), responses((status = 204, description = "Now a favorite"), (status = 404)))]
pub async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    ensure_visible(&state, &user, &id).await?;
    store::favorites::add(&state.pool, &user.id, &id, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the referral from the user's favorites.
#[utoipa::path(delete, path = "/api/v1/referrals/{id}/favorite", tag = "favorites",
    params(("id" = String, Path)), responses((status = 204, description = "No longer a favorite"), (status = 404)))]
pub async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    ensure_visible(&state, &user, &id).await?;
    store::favorites::remove(&state.pool, &user.id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn ensure_visible(state: &AppState, user: &CurrentUser, id: &str) -> Result<(), AppError> {
    store::referrals::find(&state.pool, &user.organisation_id, id)
        .await?
        .map(|_| ())
        .ok_or(AppError::ReferralNotFound)
}
