//! The people of the signed-in user's organisation: `GET /api/v1/users` for the team
//! pickers of Accept and Edit (active people only), `PATCH /api/v1/users/{id}` for a
//! partner admin to give a colleague another role.

use axum::Json;
use axum::extract::State;
use domain::{FieldError, FieldErrors, Member, Role, UnknownValue};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::db::users::UserRecord;
use crate::error::AppError;
use crate::extract::{JsonBody, UserId};

/// A colleague as the team pickers show them.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Colleague {
    id: String,
    name: String,
    email: String,
    #[schema(value_type = domain::Role)]
    role: String,
    role_label: String,
}

/// The organisation's active users, by name; never another organisation's, nor anyone
/// deactivated.
#[utoipa::path(get, path = "/api/v1/users", tag = "session", operation_id = "list_users",
    responses((status = 200, description = "The organisation's active users, by name", body = [Colleague])))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<Colleague>>, AppError> {
    let colleagues = db::users::list_active_for_organisation(&state.pool, &user.organisation_id)
        .await?
        .into_iter()
        .map(Colleague::from)
        .collect();
    Ok(Json(colleagues))
}

impl From<UserRecord> for Colleague {
    fn from(record: UserRecord) -> Self {
        Colleague {
            id: record.id,
            name: record.name,
            email: record.email,
            role: record.role.as_str().to_owned(),
            role_label: record.role.label().to_owned(),
        }
    }
}

/// A colleague's new role.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct RoleChange {
    #[schema(value_type = domain::Role)]
    role: String,
}

/// Gives a colleague another role, from their next request on. Partner admins only,
/// and never their own role.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "session", operation_id = "change_user_role",
    params(("id" = String, Path, description = "User ID")),
    request_body = RoleChange,
    responses(
        (status = 200, description = "The colleague with their new role", body = Colleague),
        (status = 403, description = "Not a partner admin, the admin's own role, or the anti-forgery token or origin is wrong"),
        (status = 404, description = "No such user in the organisation"),
        (status = 409, description = "The organisation would be left without a partner admin"),
        (status = 422, description = "Not a role")))]
pub async fn change_role(
    State(state): State<AppState>,
    user: CurrentUser,
    UserId(id): UserId,
    body: JsonBody<RoleChange>,
) -> Result<Json<Colleague>, AppError> {
    let role: Role = body.value.role.parse().map_err(|error: UnknownValue| {
        AppError::Invalid(FieldErrors(vec![FieldError::new(
            "role",
            error.to_string(),
        )]))
    })?;
    let mut transaction = state.pool.begin().await?;
    // Taken first: role changes of one organisation queue here, so two partner admins
    // demoting each other at once cannot both pass the check below.
    let change = db::feed::next_change(&mut transaction, &user.organisation_id).await?;
    let acting = acting_now(&mut transaction, &user).await?;
    let colleague = db::users::find_in_organisation(&mut transaction, &user.organisation_id, &id)
        .await?
        .ok_or(AppError::UserNotFound)?;
    let member = Member {
        role: acting.role,
        email: &acting.email,
    };
    if let Some(refusal) = member.role_change_refusal(&colleague.email) {
        return Err(AppError::Forbidden(refusal.explanation()));
    }
    db::users::set_role(&mut transaction, &user.organisation_id, &id, role, change).await?;
    keeps_a_partner_admin(&mut transaction, &user.organisation_id).await?;
    transaction.commit().await?;
    state.live.changed(&user.organisation_id, change);
    Ok(Json(Colleague::from(UserRecord { role, ..colleague })))
}

/// The acting person as they are now, inside the change's transaction (a concurrent
/// change may have given them another role or deactivated them since the request began).
pub(super) async fn acting_now(
    conn: &mut sqlx::AnyConnection,
    user: &CurrentUser,
) -> Result<UserRecord, AppError> {
    db::users::find_in_organisation(conn, &user.organisation_id, &user.id)
        .await?
        .filter(UserRecord::is_active)
        .ok_or(AppError::Unauthenticated)
}

/// The acting person as they are now, with the organisation's writers queued behind this
/// transaction (`organisations::lock`, taken here first): a role change or a deactivation
/// committed while the request waited holds for what the transaction goes on to check.
pub(super) async fn acting_under_lock(
    conn: &mut sqlx::AnyConnection,
    user: &CurrentUser,
) -> Result<UserRecord, AppError> {
    db::organisations::lock(conn, &user.organisation_id).await?;
    acting_now(conn, user).await
}

/// Checked after a change, inside its transaction (which holds the organisation's change
/// lock): no interleaving can leave the organisation without anyone who can manage it.
pub(super) async fn keeps_a_partner_admin(
    conn: &mut sqlx::AnyConnection,
    organisation_id: &str,
) -> Result<(), AppError> {
    let admins =
        db::users::count_active_with_role(conn, organisation_id, Role::PartnerAdmin).await?;
    domain::people::keeps_a_partner_admin(admins).map_err(AppError::Conflict)
}
