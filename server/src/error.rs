//! The server's one error type, answered as RFC 9457 `application/problem+json`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

use domain::problem::{self, Explanation, Param};
use domain::{FieldErrors, Referral, StoredBusinessProfile};
use serde::Serialize;

/// Every refusal of the API. Each has a stable code (its message `problem-<code>` in
/// `locales/*/errors.ftl`, which also gives the English `detail`).
#[derive(Debug)]
pub enum AppError {
    RouteNotFound,
    MethodNotAllowed,
    Unauthenticated,
    InvalidCredentials,
    /// An ingestion request without `Authorization: Bearer <key>`.
    ApiKeyMissing,
    /// An API key that is wrong or revoked.
    ApiKeyRejected,
    ApiKeyNotFound,
    NotificationNotFound,
    BusinessProfileNotFound,
    /// No invitation with this id in the organisation.
    InvitationNotFound,
    /// An invitation link whose token no invitation has.
    InvitationLinkUnknown,
    /// What the request names existed but has ended for good (an invitation link that
    /// expired, was used or revoked).
    Gone(Explanation),
    TooManySignIns {
        seconds: i64,
    },
    CsrfMissing,
    CsrfMismatch,
    ForeignOrigin(String),
    /// The domain's refusal (who may do what).
    Forbidden(Explanation),
    ReferralNotFound,
    UserNotFound,
    PreconditionRequired,
    PreconditionFailed {
        current: Box<Referral>,
    },
    /// A business profile changed since the version in `If-Match`.
    BusinessProfileChangedMeanwhile {
        current: Box<StoredBusinessProfile>,
    },
    Invalid(FieldErrors),
    Conflict(Explanation),
    IdempotencyKeyReused,
    IdempotencyInProgress,
    UnsupportedMediaType,
    PayloadTooLarge {
        limit_kib: usize,
    },
    MalformedBody(String),
    BadQuery(Explanation),
    Database(crate::db::DbError),
    Internal(String),
}

impl AppError {
    /// The problem's code and values, as the API sends them and the app words them.
    pub fn explanation(&self) -> Explanation {
        match self {
            AppError::RouteNotFound => Explanation::new("route-not-found"),
            AppError::MethodNotAllowed => Explanation::new("method-not-allowed"),
            AppError::Unauthenticated => Explanation::new("unauthenticated"),
            AppError::InvalidCredentials => Explanation::new("invalid-credentials"),
            AppError::ApiKeyMissing => Explanation::new("api-key-missing"),
            AppError::ApiKeyRejected => Explanation::new("api-key-rejected"),
            AppError::ApiKeyNotFound => Explanation::new("api-key-not-found"),
            AppError::NotificationNotFound => Explanation::new("notification-not-found"),
            AppError::BusinessProfileNotFound => Explanation::new("business-profile-not-found"),
            AppError::InvitationNotFound => Explanation::new("invitation-not-found"),
            AppError::InvitationLinkUnknown => Explanation::new("invitation-link-unknown"),
            AppError::TooManySignIns { seconds } => {
                problem::wait(Explanation::new("too-many-sign-ins"), *seconds)
            }
            AppError::CsrfMissing => Explanation::new("csrf-missing"),
            AppError::CsrfMismatch => Explanation::new("csrf-mismatch"),
            AppError::ForeignOrigin(origin) => {
                Explanation::new("foreign-origin").with("origin", origin.as_str())
            }
            AppError::Forbidden(explanation)
            | AppError::Conflict(explanation)
            | AppError::Gone(explanation)
            | AppError::BadQuery(explanation) => explanation.clone(),
            AppError::ReferralNotFound => Explanation::new("referral-not-found"),
            AppError::UserNotFound => Explanation::new("user-not-found"),
            AppError::PreconditionRequired => Explanation::new("if-match-required"),
            AppError::PreconditionFailed { .. } => Explanation::new("changed-meanwhile"),
            AppError::BusinessProfileChangedMeanwhile { .. } => {
                Explanation::new("business-profile-changed-meanwhile")
            }
            AppError::Invalid(_) => Explanation::new("invalid-fields"),
            AppError::IdempotencyKeyReused => Explanation::new("idempotency-key-reused"),
            AppError::IdempotencyInProgress => Explanation::new("idempotency-in-progress"),
            AppError::UnsupportedMediaType => Explanation::new("unsupported-media-type"),
            AppError::PayloadTooLarge { limit_kib } => Explanation::new("payload-too-large")
                .with("limitKib", i64::try_from(*limit_kib).unwrap_or(i64::MAX)),
            AppError::MalformedBody(reason) => {
                Explanation::new("malformed-body").with("reason", reason.as_str())
            }
            // Internals are logged, never sent.
            AppError::Database(_) | AppError::Internal(_) => Explanation::new("internal"),
        }
    }

