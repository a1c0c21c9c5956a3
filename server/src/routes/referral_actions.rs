//! The lifecycle actions: accept, decline, edit, add team member, won, lost.
//!
//! Every action runs the same pipeline: idempotency (a replayed request answers
//! as the first did) → one transaction: the organisation's next change number →
//! the referral of the user's organisation → `If-Match` → role → the domain's own
//! check, validation and transition → a versioned write and the stored response.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use domain::Explanation;
use domain::lifecycle::{self, ActionRequest, LifecycleError};
use domain::{
    AcceptForm, Actor, DeclineForm, EditForm, LostForm, NewTeamMember, ReasonForm, Referral,
    WonForm,
};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::{self, DbError, idempotency};
use crate::error::AppError;
use crate::extract::{JsonBody, ReferralId, if_match};
use crate::faults::Fault;
use crate::routes::referrals::{referral_response, seen_by};
use crate::routes::users::acting_now;

/// Accepts an Inbox referral: it moves to Accepted.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/accept", tag = "actions",
    params(("id" = String, Path, description = "Referral ID"), ActionHeaders),
    request_body = AcceptForm, responses(ActionResponses))]
pub async fn accept(
    state: State<AppState>,
    user: CurrentUser,
    id: ReferralId,
    headers: HeaderMap,
    body: JsonBody<AcceptForm>,
) -> Result<Response, AppError> {
    run(
        state,
        user,
        id,
        headers,
        body.raw,
        ActionRequest::Accept(body.value),
    )
    .await
}

/// Declines an Inbox referral with a reason: it is archived as Declined.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/decline", tag = "actions",
    params(("id" = String, Path, description = "Referral ID"), ActionHeaders),
    request_body = ReasonForm, responses(ActionResponses))]
pub async fn decline(
    state: State<AppState>,
    user: CurrentUser,
    id: ReferralId,
    headers: HeaderMap,
    body: JsonBody<DeclineForm>,
) -> Result<Response, AppError> {
    run(
        state,
        user,
        id,
        headers,
        body.raw,
        ActionRequest::Decline(body.value),
    )
    .await
}

/// Edits an accepted referral's deal.
#[utoipa::path(patch, path = "/api/v1/referrals/{id}", tag = "actions",
    params(("id" = String, Path, description = "Referral ID"), ActionHeaders),
    request_body = EditForm, responses(ActionResponses))]
pub async fn edit(
    state: State<AppState>,
    user: CurrentUser,
    id: ReferralId,
    headers: HeaderMap,
    body: JsonBody<EditForm>,
) -> Result<Response, AppError> {
    run(
        state,
        user,
        id,
        headers,
        body.raw,
        ActionRequest::Edit(body.value),
    )
    .await
}

/// Adds an employee to an accepted referral's team.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/team", tag = "actions",
    params(("id" = String, Path, description = "Referral ID"), ActionHeaders),
    request_body = NewTeamMember, responses(ActionResponses))]
pub async fn add_team_member(
    state: State<AppState>,
    user: CurrentUser,
    id: ReferralId,
    headers: HeaderMap,
    body: JsonBody<NewTeamMember>,
) -> Result<Response, AppError> {
    run(
        state,
        user,
        id,
        headers,
        body.raw,
        ActionRequest::AddTeamMember(body.value),
    )
    .await
}

/// Marks an accepted referral as won (with a deal registration when eligible).
#[utoipa::path(post, path = "/api/v1/referrals/{id}/won", tag = "actions",
    params(("id" = String, Path, description = "Referral ID"), ActionHeaders),
    request_body = WonForm, responses(ActionResponses))]
pub async fn won(
    state: State<AppState>,
    user: CurrentUser,
    id: ReferralId,
    headers: HeaderMap,
    body: JsonBody<WonForm>,
) -> Result<Response, AppError> {
    run(
        state,
        user,
        id,
        headers,
        body.raw,
        ActionRequest::Won(body.value),
    )
    .await
}

/// Marks an accepted referral as lost, with a reason.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/lost", tag = "actions",
    params(("id" = String, Path, description = "Referral ID"), ActionHeaders),
    request_body = ReasonForm, responses(ActionResponses))]
pub async fn lost(
    state: State<AppState>,
    user: CurrentUser,
    id: ReferralId,
    headers: HeaderMap,
    body: JsonBody<LostForm>,
) -> Result<Response, AppError> {
    run(
        state,
        user,
        id,
        headers,
        body.raw,
        ActionRequest::Lost(body.value),
    )
    .await
}

/// The request headers of every action.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)] // Documentation only: the headers are read by `if_match` and `idempotency_key`.
struct ActionHeaders {
    /// The referral's `ETag` as last seen (`"<eTag>"`): the action applies only to that version.
    #[param(rename = "If-Match", min_length = 1)]
    if_match: String,
    /// One key per intended action (e.g. a UUID), 1 to 255 visible characters: a retry with
    /// the same key and body answers as the first request did, without acting twice.
    #[param(rename = "Idempotency-Key", required = false, value_type = String, min_length = 1, max_length = 255, pattern = "^[!-~]+$")]
    idempotency_key: Option<String>,
}

