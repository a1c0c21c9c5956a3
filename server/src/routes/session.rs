//! `POST /api/v1/session` signs in, `DELETE /api/v1/session` signs out.

use axum::Json;
use std::net::SocketAddr;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;

use crate::AppState;
use crate::auth::{self, CurrentUser};
use crate::db;
use crate::error::AppError;
use crate::extract::JsonBody;
use crate::routes::me::Me;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    email: String,
    password: String,
}

/// Signs in and sets the session cookie.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = Credentials,
    security(()),
    responses(
        (status = 200, description = "Signed in", body = Me, headers(
            ("Set-Cookie" = String, description = "The session cookie `rd_session` (HttpOnly, SameSite=Strict), and `rd_signed_in=1`, readable by the app, which says a session may exist"))),
        (status = 401, description = "Wrong email or password"),
        (status = 429, description = "Too many failed sign-ins for this account from this address, or from this address: wait `Retry-After` seconds")))]
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: JsonBody<Credentials>,
) -> Result<Response, AppError> {
    let credentials = body.value;
    let client = auth::client_address(
        &headers,
        peer.map(|Extension(ConnectInfo(address))| address),
        state.client_ip_header.as_ref(),
    );
    let (token, user) = auth::sign_in(
        &state.pool,
        &credentials.email,
        &credentials.password,
        &client,
        Utc::now(),
    )
    .await?;
    let secure = auth::is_https(&headers, state.secure_cookies);
    Ok((auth::session_cookies(&token, secure), Json(Me::of(&user))).into_response())
}

/// Signs out: ends the session and removes the cookie.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session", responses(
    (status = 204, description = "Signed out", headers(("Set-Cookie" = String, description = "Removes the session cookie and its hint")))))]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
) -> Result<Response, AppError> {
    db::sessions::delete(&state.pool, user.session_id()).await?;
    let secure = auth::is_https(&headers, state.secure_cookies);
    Ok((StatusCode::NO_CONTENT, auth::clearing_cookies(secure)).into_response())
}
