//! Request extractors whose rejections are problem documents too.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// Largest JSON body accepted (notes are at most 5,000 characters).
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// A JSON body, with its raw bytes kept for the idempotency fingerprint.
pub struct JsonBody<T> {
    pub value: T,
    pub raw: Bytes,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
        if !is_json {
            return Err(AppError::UnsupportedMediaType);
        }
        let raw =
            Bytes::from_request(request, state)
                .await
                .map_err(|_| AppError::PayloadTooLarge {
                    limit_kib: BODY_LIMIT_BYTES / 1024,
                })?;
        let mut reader = serde_json::Deserializer::from_slice(&raw);
        let value = serde_path_to_error::deserialize(&mut reader).map_err(unreadable)?;
        reader
            .end()
            .map_err(|e| AppError::MalformedBody(e.to_string()))?;
        Ok(JsonBody { value, raw })
    }
}

/// Why a body could not be read, naming the field where it went wrong ("details.dealValue:
/// invalid type: integer `48000`, expected a string at line 1 column 223"), so a sender
/// can tell which of many fields to fix.
fn unreadable(error: serde_path_to_error::Error<serde_json::Error>) -> AppError {
    let field = error.path().to_string();
    let reason = error.into_inner().to_string();
    if field.is_empty() || field == "." {
        AppError::MalformedBody(reason)
    } else {
        AppError::MalformedBody(format!("{field}: {reason}"))
    }
}

/// Declares extractors of a path's `{id}`, each answering an id no row can have (one
/// with U+0000, see `db::may_be_stored`, or not UTF-8 once decoded) as its resource's 404
/// before any query, the same on both databases.
macro_rules! path_ids {
    ($($(#[$doc:meta])* $name:ident => $missing:expr;)*) => {$(
        $(#[$doc])*
        pub struct $name(pub String);

        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
                match Path::<String>::from_request_parts(parts, state).await {
                    Ok(Path(id)) if crate::db::may_be_stored(&id) => Ok($name(id)),
                    _ => Err($missing),
                }
            }
        }
    )*};
}

path_ids! {
    /// A referral's id in the path.
    ReferralId => AppError::ReferralNotFound;
    /// A user's id in the path.
    UserId => AppError::UserNotFound;
    /// An API key's id in the path.
    ApiKeyId => AppError::ApiKeyNotFound;
    /// A business profile's id in the path.
    BusinessProfileId => AppError::BusinessProfileNotFound;
    /// An invitation's id in the path.
    InvitationId => AppError::InvitationNotFound;
    /// A notification-centre item's id in the path.
    NotificationId => AppError::NotificationNotFound;
}

/// A `limit` query value: a whole number from 1 to `max`, else a 400 naming both.
pub fn page_limit(value: &str, max: usize) -> Result<usize, AppError> {
    value
        .parse()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| {
            AppError::BadQuery(
                domain::Explanation::new("limit-range")
                    .with("max", i64::try_from(max).unwrap_or(i64::MAX))
                    .with("value", value),
            )
        })
}

/// For a change the header is optional for (a delete): the tags of `If-Match` when it
/// names versions; `None` without it or with `*` ("whatever version it is at now").
pub fn if_match_when_sent(headers: &HeaderMap) -> Result<Option<Vec<String>>, AppError> {
    match headers.get(header::IF_MATCH) {
        None => Ok(None),
        Some(value) if names_any_version(value.as_bytes()) => Ok(None),
        Some(_) => if_match(headers).map(Some),
    }
}

/// Whether an `If-Match` value is (or holds) `*`.
fn names_any_version(value: &[u8]) -> bool {
    value
        .split(|b| *b == b',')
        .any(|tag| tag.trim_ascii() == b"*")
}

/// The entity tags of `If-Match` (quotes and `W/` removed); 428 without the header or with
/// an empty one. A header that names no version the client saw (`""`, `,`, or `*`, which
/// would allow the very lost update the header is asked for to prevent) matches none, so
/// it is a 412 with the current one.
pub fn if_match(headers: &HeaderMap) -> Result<Vec<String>, AppError> {
    let value = headers
        .get(header::IF_MATCH)
        .filter(|value| !value.as_bytes().trim_ascii().is_empty())
        .ok_or(AppError::PreconditionRequired)?;
    Ok(String::from_utf8_lossy(value.as_bytes())
        .split(',')
        .map(|tag| {
            tag.trim()
                .trim_start_matches("W/")
                .trim_matches('"')
                .to_owned()
        })
        .filter(|tag| !tag.is_empty())
        .collect())
}
