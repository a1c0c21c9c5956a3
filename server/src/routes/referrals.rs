//! `GET /api/v1/referrals`: the signed-in organisation's referrals.

use axum::Json;
use axum::extract::State;
use domain::Referral;

use crate::AppState;
use crate::auth::CurrentOrganisation;
use crate::error::AppError;
use crate::store;

pub async fn list(
    State(state): State<AppState>,
    organisation: CurrentOrganisation,
) -> Result<Json<Vec<Referral>>, AppError> {
    let referrals = store::referrals::list_for_organisation(&state.pool, &organisation.id).await?;
    Ok(Json(
        referrals.into_iter().map(Referral::redacted).collect(),
    ))
}
