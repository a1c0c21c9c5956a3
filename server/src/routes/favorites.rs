//! `PUT` / `DELETE /api/v1/referrals/{id}/favorite`: the heart, per user.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;
use crate::extract::ReferralId;

/// Adds the referral to the user's favorites (idempotent by nature).
#[utoipa::path(put, path = "/api/v1/referrals/{id}/favorite", tag = "favorites",
    params(("id" = String, Path, description = "Referral ID")), responses((status = 204, description = "Now a favorite")))]
pub async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    ReferralId(id): ReferralId,
) -> Result<StatusCode, AppError> {
    set(&state, &user, &id, true).await
}

/// Removes the referral from the user's favorites.
#[utoipa::path(delete, path = "/api/v1/referrals/{id}/favorite", tag = "favorites",
    params(("id" = String, Path, description = "Referral ID")), responses((status = 204, description = "No longer a favorite")))]
pub async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    ReferralId(id): ReferralId,
) -> Result<StatusCode, AppError> {
    set(&state, &user, &id, false).await
}

/// Sets the heart in one transaction with its entry in the user's feed; setting it
/// as it already is changes nothing and is not in the feed.
async fn set(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    favorite: bool,
) -> Result<StatusCode, AppError> {
    let _turn = state.writes.take().await;
    let mut transaction = state.pool.begin().await?;
    let change = db::feed::next_change(&mut transaction, &user.organisation_id).await?;
    db::referrals::find(&mut transaction, &user.organisation_id, id)
        .await?
        .ok_or(AppError::ReferralNotFound)?;
    let changed = if favorite {
        db::favorites::add(&mut transaction, &user.id, id, Utc::now()).await?
    } else {
        db::favorites::remove(&mut transaction, &user.id, id).await?
    };
    if !changed {
        return Ok(StatusCode::NO_CONTENT);
    }
    db::feed::record_favorite_change(&mut transaction, &user.id, id, change).await?;
    transaction.commit().await?;
    state.live.changed(&user.organisation_id, change);
    Ok(StatusCode::NO_CONTENT)
}
