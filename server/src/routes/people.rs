//! `GET /api/v1/people`: a partner admin's view of the organisation's people, active and
//! deactivated, and the invitations nobody has used yet.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use domain::Role;
use domain::people::InvitationState;
use serde::Serialize;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::db::invitations::InvitationRecord;
use crate::db::users::UserRecord;
use crate::error::AppError;

/// The organisation's people and pending invitations.
#[derive(Serialize, utoipa::ToSchema)]
pub struct People {
    /// Everyone with an account, by name.
    people: Vec<Person>,
    /// Invitations not yet used nor revoked (including expired ones), oldest first.
    invitations: Vec<PendingInvitation>,
}

/// A person of the organisation as the people screen shows them.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    id: String,
    name: String,
    email: String,
    role: Role,
    /// `false` once deactivated: they cannot sign in.
    active: bool,
    deactivated_at: Option<DateTime<Utc>>,
    last_signed_in_at: Option<DateTime<Utc>>,
    /// Whether this is the signed-in partner admin themselves.
    you: bool,
}

impl Person {
    pub fn of(record: UserRecord, viewer: &CurrentUser) -> Person {
        Person {
            active: record.is_active(),
            you: record.id == viewer.id,
            id: record.id,
            name: record.name,
            email: record.email,
            role: record.role,
            deactivated_at: record.deactivated_at,
            last_signed_in_at: record.last_signed_in_at,
        }
    }
}

/// An invitation nobody has used or revoked.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PendingInvitation {
    id: String,
    email: String,
    /// The name the inviter gave, if any.
    name: Option<String>,
    role: Role,
    /// The inviter's name.
    invited_by: String,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    /// Its link no longer works: inviting the address again sends a new one.
    expired: bool,
}

impl PendingInvitation {
    pub fn of(record: InvitationRecord, now: DateTime<Utc>) -> PendingInvitation {
        PendingInvitation {
            expired: record.life.state(now) == InvitationState::Expired,
            id: record.id,
            email: record.email,
            name: record.name,
            role: record.role,
            invited_by: record.invited_by,
            created_at: record.life.created_at,
            expires_at: record.life.expires_at,
        }
    }
}

/// Refuses anyone who may not manage the organisation's people.
pub(super) fn may_manage_people(member: domain::Member<'_>) -> Result<(), AppError> {
    match member.people_refusal() {
        Some(refusal) => Err(AppError::Forbidden(refusal.explanation())),
        None => Ok(()),
    }
}

/// The organisation's people and pending invitations. Partner admins only.
#[utoipa::path(get, path = "/api/v1/people", tag = "people", operation_id = "list_people",
    responses(
        (status = 200, description = "Everyone with an account, active or deactivated, and the pending invitations", body = People),
        (status = 403, description = "Not a partner admin")))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<People>, AppError> {
    may_manage_people(user.member())?;
    let now = Utc::now();
    let mut conn = state.pool.acquire().await?;
    let people = db::users::list_for_organisation(&mut conn, &user.organisation_id).await?;
    let invitations = db::invitations::list_pending(&mut conn, &user.organisation_id).await?;
    Ok(Json(People {
        people: people
            .into_iter()
            .map(|person| Person::of(person, &user))
            .collect(),
        invitations: invitations
            .into_iter()
            .map(|invitation| PendingInvitation::of(invitation, now))
            .collect(),
    }))
}