/// What every action can answer beyond the errors all operations share.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code, clippy::large_enum_variant)] // Documentation only: never built.
enum ActionResponses {
    /// The referral after the action (a replay of a stored answer carries `Idempotent-Replayed: true`).
    #[response(status = 200, headers(
        ("ETag" = String, description = "The referral's new version"),
        ("Idempotent-Replayed" = String, description = "`true` when this is the stored answer to an earlier request with the same Idempotency-Key")))]
    Done(Referral),
    /// The body is not valid JSON for this action, or the Idempotency-Key is malformed.
    #[response(status = 400)]
    Malformed,
    /// The referral's state does not allow this action, or a request with the same
    /// Idempotency-Key is still running.
    #[response(status = 409)]
    Conflict,
    /// The referral changed since the `If-Match` version: the problem's `current` is the referral as it is now.
    #[response(status = 412, headers(("ETag" = String, description = "The current version")))]
    Stale,
    /// Fields are missing or invalid (`errors` names each), or the Idempotency-Key was used for another request.
    #[response(status = 422)]
    Invalid,
    /// `If-Match` is missing.
    #[response(status = 428)]
    PreconditionRequired,
}

/// Whether an action's refusal is stored as the answer to its Idempotency-Key. Not our
/// own failures (the client's retry may run), not a stale version (its body is the
/// referral as it was, and a replay after the lead expired must not hand out its
/// contacts), and not an actor found deactivated while the request waited: once they are
/// active again and sign in, the same change sent again must run, not end their session.
fn is_remembered(error: &AppError) -> bool {
    !error.status().is_server_error()
        && !matches!(
            error,
            AppError::PreconditionFailed { .. } | AppError::Unauthenticated
        )
}

async fn run(
    State(state): State<AppState>,
    user: CurrentUser,
    ReferralId(id): ReferralId,
    headers: HeaderMap,
    raw: Bytes,
    request: ActionRequest,
) -> Result<Response, AppError> {
    // A client that goes away (a dropped connection, a send the app gave up waiting for)
    // drops this handler. Cut off between claiming its key and recording the outcome, the
    // claim would answer "in progress" to every retry until its lease ran out; so the
    // action runs to its end on a task of its own, whoever still waits for the answer.
    let action = tokio::spawn(run_to_the_end(state, user, id, headers, raw, request));
    match action.await {
        Ok(answer) => answer,
        Err(failure) => std::panic::resume_unwind(failure.into_panic()),
    }
}

async fn run_to_the_end(
    state: AppState,
    user: CurrentUser,
    id: String,
    headers: HeaderMap,
    raw: Bytes,
    request: ActionRequest,
) -> Result<Response, AppError> {
    let action = request.action();
    // Checked before the key is claimed: a request without If-Match is malformed, not an
    // answer to remember, so its retry with the header and the same key runs.
    let expected = if_match(&headers)?;
    let key = idempotency_key(&headers)?;
    // Taken before any connection, and held from the claim to the stored outcome.
    let _turn = state.writes.take().await;
    let Some(key) = key else {
        return apply(&state, &user, &id, &expected, &request, None)
            .await
            .map_err(ActionFailure::into_error);
    };
    // The fingerprint covers what the request asks for, so a reused key with another body is caught.
    let fingerprint = hex::encode(
        Sha256::new()
            .chain_update(action.as_str())
            .chain_update(&id)
            .chain_update(&raw)
            .finalize(),
    );
    let claim = {
        let mut conn = state.pool.acquire().await?;
        idempotency::claim(
            &mut conn,
            &user.id,
            &key,
            &fingerprint,
            Utc::now(),
            state.idempotency_lease,
        )
        .await?
    };
    match claim {
        idempotency::Claim::Completed(stored) => Ok(replay(stored)),
        idempotency::Claim::InProgress => Err(AppError::IdempotencyInProgress),
        idempotency::Claim::Mismatch => Err(AppError::IdempotencyKeyReused),
        idempotency::Claim::Claimed(lease) => {
            match apply(&state, &user, &id, &expected, &request, Some(&lease)).await {
                Ok(response) => Ok(response),
                Err(ActionFailure::Uncommitted(error)) if !is_remembered(&error) => {
                    // Nothing was written: forget the claim, so a retry runs afresh.
                    let mut conn = state.pool.acquire().await?;
                    idempotency::release(&mut conn, &lease).await?;
                    Err(error)
                }
                Err(ActionFailure::Uncommitted(error)) => {
                    // A refusal (4xx) is the request's answer: a replay gets it again.
                    let (response, stored) = remember(error.into_response()).await?;
                    let mut conn = state.pool.acquire().await?;
                    if idempotency::complete(&mut conn, &lease, &stored).await? {
                        Ok(response)
                    } else {
                        Err(AppError::IdempotencyInProgress)
                    }
                }
                // Perhaps committed: the key stays claimed until its lease runs out, then a
                // retry takes it over and finds either the stored answer or nothing done.
                Err(ActionFailure::Unknown(error)) => Err(error),
            }
        }
    }
}

