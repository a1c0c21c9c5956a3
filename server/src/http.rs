//! Cross-cutting HTTP behaviour: request ids, tracing, compression, security headers.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::spa::AppShell;

/// Every response carries the id its log lines carry, so a user's report can be traced.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps the whole app (outermost last): request id → trace → compression → security headers.
pub fn with_http_layers(router: Router, shell: Arc<AppShell>) -> Router {
    let policy = shell.content_security_policy();
    router
        .layer(middleware::from_fn_with_state(policy, security_headers))
        // Brotli's default (quality 11) spends seconds of CPU on the 2 MB wasm for every
        // download (the offline worker fetches it too); level 5 takes milliseconds for
        // nearly the same size.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            // The user and organisation are filled in once the session is known (`auth`).
            tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id = %id,
                user_id = tracing::field::Empty, organisation_id = tracing::field::Empty)
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

async fn security_headers(
    State(policy): State<HeaderValue>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
