//! `POST /api/v1/ingest/marketplace-leads`: a commercial-marketplace lead (`LeadSource`,
//! `ActionCode`, `UserDetails`, …), authenticated by an API key (which names the organisation).

use axum::extract::State;
use axum::response::Response;
use domain::intake::MarketplaceLead;

use crate::AppState;
use crate::api_keys::KeyHolder;
use crate::error::AppError;
use crate::extract::JsonBody;

/// Takes a marketplace lead in, mapped by the domain to lead type, source and call to action.
#[utoipa::path(post, path = "/api/v1/ingest/marketplace-leads", tag = "ingest", operation_id = "ingest_marketplace_lead",
    security(("apiKey" = [])),
    request_body = MarketplaceLead,
    responses(
        (status = 201, description = "A new referral, as stored; `Location` names it", body = domain::Referral),
        (status = 200, description = "A resubmission (same `LeadId`, or the same payload within a day): the referral it made, unchanged", body = domain::Referral),
        (status = 401, description = "No API key, or a wrong or revoked one"),
        (status = 422, description = "Fields that are wrong, each named by the marketplace's own name (nothing is stored)")))]
pub async fn ingest(
    State(state): State<AppState>,
    holder: KeyHolder,
    body: JsonBody<MarketplaceLead>,
) -> Result<Response, AppError> {
    let lead = body.value.parse().map_err(AppError::Invalid)?;
    crate::ingest::take_in(&state, &holder, lead, "marketplace-leads", &body.raw).await
}
