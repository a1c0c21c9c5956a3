//! A partner admin's invitations: `POST /api/v1/invitations` invites a colleague by email
//! with a role (the invitation email is queued in the same transaction),
//! `DELETE /api/v1/invitations/{id}` revokes one whose link was not used yet.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use chrono::{SubsecRound, Utc};
use domain::people::{Invitation, parse_offered_person_name};
use domain::values::Email;
use domain::{Explanation, FieldError, FieldErrors, Role};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{self, CurrentUser};
use crate::db;
use crate::db::invitations::{InvitationRecord, NewInvitation};
use crate::error::AppError;
use crate::extract::{InvitationId, JsonBody};
use crate::mail::invitation::{InvitationContent, queue_invitation};
use crate::routes::people::{PendingInvitation, may_manage_people};
use crate::routes::users::acting_under_lock;

/// Whom to invite, with which role.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewInvitationForm {
    /// Their email address: the invitation is sent there, and they sign in with it.
    email: String,
    #[schema(value_type = domain::Role)]
    role: String,
    /// Their name, offered on the set-password page (they may change it); optional.
    #[serde(default)]
    name: Option<String>,
}

/// What a valid form says.
struct Invitee {
    email: String,
    role: Role,
    name: Option<String>,
}

impl NewInvitationForm {
    fn parse(&self) -> Result<Invitee, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = errors.collect(Email::parse("email", &self.email));
        let role = errors.collect(
            self.role
                .parse::<Role>()
                .map_err(|_| FieldError::coded("role", "error-role", &[])),
        );
        let name = errors.collect(parse_offered_person_name(
            "name",
            self.name.as_deref().unwrap_or_default(),
        ));
        errors.into_result(|| Invitee {
            email: email.map(|e| e.as_str().to_lowercase()).unwrap_or_default(),
            role: role.unwrap_or(Role::Viewer),
            name: name.flatten(),
        })
    }
}

/// Invites a colleague: the invitation email, with a link that works once for 7 days,
/// goes out with it. Partner admins only.
#[utoipa::path(post, path = "/api/v1/invitations", tag = "people", operation_id = "create_invitation",
    request_body = NewInvitationForm,
    responses(
        (status = 201, description = "Invited: the email is on its way", body = PendingInvitation),
        (status = 403, description = "Not a partner admin, or the anti-forgery token or origin is wrong"),
        (status = 409, description = "The address is a colleague's already (`email-has-account`), or has an open invitation of this organisation (`invitation-open`)"),
        (status = 422, description = "Not an email address, not a role, or a name that is not one line")))]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: CurrentUser,
    body: JsonBody<NewInvitationForm>,
) -> Result<(StatusCode, Json<PendingInvitation>), AppError> {
    may_manage_people(user.member())?;
    let invitee = body.value.parse().map_err(AppError::Invalid)?;
    // As stored: to the microsecond, so the answer says what a later read will.
    let now = Utc::now().trunc_subsecs(6);
    let life = Invitation::new(now);
    let token = auth::random_token();
    let id = uuid::Uuid::new_v4().to_string();
    let mut transaction = state.pool.begin().await?;
    // First: invitations and the accounts they make, of one organisation, queue here.
    let acting = acting_under_lock(&mut transaction, &user).await?;
    may_manage_people(acting.member())?;
    let conflict = |code: &str| {
        AppError::Conflict(Explanation::new(code).with("email", invitee.email.as_str()))
    };
    // A colleague's address is refused; one with an account elsewhere is invited like any
    // other, so that an admin cannot learn who has an account in another organisation (its
    // owner is told on accepting: `invitation_links::accept`).
    if db::users::email_in_organisation(&mut transaction, &user.organisation_id, &invitee.email)
        .await?
    {
        return Err(conflict("email-has-account"));
    }
    db::invitations::retire_expired(&mut transaction, &user.organisation_id, &invitee.email, now)
        .await?;
    let stored = db::invitations::insert_open(
        &mut transaction,
        NewInvitation {
            id: &id,
            organisation_id: &user.organisation_id,
            email: &invitee.email,
            name: invitee.name.as_deref(),
            role: invitee.role,
            token_hash: &auth::token_hash(&token),
            invited_by: &user.id,
        },
        life,
    )
    .await?;
    if !stored {
        return Err(conflict("invitation-open"));
    }
    queue_invitation(
        &mut transaction,
        &user.organisation_id,
        &InvitationContent {
            organisation: acting.organisation_name.clone(),
            inviter: acting.name.clone(),
            email: invitee.email.clone(),
            role: invitee.role,
            expires_at: life.expires_at,
            token,
        },
        crate::i18n::locale_of(&user, &headers),
        now,
    )
    .await?;
    transaction.commit().await?;
    tracing::info!(invitation_id = %id, "a colleague was invited");
    let record = InvitationRecord {
        id,
        organisation_id: acting.organisation_id,
        organisation_name: acting.organisation_name,
        email: invitee.email,
        name: invitee.name,
        role: invitee.role,
        invited_by: acting.name,
        life,
    };
    Ok((
        StatusCode::CREATED,
        Json(PendingInvitation::of(record, now)),
    ))
}

/// Revokes an invitation: its link stops working. Partner admins only.
#[utoipa::path(delete, path = "/api/v1/invitations/{id}", tag = "people", operation_id = "revoke_invitation",
    params(("id" = String, Path, description = "Invitation ID")),
    responses(
        (status = 204, description = "Revoked (or already revoked or expired)"),
        (status = 403, description = "Not a partner admin, or the anti-forgery token or origin is wrong"),
        (status = 404, description = "No such invitation in the organisation"),
        (status = 409, description = "The invitation was used already: deactivate the person instead (`invitation-used`)")))]
pub async fn revoke(
    State(state): State<AppState>,
    user: CurrentUser,
    InvitationId(id): InvitationId,
) -> Result<StatusCode, AppError> {
    may_manage_people(user.member())?;
    let mut transaction = state.pool.begin().await?;
    // Queued with accepts of the organisation's links: an invitation is either used or
    // revoked; and with role changes: a partner admin demoted meanwhile revokes nothing.
    may_manage_people(acting_under_lock(&mut transaction, &user).await?.member())?;
    let invitation =
        db::invitations::find_in_organisation(&mut transaction, &user.organisation_id, &id)
            .await?
            .ok_or(AppError::InvitationNotFound)?;
    if let Some(refusal) = invitation.life.revocation_refusal() {
        return Err(AppError::Conflict(refusal.explanation()));
    }
    db::invitations::revoke(&mut transaction, &user.organisation_id, &id, Utc::now()).await?;
    transaction.commit().await?;
    tracing::info!(invitation_id = %id, "an invitation was revoked");
    Ok(StatusCode::NO_CONTENT)
}
