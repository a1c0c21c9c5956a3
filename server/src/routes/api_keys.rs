//! A partner admin's API keys: `POST /api/v1/api-keys` makes one (the only answer that
//! shows its secret), `GET /api/v1/api-keys` lists them, `DELETE /api/v1/api-keys/{id}`
//! revokes one.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use domain::problem::Explanation;
use domain::{FieldErrors, Role};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::api_keys::{hash_secret, new_secret};
use crate::auth::CurrentUser;
use crate::db;
use crate::db::api_keys::{ApiKeyRecord, NewApiKey};
use crate::error::AppError;
use crate::extract::{ApiKeyId, JsonBody};
use crate::routes::users::acting_under_lock;

/// Checked again inside a key's change, after the organisation's lock: a partner admin
/// demoted or deactivated while the request waited makes no key and revokes none.
async fn acting_as_manager(
    conn: &mut sqlx::AnyConnection,
    user: &CurrentUser,
) -> Result<(), AppError> {
    may_manage(acting_under_lock(conn, user).await?.role)
}

/// A new key's name.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewKey {
    /// What the key is for, like `CRM connector`: 1 to 100 characters on one line.
    name: String,
}

/// A key just made, with its secret: the only time it is shown.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedKey {
    id: String,
    name: String,
    /// The secret, `rdk_…`: send it as `Authorization: Bearer <key>`. Never shown again.
    key: String,
    created_at: DateTime<Utc>,
}

/// A key as listed: never its secret.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListedKey {
    id: String,
    name: String,
    created_at: DateTime<Utc>,
    /// The name of the person who made it.
    created_by: String,
    /// The person who made it has been deactivated since; the key still works until revoked.
    creator_deactivated: bool,
    last_used_at: Option<DateTime<Utc>>,
}

impl From<ApiKeyRecord> for ListedKey {
    fn from(record: ApiKeyRecord) -> Self {
        ListedKey {
            id: record.id,
            name: record.name,
            created_at: record.created_at,
            created_by: record.created_by,
            creator_deactivated: record.creator_deactivated,
            last_used_at: record.last_used_at,
        }
    }
}

fn may_manage(role: Role) -> Result<(), AppError> {
    if role.may_manage_api_keys() {
        Ok(())
    } else {
        Err(AppError::Forbidden(Explanation::new(
            "api-keys-partner-admins-only",
        )))
    }
}

/// Makes a key for the organisation. Partner admins only.
#[utoipa::path(post, path = "/api/v1/api-keys", tag = "api-keys", operation_id = "create_api_key",
    request_body = NewKey,
    responses(
        (status = 201, description = "The key, with its secret (shown this once)", body = CreatedKey),
        (status = 403, description = "Not a partner admin, or the anti-forgery token or origin is wrong"),
        (status = 422, description = "The name is missing or not one line of at most 100 characters")))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    body: JsonBody<NewKey>,
) -> Result<(StatusCode, Json<CreatedKey>), AppError> {
    may_manage(user.role)?;
    let name = domain::api_keys::parse_api_key_name(&body.value.name)
        .map_err(|error| AppError::Invalid(FieldErrors::from(error)))?;
    let id = uuid::Uuid::new_v4().to_string();
    let key = new_secret();
    let now = Utc::now();
    let mut transaction = state.pool.begin().await?;
    acting_as_manager(&mut transaction, &user).await?;
    db::api_keys::insert(
        &mut transaction,
        NewApiKey {
            id: &id,
            organisation_id: &user.organisation_id,
            name: &name,
            secret_hash: &hash_secret(&key),
            created_by: &user.id,
        },
        now,
    )
    .await?;
    transaction.commit().await?;
    tracing::info!(key_id = %id, "an API key was created");
    Ok((
        StatusCode::CREATED,
        Json(CreatedKey {
            id,
            name,
            key,
            // As stored: to the microsecond.
            created_at: db::read_time("created_at", &db::stored_time(now))?,
        }),
    ))
}

/// The organisation's keys in use (not revoked), oldest first. Partner admins only.
#[utoipa::path(get, path = "/api/v1/api-keys", tag = "api-keys", operation_id = "list_api_keys",
    responses(
        (status = 200, description = "The keys, without their secrets", body = [ListedKey]),
        (status = 403, description = "Not a partner admin")))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<ListedKey>>, AppError> {
    may_manage(user.role)?;
    let mut conn = state.pool.acquire().await?;
    let keys = db::api_keys::list_active(&mut conn, &user.organisation_id).await?;
    Ok(Json(keys.into_iter().map(ListedKey::from).collect()))
}

/// Revokes a key: from now on it is refused. Partner admins only.
#[utoipa::path(delete, path = "/api/v1/api-keys/{id}", tag = "api-keys", operation_id = "revoke_api_key",
    params(("id" = String, Path, description = "API key ID")),
    responses(
        (status = 204, description = "Revoked (or already revoked)"),
        (status = 403, description = "Not a partner admin, or the anti-forgery token or origin is wrong"),
        (status = 404, description = "No such key in the organisation")))]
pub async fn revoke(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiKeyId(id): ApiKeyId,
) -> Result<StatusCode, AppError> {
    may_manage(user.role)?;
    let mut transaction = state.pool.begin().await?;
    acting_as_manager(&mut transaction, &user).await?;
    if !db::api_keys::revoke(&mut transaction, &user.organisation_id, &id, Utc::now()).await? {
        return Err(AppError::ApiKeyNotFound);
    }
    transaction.commit().await?;
    tracing::info!(key_id = %id, "an API key was revoked");
    Ok(StatusCode::NO_CONTENT)
}