    /// What `detail` says: the explanation in English; a 422's own field messages.
    fn detail(&self) -> String {
        match self {
            AppError::Invalid(errors) => errors.to_string(),
            _ => self.explanation().english(),
        }
    }
}

impl std::fmt::Display for AppError {
    /// As logs want it: internals included.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Database(error) => error.fmt(f),
            AppError::Internal(reason) => write!(f, "internal error: {reason}"),
            _ => f.write_str(&self.detail()),
        }
    }
}

impl std::error::Error for AppError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AppError::Database(error) => Some(error),
            _ => None,
        }
    }
}

impl From<crate::db::DbError> for AppError {
    fn from(error: crate::db::DbError) -> Self {
        if is_unstorable_text(&error) {
            // What the sender wrote, not a fault of ours: a 400, where SQLite would have
            // stored it or found nothing. The guards (`db::may_be_stored`, the domain's text
            // rules) keep it from here; this only keeps a guard missed from being a 500.
            return AppError::MalformedBody(
                "text must not contain the character U+0000 (NUL): remove it".to_owned(),
            );
        }
        AppError::Database(error)
    }
}

/// Whether PostgreSQL refused text it cannot hold (SQLSTATE 22021, "character not in
/// repertoire": a U+0000 in a parameter).
fn is_unstorable_text(error: &crate::db::DbError) -> bool {
    matches!(
        error,
        crate::db::DbError::Database(sqlx::Error::Database(refusal))
            if refusal.code().as_deref() == Some("22021")
    )
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
    /// What went wrong and what to do, for people (in English).
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    /// What went wrong, for programs: stable, e.g. `too-many-sign-ins`. Clients word it
    /// in their reader's language (the catalogue's `problem-<code>`), else show `detail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    /// The values `detail` names, by name, e.g. `{"seconds": 180, "minutes": 3}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<BTreeMap<String, Param>>)]
    params: Option<&'a BTreeMap<String, Param>>,
    /// Per-field messages of a 422.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<FieldErrors>)]
    errors: Option<&'a FieldErrors>,
    /// The current representation, with a 412: the referral, or the business profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<CurrentVersion>)]
    current: Option<Current<'a>>,
}

/// What a 412 says is there now.
#[derive(Serialize)]
#[serde(untagged)]
enum Current<'a> {
    Referral(&'a Referral),
    BusinessProfile(&'a StoredBusinessProfile),
}

/// [`Current`] as the OpenAPI document states it: one or the other, untagged.
#[derive(utoipa::ToSchema)]
#[serde(untagged)]
#[allow(dead_code, clippy::large_enum_variant)] // Documentation only: never built.
enum CurrentVersion {
    Referral(Referral),
    BusinessProfile(StoredBusinessProfile),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::RouteNotFound
            | AppError::ReferralNotFound
            | AppError::UserNotFound
            | AppError::NotificationNotFound
            | AppError::BusinessProfileNotFound
            | AppError::ApiKeyNotFound
            | AppError::InvitationNotFound
            | AppError::InvitationLinkUnknown => StatusCode::NOT_FOUND,
            AppError::Gone(_) => StatusCode::GONE,
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
            AppError::PreconditionFailed { .. }
            | AppError::BusinessProfileChangedMeanwhile { .. } => StatusCode::PRECONDITION_FAILED,
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
        if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        let explanation = self.explanation();
        let problem = Problem {
            kind: "about:blank",
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail: Some(self.detail()),
            code: Some(explanation.code.clone()),
            params: (!explanation.params.is_empty()).then_some(&explanation.params),
            errors: match &self {
                AppError::Invalid(errors) => Some(errors),
                _ => None,
            },
            current: match &self {
                AppError::PreconditionFailed { current } => Some(Current::Referral(current)),
                AppError::BusinessProfileChangedMeanwhile { current } => {
                    Some(Current::BusinessProfile(current))
                }
                _ => None,
            },
        };
        let mut response = (status, Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        let current_tag = match &self {
            AppError::PreconditionFailed { current } => Some(&current.e_tag),
            AppError::BusinessProfileChangedMeanwhile { current } => Some(&current.e_tag),
            _ => None,
        };
        if let Some(Ok(etag)) = current_tag.map(|tag| HeaderValue::from_str(&format!("\"{tag}\"")))
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
        AppError::from(crate::db::DbError::from(error))
    }
}
