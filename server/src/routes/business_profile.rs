//! One business profile: `GET|PUT|DELETE /api/v1/business-profiles/{id}`. Changes apply
//! to the version named in `If-Match` only (required to replace, optional to delete),
//! so two admins never silently overwrite each other: the second gets a 412 with the
//! profile as it is now. Another organisation's profile is not found, never refused.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use domain::{BusinessProfileDraft, StoredBusinessProfile};
use sqlx::AnyConnection;

use super::business_profiles::{may_edit, profile_response, region_taken};
use super::users::acting_under_lock;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::{self, business_profiles::Replaced};
use crate::error::AppError;
use crate::extract::{BusinessProfileId, JsonBody, if_match, if_match_when_sent};

/// The request header of a change.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)] // Documentation only: the header is read by `if_match`.
struct ProfileVersion {
    /// The profile's `ETag` as last seen (`"<eTag>"`): the change applies only to that version.
    #[param(rename = "If-Match", min_length = 1)]
    if_match: String,
}

/// One of the organisation's business profiles.
#[utoipa::path(get, path = "/api/v1/business-profiles/{id}", tag = "business-profiles",
    operation_id = "get_business_profile",
    params(("id" = String, Path, description = "Business profile ID")),
    responses(
        (status = 200, description = "The profile", body = StoredBusinessProfile,
            headers(("ETag" = String, description = "The profile's version"))),
        (status = 403, description = "Not a partner admin or business profile admin"),
        (status = 404, description = "No such profile in the organisation")))]
pub async fn detail(
    State(state): State<AppState>,
    user: CurrentUser,
    BusinessProfileId(id): BusinessProfileId,
) -> Result<Response, AppError> {
    may_edit(user.member())?;
    let mut conn = state.pool.acquire().await?;
    let stored = db::business_profiles::find(&mut conn, &user.organisation_id, &id)
        .await?
        .ok_or(AppError::BusinessProfileNotFound)?;
    Ok(profile_response(StatusCode::OK, &stored))
}

/// Replaces a business profile (its region too, if no other profile covers the new one).
#[utoipa::path(put, path = "/api/v1/business-profiles/{id}", tag = "business-profiles",
    operation_id = "replace_business_profile",
    params(("id" = String, Path, description = "Business profile ID"), ProfileVersion),
    request_body = BusinessProfileDraft,
    responses(
        (status = 200, description = "The profile as stored now", body = StoredBusinessProfile,
            headers(("ETag" = String, description = "The profile's new version"))),
        (status = 403, description = "Not a partner admin or business profile admin, or the anti-forgery token or origin is wrong"),
        (status = 404, description = "No such profile in the organisation"),
        (status = 409, description = "Another profile of the organisation covers the new region"),
        (status = 412, description = "The profile changed since the `If-Match` version: the problem's `current` is the profile as it is now",
            headers(("ETag" = String, description = "The current version"))),
        (status = 422, description = "Fields to fix, each named (`locations[1].contact.email`)"),
        (status = 428, description = "`If-Match` is missing")))]
pub async fn replace(
    State(state): State<AppState>,
    user: CurrentUser,
    BusinessProfileId(id): BusinessProfileId,
    headers: HeaderMap,
    body: JsonBody<BusinessProfileDraft>,
) -> Result<Response, AppError> {
    may_edit(user.member())?;
    let expected = if_match(&headers)?;
    let mut transaction = state.pool.begin().await?;
    may_edit(acting_under_lock(&mut transaction, &user).await?.member())?;
    let current = current_version(&mut transaction, &user, &id, Some(&expected)).await?;
    // Judged after the version: a stale form is reloaded anyway, whatever its fields.
    let profile = body.value.validate().map_err(AppError::Invalid)?;
    let stored = match db::business_profiles::replace(
        &mut transaction,
        &user.organisation_id,
        &current.id,
        &profile,
        &user.id,
        Utc::now(),
    )
    .await?
    {
        Replaced::Done(stored) => stored,
        Replaced::RegionTaken(region) => return Err(region_taken(region)),
    };
    transaction.commit().await?;
    tracing::info!(profile_id = %id, region = %profile.region, "a business profile was changed");
    Ok(profile_response(StatusCode::OK, &stored))
}

/// Deletes a business profile: its region's leads go to the partner admins again.
#[utoipa::path(delete, path = "/api/v1/business-profiles/{id}", tag = "business-profiles",
    operation_id = "delete_business_profile",
    params(("id" = String, Path, description = "Business profile ID"),
        ("If-Match" = Option<String>, Header, description = "The profile's `ETag` as last seen: deletes only that version")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not a partner admin or business profile admin, or the anti-forgery token or origin is wrong"),
        (status = 404, description = "No such profile in the organisation"),
        (status = 412, description = "The profile changed since the `If-Match` version: the problem's `current` is the profile as it is now",
            headers(("ETag" = String, description = "The current version"))),
        (status = 428, description = "`If-Match` is sent but names nothing (`*`, any version, is as if it were not sent)")))]
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    BusinessProfileId(id): BusinessProfileId,
    headers: HeaderMap,
) -> Result<StatusCode, AppError> {
    may_edit(user.member())?;
    let expected = if_match_when_sent(&headers)?;
    let mut transaction = state.pool.begin().await?;
    may_edit(acting_under_lock(&mut transaction, &user).await?.member())?;
    let current = current_version(&mut transaction, &user, &id, expected.as_deref()).await?;
    db::business_profiles::delete(&mut transaction, &user.organisation_id, &current.id).await?;
    transaction.commit().await?;
    tracing::info!(profile_id = %id, region = %current.profile.region, "a business profile was deleted");
    Ok(StatusCode::NO_CONTENT)
}

/// The profile `id` of the user's organisation, locked for a change, if it is at one of
/// the versions `expected` (when given): else a 404, or a 412 with the current version.
async fn current_version(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    id: &str,
    expected: Option<&[String]>,
) -> Result<StoredBusinessProfile, AppError> {
    let current = db::business_profiles::lock(conn, &user.organisation_id, id)
        .await?
        .ok_or(AppError::BusinessProfileNotFound)?;
    if expected.is_some_and(|expected| !expected.contains(&current.e_tag)) {
        return Err(AppError::BusinessProfileChangedMeanwhile {
            current: Box::new(current),
        });
    }
    Ok(current)
}
