//! The link of an invitation email, for the invited person (no session): `GET
//! /api/v1/invitation-links/{token}` says who invites whom to which organisation, and
//! `POST /api/v1/invitation-links/{token}/accept` sets their password, makes the account
//! and signs them in. (Under their own path: an invitation's `{id}` and a link's `{token}`
//! cannot share `/api/v1/invitations/…`.)

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use domain::people::{NewPassword, parse_person_name};
use domain::{FieldErrors, Role};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::auth;
use crate::db;
use crate::db::invitations::InvitationRecord;
use crate::db::users::NewUser;
use crate::error::AppError;
use crate::extract::JsonBody;
use crate::routes::me::Me;

/// What an invitation link offers.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationLink {
    /// The organisation the person is invited to.
    organisation: String,
    /// The address invited: they sign in with it.
    email: String,
    /// The name the inviter gave, if any (a suggestion for the form).
    name: Option<String>,
    role: Role,
    /// Who invited them, by name.
    invited_by: String,
    expires_at: DateTime<Utc>,
}

/// The invited person's name and new password.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Acceptance {
    /// Their name as colleagues will see it.
    name: String,
    /// At least 12 characters.
    password: String,
}

/// Whether `token` has the form of a link's token (32 bytes, base64url), before any lookup.
fn looks_like_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The invitation the link names, if it may still make an account at `now`.
async fn open_invitation(
    conn: &mut sqlx::AnyConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<InvitationRecord, AppError> {
    if !looks_like_token(token) {
        return Err(AppError::InvitationLinkUnknown);
    }
    let invitation = db::invitations::find_by_token_hash(conn, &auth::token_hash(token))
        .await?
        .ok_or(AppError::InvitationLinkUnknown)?;
    match invitation.life.acceptance_refusal(now) {
        Some(refusal) => Err(AppError::Gone(refusal.explanation())),
        None => Ok(invitation),
    }
}

/// Who invites whom, to which organisation and role. No session needed: the link is the key.
#[utoipa::path(get, path = "/api/v1/invitation-links/{token}", tag = "people", operation_id = "show_invitation_link",
    params(("token" = String, Path, description = "The token of the invitation email's link")),
    security(()),
    responses(
        (status = 200, description = "The invitation, open", body = InvitationLink),
        (status = 404, description = "No invitation has this link (`invitation-link-unknown`)"),
        (status = 410, description = "The invitation expired (`invitation-expired`), was used (`invitation-used`) or revoked (`invitation-revoked`)")))]
pub async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<InvitationLink>, AppError> {
    let mut conn = state.pool.acquire().await?;
    let invitation = open_invitation(&mut conn, &token, Utc::now()).await?;
    Ok(Json(InvitationLink {
        organisation: invitation.organisation_name,
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        invited_by: invitation.invited_by,
        expires_at: invitation.life.expires_at,
    }))
}

/// Accepts the invitation: makes the account with the invited role and this password,
/// uses the link up, and signs the person in (the session cookie, as sign-in sets it).
#[utoipa::path(post, path = "/api/v1/invitation-links/{token}/accept", tag = "people", operation_id = "accept_invitation",
    params(("token" = String, Path, description = "The token of the invitation email's link")),
    request_body = Acceptance,
    security(()),
    responses(
        (status = 201, description = "The account is made and signed in", body = Me, headers(
            ("Set-Cookie" = String, description = "The session cookie `rd_session` (HttpOnly, SameSite=Strict)"))),
        (status = 404, description = "No invitation has this link (`invitation-link-unknown`)"),
        (status = 409, description = "The address has an account already (`email-has-account`)"),
        (status = 410, description = "The invitation expired, was used or revoked"),
        (status = 422, description = "The name is missing or not one line, or the password is shorter than 12 characters")))]
pub async fn accept(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    body: JsonBody<Acceptance>,
) -> Result<Response, AppError> {
    let invitation = {
        let mut conn = state.pool.acquire().await?;
        open_invitation(&mut conn, &token, Utc::now()).await?
    };
    let mut errors = FieldErrors::new();
    let name = errors.collect(parse_person_name("name", &body.value.name));
    let password = errors.collect(NewPassword::parse("password", &body.value.password));
    let (Some(name), Some(password)) = (name, password) else {
        return Err(AppError::Invalid(errors));
    };
    // Hashed before the transaction: argon2's deliberate slowness holds no lock.
    let password_hash = auth::hash_password_off_thread(password.as_str()).await?;
    let now = Utc::now();
    let mut transaction = state.pool.begin().await?;
    // Queued with revocations and other accepts of the organisation's invitations.
    db::organisations::lock(&mut transaction, &invitation.organisation_id).await?;
    // The guard against a second accept (a double click, two tabs): only one changes the row.
    if !db::invitations::accept(&mut transaction, &invitation.id, now).await? {
        let now_stored = db::invitations::find_in_organisation(
            &mut transaction,
            &invitation.organisation_id,
            &invitation.id,
        )
        .await?
        .ok_or(AppError::InvitationLinkUnknown)?;
        let refusal = now_stored
            .life
            .acceptance_refusal(now)
            .unwrap_or(domain::people::InvitationRefusal::Used);
        return Err(AppError::Gone(refusal.explanation()));
    }
    let user_id = format!("user-{}", uuid::Uuid::new_v4().simple());
    let made = db::users::insert_new(
        &mut transaction,
        NewUser {
            id: &user_id,
            organisation_id: &invitation.organisation_id,
            email: &invitation.email,
            name: &name,
            role: invitation.role,
            password_hash: &password_hash,
        },
        now,
    )
    .await?;
    if !made {
        // The address has an account: made in another organisation (invitations do not
        // tell an admin so: `invitations::create`), or by another organisation's invitation
        // accepted first. Its owner, who holds the link, is told.
        return Err(AppError::Conflict(
            domain::Explanation::new("email-has-account").with("email", invitation.email.as_str()),
        ));
    }
    let user =
        db::users::find_in_organisation(&mut transaction, &invitation.organisation_id, &user_id)
            .await?
            .ok_or_else(|| AppError::Internal("the new account is not readable".to_owned()))?;
    let (session_token, user) = auth::start_session(&mut transaction, user, now).await?;
    transaction.commit().await?;
    tracing::info!(invitation_id = %invitation.id, user_id = %user.id, "an invitation was accepted");
    let secure = auth::is_https(&headers, state.secure_cookies);
    Ok((
        StatusCode::CREATED,
        auth::session_cookies(&session_token, secure),
        Json(Me::of(&user)),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::looks_like_token;

    #[test]
    fn only_what_could_be_a_token_is_looked_up() {
        assert!(looks_like_token(&crate::auth::random_token()));
        assert!(!looks_like_token("short"));
        assert!(!looks_like_token(&"a".repeat(44)));
        assert!(!looks_like_token(&format!("{}/", "a".repeat(42))));
    }
}