/// Why an action answered with an error, and whether its write can have committed.
enum ActionFailure {
    /// Nothing was written.
    Uncommitted(AppError),
    /// The commit itself failed: the write may or may not have landed.
    Unknown(AppError),
}

impl ActionFailure {
    fn into_error(self) -> AppError {
        match self {
            ActionFailure::Uncommitted(error) | ActionFailure::Unknown(error) => error,
        }
    }
}

impl From<AppError> for ActionFailure {
    fn from(error: AppError) -> Self {
        ActionFailure::Uncommitted(error)
    }
}

impl From<DbError> for ActionFailure {
    fn from(error: DbError) -> Self {
        ActionFailure::Uncommitted(error.into())
    }
}

impl From<sqlx::Error> for ActionFailure {
    fn from(error: sqlx::Error) -> Self {
        ActionFailure::Uncommitted(error.into())
    }
}

/// Runs the action in one transaction: the organisation's next change number (which
/// queues writers of the organisation), the checks on the referral as it is now, the
/// versioned write and the idempotent response all commit together or not at all.
async fn apply(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    expected: &[String],
    request: &ActionRequest,
    lease: Option<&idempotency::Lease>,
) -> Result<Response, ActionFailure> {
    let now = Utc::now();
    let mut transaction = state.pool.begin().await?;
    let change = db::feed::next_change(&mut transaction, &user.organisation_id).await?;
    // The actor as they are now: a partner admin's change of their role, or their
    // deactivation, committed while this request waited for its turn, holds.
    let acting = acting_now(&mut transaction, user).await?;
    let current = db::referrals::find(&mut transaction, &user.organisation_id, id)
        .await?
        .ok_or(AppError::ReferralNotFound)?;
    let version = db::referrals::version_of(&current)?;
    if !expected.contains(&current.e_tag) {
        return Err(AppError::PreconditionFailed {
            current: Box::new(seen_by(&mut transaction, user, current).await?),
        }
        .into());
    }
    if let Some(refusal) = acting.member().refusal(&current) {
        return Err(AppError::Forbidden(refusal.explanation()).into());
    }
    lifecycle::check(&current, request.action(), now).map_err(lifecycle_error)?;
    let actor = Actor::User {
        id: user.id.clone(),
        name: user.name.clone(),
    };
    let next = request
        .apply(&current, &actor, now, &state.rates)
        .map_err(lifecycle_error)?;
    let stored = db::referrals::update(
        &mut transaction,
        &user.organisation_id,
        &next,
        version,
        change,
    )
    .await?
    // The organisation's change number is taken first, so nobody can write in between.
    .ok_or_else(|| AppError::Internal(format!("referral {id} changed under its lock")))?;
    // "Still waiting" and "expires soon" are over for everyone once the lead is answered.
    let settled = domain::notification_centre::settled_reminders(&stored);
    db::notifications::settle(
        &mut transaction,
        &user.organisation_id,
        &stored.id,
        settled,
        now,
    )
    .await?;
    let seen = seen_by(&mut transaction, user, stored).await?;
    let (response, stored_response) = remember(referral_response(StatusCode::OK, &seen)).await?;
    if let Some(lease) = lease
        && !idempotency::complete(&mut transaction, lease, &stored_response).await?
    {
        // A retry took the key over after our lease ran out; its outcome stands.
        return Err(AppError::IdempotencyInProgress.into());
    }
    state.faults.trip(Fault::BeforeCommit);
    transaction
        .commit()
        .await
        .map_err(|error| ActionFailure::Unknown(DbError::from(error).into()))?;
    state.faults.trip(Fault::AfterCommit);
    state.live.changed(&user.organisation_id, change);
    Ok(response)
}

fn lifecycle_error(error: LifecycleError) -> AppError {
    match error {
        LifecycleError::Invalid { errors } => AppError::Invalid(errors),
        LifecycleError::IllegalTransition(illegal) => AppError::Conflict(illegal.explanation()),
    }
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, AppError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    // Exactly the rule the OpenAPI document states (`^[!-~]{1,255}$`), so no key is taken
    // for another after trimming.
    let key = value.to_str().unwrap_or_default();
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(AppError::BadQuery(Explanation::new(
            "idempotency-key-format",
        )));
    }
    Ok(Some(key.to_owned()))
}

/// Reads a response's body, giving the response to send and the record to replay later.
async fn remember(response: Response) -> Result<(Response, idempotency::StoredResponse), AppError> {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let stored = idempotency::StoredResponse {
        status: parts.status.as_u16(),
        etag: parts
            .headers
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    Ok((
        Response::from_parts(parts, axum::body::Body::from(bytes)),
        stored,
    ))
}

fn replay(stored: idempotency::StoredResponse) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK);
    let content_type = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    let mut response =
        (status, [(header::CONTENT_TYPE, content_type)], stored.body).into_response();
    let headers = response.headers_mut();
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    if let Some(etag) = stored.etag.and_then(|e| HeaderValue::from_str(&e).ok()) {
        headers.insert(header::ETAG, etag);
    }
    response
}
