//! A partner admin deactivates a colleague who left (`POST /api/v1/users/{id}/deactivate`):
//! their sessions end in the same transaction, so their next request is refused, and they
//! can no longer sign in. `POST /api/v1/users/{id}/reactivate` lets them sign in again.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::db::users::UserRecord;
use crate::error::AppError;
use crate::extract::UserId;
use crate::routes::people::Person;
use crate::routes::users::{acting_now, keeps_a_partner_admin};

/// Deactivates a colleague at once. Partner admins only, never themselves, and never the
/// organisation's last active partner admin.
#[utoipa::path(post, path = "/api/v1/users/{id}/deactivate", tag = "people", operation_id = "deactivate_user",
    params(("id" = String, Path, description = "User ID")),
    responses(
        (status = 200, description = "Deactivated (or already): signed out everywhere, and cannot sign in", body = Person),
        (status = 403, description = "Not a partner admin, the admin themselves, or the anti-forgery token or origin is wrong"),
        (status = 404, description = "No such user in the organisation"),
        (status = 409, description = "The organisation would be left without an active partner admin")))]
pub async fn deactivate(
    State(state): State<AppState>,
    user: CurrentUser,
    UserId(id): UserId,
) -> Result<Json<Person>, AppError> {
    set_active(&state, &user, &id, Some(Utc::now())).await
}

/// Lets a deactivated colleague sign in again (with their old password). Partner admins only.
#[utoipa::path(post, path = "/api/v1/users/{id}/reactivate", tag = "people", operation_id = "reactivate_user",
    params(("id" = String, Path, description = "User ID")),
    responses(
        (status = 200, description = "Active again (or still)", body = Person),
        (status = 403, description = "Not a partner admin, the admin themselves, or the anti-forgery token or origin is wrong"),
        (status = 404, description = "No such user in the organisation")))]
pub async fn reactivate(
    State(state): State<AppState>,
    user: CurrentUser,
    UserId(id): UserId,
) -> Result<Json<Person>, AppError> {
    set_active(&state, &user, &id, None).await
}

/// Deactivates (`Some(now)`) or reactivates (`None`) the colleague `id`.
async fn set_active(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    deactivated_at: Option<DateTime<Utc>>,
) -> Result<Json<Person>, AppError> {
    let mut transaction = state.pool.begin().await?;
    // Taken first: changes to the organisation's people queue here, so two partner admins
    // deactivating each other at once cannot both pass the checks below. It also moves the
    // feed, so the person's open app asks again at once and finds its session gone.
    let change = db::feed::next_change(&mut transaction, &user.organisation_id).await?;
    let acting = acting_now(&mut transaction, user).await?;
    let colleague = db::users::find_in_organisation(&mut transaction, &user.organisation_id, id)
        .await?
        .ok_or(AppError::UserNotFound)?;
    let member = domain::Member {
        role: acting.role,
        email: &acting.email,
    };
    if let Some(refusal) = member.deactivation_refusal(&colleague.email) {
        return Err(AppError::Forbidden(refusal.explanation()));
    }
    // Already so: nothing changes (a deactivation keeps its first instant).
    if colleague.is_active() == deactivated_at.is_none() {
        transaction.commit().await?;
        return Ok(Json(Person::of(colleague, user)));
    }
    db::users::set_deactivated(
        &mut transaction,
        &user.organisation_id,
        id,
        deactivated_at,
        change,
    )
    .await?;
    if let Some(at) = deactivated_at {
        let ended = db::sessions::delete_for_user(&mut transaction, id, None).await?;
        let revoked =
            db::invitations::revoke_sent_by(&mut transaction, &user.organisation_id, id, at)
                .await?;
        tracing::info!(user_id = %id, sessions = ended, invitations = revoked, "a person was deactivated");
        keeps_a_partner_admin(&mut transaction, &user.organisation_id).await?;
    } else {
        tracing::info!(user_id = %id, "a person was reactivated");
    }
    transaction.commit().await?;
    state.live.changed(&user.organisation_id, change);
    Ok(Json(Person::of(
        UserRecord {
            deactivated_at: deactivated_at
                .map(|at| db::read_time("deactivated_at", &db::stored_time(at)))
                .transpose()?,
            ..colleague
        },
        user,
    )))
}
