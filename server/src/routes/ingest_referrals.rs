//! `POST /api/v1/ingest/referrals`: another system sends a referral in the API's own
//! shape, authenticated by an API key (which names the organisation).

use axum::extract::State;
use axum::response::Response;
use domain::intake::ReferralSubmission;

use crate::AppState;
use crate::api_keys::KeyHolder;
use crate::error::AppError;
use crate::extract::JsonBody;

/// Takes a referral in: checked by the domain, stored once, announced to every open app.
#[utoipa::path(post, path = "/api/v1/ingest/referrals", tag = "ingest", operation_id = "ingest_referral",
    security(("apiKey" = [])),
    request_body = ReferralSubmission,
    responses(
        (status = 201, description = "A new referral, as stored; `Location` names it", body = domain::Referral),
        (status = 200, description = "A resubmission (same `externalId`, or the same payload within a day): the referral it made, unchanged", body = domain::Referral),
        (status = 401, description = "No API key, or a wrong or revoked one"),
        (status = 422, description = "Fields that are wrong, each named (nothing is stored)")))]
pub async fn ingest(
    State(state): State<AppState>,
    holder: KeyHolder,
    body: JsonBody<ReferralSubmission>,
) -> Result<Response, AppError> {
    let lead = body.value.parse().map_err(AppError::Invalid)?;
    crate::ingest::take_in(&state, &holder, lead, "referrals", &body.raw).await
}
