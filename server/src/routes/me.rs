//! `GET /api/v1/me`: the signed-in user, their organisation and role.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use serde::Serialize;

use crate::AppState;
use crate::auth::{self, CurrentUser};

#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    user: UserSummary,
    organisation: OrganisationSummary,
    #[schema(value_type = domain::Role)]
    role: String,
    role_label: String,
    /// Send back as `X-CSRF-Token` on every state-changing request.
    csrf_token: String,
    /// The language the user chose; absent until they choose (the browser's applies).
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<domain::i18n::Locale>,
    /// Where lead emails go instead of the sign-in address; `null` when not set.
    notification_email: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
struct UserSummary {
    id: String,
    email: String,
    name: String,
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
struct OrganisationSummary {
    id: String,
    name: String,
}

impl Me {
    pub fn of(user: &CurrentUser) -> Me {
        Me {
            user: UserSummary {
                id: user.id.clone(),
                email: user.email.clone(),
                name: user.name.clone(),
            },
            organisation: OrganisationSummary {
                id: user.organisation_id.clone(),
                name: user.organisation_name.clone(),
            },
            role: user.role.as_str().to_owned(),
            role_label: user.role.label().to_owned(),
            csrf_token: user.csrf_token.clone(),
            locale: user.locale,
            notification_email: user.notification_email.clone(),
        }
    }
}

/// The signed-in user.
#[utoipa::path(get, path = "/api/v1/me", tag = "session", responses((status = 200, description = "The user, their organisation and role, and the anti-forgery token; renews the `rd_signed_in` hint cookie", body = Me)))]
pub async fn me(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
) -> impl IntoResponse {
    // Renewed with each answer, so a session from before the hint existed gets one.
    let secure = auth::is_https(&headers, state.secure_cookies);
    ([auth::signed_in_hint(secure)], Json(Me::of(&user)))
}
