//! `PUT /api/v1/me/password`: the signed-in user changes their password, proving the
//! current one; their other sessions end (a lost or shared device is signed out), this
//! one stays.

use std::net::SocketAddr;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::Utc;
use domain::people::NewPassword;
use domain::{FieldError, FieldErrors};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{self, CurrentUser};
use crate::db;
use crate::error::AppError;
use crate::extract::JsonBody;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PasswordChange {
    /// The password the user signs in with now.
    current_password: String,
    /// At least 12 characters.
    new_password: String,
}

/// Changes the signed-in user's password and signs them out everywhere else.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "session", operation_id = "change_password",
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed: the user's other sessions have ended"),
        (status = 403, description = "The anti-forgery token or origin is wrong"),
        (status = 422, description = "`currentPassword` is not the user's password, or `newPassword` is shorter than 12 characters"),
        (status = 429, description = "Too many wrong passwords for this account from this address: wait `Retry-After` seconds")))]
pub async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    user: CurrentUser,
    body: JsonBody<PasswordChange>,
) -> Result<StatusCode, AppError> {
    // The new one is checked first: a form with a too-short password costs no attempt.
    let new_password = NewPassword::parse("newPassword", &body.value.new_password)
        .map_err(|error| AppError::Invalid(FieldErrors::from(error)))?;
    let client = auth::client_address(
        &headers,
        peer.map(|Extension(ConnectInfo(address))| address),
        state.client_ip_header.as_ref(),
    );
    let now = Utc::now();
    let stored = {
        let mut conn = state.pool.acquire().await?;
        db::users::find_in_organisation(&mut conn, &user.organisation_id, &user.id)
            .await?
            .ok_or(AppError::Unauthenticated)?
    };
    let current = &body.value.current_password;
    if !auth::check_password(
        &state.pool,
        &user,
        stored.password_hash,
        current,
        &client,
        now,
    )
    .await?
    {
        return Err(AppError::Invalid(FieldErrors::from(FieldError::coded(
            "currentPassword",
            "error-current-password",
            &[],
        ))));
    }
    let hash = auth::hash_password_off_thread(new_password.as_str()).await?;
    let mut transaction = state.pool.begin().await?;
    db::users::set_password_hash(&mut transaction, &user.id, &hash).await?;
    let ended =
        db::sessions::delete_for_user(&mut transaction, &user.id, Some(user.session_id())).await?;
    transaction.commit().await?;
    tracing::info!(other_sessions = ended, "a password was changed");
    Ok(StatusCode::NO_CONTENT)
}
