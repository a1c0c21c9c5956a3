//! The organisation's business profiles: `GET /api/v1/business-profiles` lists them,
//! `POST /api/v1/business-profiles` adds one (one per region). Partner admins and
//! business profile admins only; a profile's own route is `business_profile.rs`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use domain::problem::Explanation;
use domain::{BusinessProfileDraft, StoredBusinessProfile};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;
use crate::extract::JsonBody;
use crate::routes::users::acting_under_lock;

/// Refuses everyone whose role may not see or edit business profiles.
pub(super) fn may_edit(member: domain::Member<'_>) -> Result<(), AppError> {
    match member.business_profile_refusal() {
        None => Ok(()),
        Some(refusal) => Err(AppError::Forbidden(refusal.explanation())),
    }
}

/// A stored profile as an answer: the JSON and its version as `ETag`.
pub(super) fn profile_response(status: StatusCode, stored: &StoredBusinessProfile) -> Response {
    let mut response = (status, Json(stored)).into_response();
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", stored.e_tag)) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// The 409 of a region the organisation has a profile for already.
pub(super) fn region_taken(region: domain::Region) -> AppError {
    AppError::Conflict(
        Explanation::new("business-profile-region-taken").with("region", region.as_str()),
    )
}

/// The organisation's business profiles, by region.
#[utoipa::path(get, path = "/api/v1/business-profiles", tag = "business-profiles",
    operation_id = "list_business_profiles",
    responses(
        (status = 200, description = "The profiles, in the order of the regions", body = [StoredBusinessProfile]),
        (status = 403, description = "Not a partner admin or business profile admin")))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<StoredBusinessProfile>>, AppError> {
    may_edit(user.member())?;
    let mut conn = state.pool.acquire().await?;
    Ok(Json(
        db::business_profiles::list(&mut conn, &user.organisation_id).await?,
    ))
}

/// Adds a business profile for a region the organisation has none for yet.
#[utoipa::path(post, path = "/api/v1/business-profiles", tag = "business-profiles",
    operation_id = "create_business_profile",
    request_body = BusinessProfileDraft,
    responses(
        (status = 201, description = "The profile as stored", body = StoredBusinessProfile,
            headers(("ETag" = String, description = "The profile's version"),
                    ("Location" = String, description = "The profile's own path"))),
        (status = 403, description = "Not a partner admin or business profile admin, or the anti-forgery token or origin is wrong"),
        (status = 409, description = "The organisation already has a profile for this region"),
        (status = 422, description = "Fields to fix, each named (`locations[1].contact.email`)")))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    body: JsonBody<BusinessProfileDraft>,
) -> Result<Response, AppError> {
    may_edit(user.member())?;
    let profile = body.value.validate().map_err(AppError::Invalid)?;
    let mut transaction = state.pool.begin().await?;
    may_edit(acting_under_lock(&mut transaction, &user).await?.member())?;
    let stored = db::business_profiles::insert(
        &mut transaction,
        &user.organisation_id,
        &profile,
        &user.id,
        Utc::now(),
    )
    .await?
    .ok_or_else(|| region_taken(profile.region))?;
    transaction.commit().await?;
    tracing::info!(profile_id = %stored.id, region = %profile.region, "a business profile was created");
    let mut response = profile_response(StatusCode::CREATED, &stored);
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/business-profiles/{}", stored.id))
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}
