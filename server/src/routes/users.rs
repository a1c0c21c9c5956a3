//! `GET /api/v1/users`: the people of the signed-in user's organisation, for the
//! team pickers of Accept and Edit.

use axum::Json;
use axum::extract::State;
use serde::Serialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::store;

/// A colleague as the team pickers show them.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Colleague {
    id: String,
    name: String,
    email: String,
    /// `PartnerAdmin`, `ReferralsAdmin`, `ReferralsUser`, `BusinessProfileAdmin` or `Viewer`.
    role: String,
    role_label: String,
}

/// The organisation's users, by name; never another organisation's.
#[utoipa::path(get, path = "/api/v1/users", tag = "session", operation_id = "list_users",
    responses((status = 200, body = [Colleague]), (status = 401, description = "Not signed in")))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<Colleague>>, AppError> {
    let colleagues = store::users::list_for_organisation(&state.pool, &user.organisation_id)
        .await?
        .into_iter()
        .map(|record| Colleague {
            id: record.id,
            name: record.name,
            email: record.email,
            role: record.role.as_str().to_owned(),
            role_label: record.role.label().to_owned(),
        })
        .collect();
    Ok(Json(colleagues))
}
