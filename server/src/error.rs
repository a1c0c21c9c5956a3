//! The server's one error type, answered as RFC 9457 `application/problem+json`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::{FieldErrors, Referral};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("There is no API resource at this path.")]
    RouteNotFound,
    #[error("This API resource does not accept that method.")]
    MethodNotAllowed,
    #[error("Sign in to continue.")]
    Unauthenticated,
    #[error("The email address or password is incorrect.")]
    InvalidCredentials,
    #[error(
        "Send an API key as Authorization: Bearer <key>. A partner admin creates keys under Settings → API keys."
    )]
    ApiKeyMissing,
    #[error(
        "This API key is not valid or was revoked. Ask a partner admin for a current key (Settings → API keys)."
    )]
    ApiKeyRejected,
    #[error("There is no API key with this ID in your organisation.")]
    ApiKeyNotFound,
    #[error("Too many failed sign-ins from here. Try again in {}.", wait_in_words(*seconds))]
    TooManySignIns { seconds: i64 },
    #[error(
        "This request is missing its anti-forgery token (X-CSRF-Token). Reload the page and try again."
    )]
    CsrfMissing,
    #[error(
        "This request's anti-forgery token (X-CSRF-Token) is not this session's: it may come from an older tab or another site. Reload the page and try again."
    )]
    CsrfMismatch,
    #[error("Changes must come from Referral Desk's own pages; this request came from {0}.")]
    ForeignOrigin(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("There is no referral with this ID in your organisation.")]
    ReferralNotFound,
    #[error("There is no user with this ID in your organisation.")]
    UserNotFound,
    #[error("You have no notification with this ID.")]
    NotificationNotFound,
    #[error(
        "Send the referral's ETag in an If-Match header, so that a colleague's change is never overwritten unseen."
    )]
    PreconditionRequired,
    #[error(
        "This referral was changed by someone else since you loaded it. The current version is included."
    )]
    PreconditionFailed { current: Box<Referral> },
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("{0}")]
    Conflict(String),
    #[error(
        "This Idempotency-Key was already used for a different request. Use a new key for a new request."
    )]
    IdempotencyKeyReused,
    #[error("A request with this Idempotency-Key is still being processed. Retry in a moment.")]
    IdempotencyInProgress,
    #[error("Send the request body as JSON (Content-Type: application/json).")]
    UnsupportedMediaType,
    #[error("The request body is too large (at most {limit_kib} KiB).")]
    PayloadTooLarge { limit_kib: usize },
    #[error("The request body is not valid JSON for this action: {0}")]
    MalformedBody(String),
    #[error("{0}")]
    BadQuery(String),
    #[error(transparent)]
    Database(#[from] crate::db::DbError),
    #[error("internal error: {0}")]
    Internal(String),
}

/// An RFC 9457 problem document: every error answer of the API.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Problem<'a> {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    kind: &'a str,
    /// The status's reason phrase, e.g. `Unprocessable Entity`.
    title: &'a str,
    #[schema(minimum = 400, maximum = 599)]
    status: u16,
    /// What went wrong and what to do, for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    /// Per-field messages of a 422.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<FieldErrors>)]
    errors: Option<&'a FieldErrors>,
    /// The current representation, with a 412.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Referral>)]
    current: Option<&'a Referral>,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::RouteNotFound
            | AppError::ReferralNotFound
            | AppError::UserNotFound
            | AppError::NotificationNotFound
            | AppError::ApiKeyNotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Unauthenticated
            | AppError::InvalidCredentials
            | AppError::ApiKeyMissing
            | AppError::ApiKeyRejected => StatusCode::UNAUTHORIZED,
            AppError::TooManySignIns { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::CsrfMissing
            | AppError::CsrfMismatch
            | AppError::ForeignOrigin(_)
            | AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            AppError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            AppError::Invalid(_) | AppError::IdempotencyKeyReused => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::Conflict(_) | AppError::IdempotencyInProgress => StatusCode::CONFLICT,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::MalformedBody(_) | AppError::BadQuery(_) => StatusCode::BAD_REQUEST,
            AppError::Database(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        // Internals are logged, never sent: a 5xx body says only that it failed.
        let detail = if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
            Some("Something went wrong on our side. Try again; if it keeps failing, quote the x-request-id header.".to_owned())
        } else {
            Some(self.to_string())
        };
        let problem = Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail,
            errors: match &self {
                AppError::Invalid(errors) => Some(errors),
                _ => None,
            },
            current: match &self {
                AppError::PreconditionFailed { current } => Some(current),
                _ => None,
            },
        };
        let mut response = (status, Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let AppError::PreconditionFailed { current } = &self
            && let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", current.e_tag))
        {
            headers.insert(header::ETAG, etag);
        }
        if let AppError::ApiKeyMissing | AppError::ApiKeyRejected = &self {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let AppError::TooManySignIns { seconds } = &self {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(*seconds));
        }
        // The first request with this key may still commit: a client that queued the
        // action (offline outbox) tells this apart from a refusal and sends it again.
        if let AppError::IdempotencyInProgress = &self {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(1));
        }
        response
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::Database(crate::db::DbError::from(error))
    }
}

/// A wait in words: "45 seconds", "1 minute", "12 minutes".
fn wait_in_words(seconds: i64) -> String {
    match seconds {
        ..=1 => "1 second".to_owned(),
        2..=59 => format!("{seconds} seconds"),
        60..=119 => "1 minute".to_owned(),
        _ => format!("{} minutes", (seconds + 59) / 60),
    }
}
