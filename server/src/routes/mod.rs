//! The JSON API under `/api`: one module per resource.

mod referrals;

use axum::Router;
use axum::routing::get;

use crate::AppState;
use crate::error::AppError;

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/v1/referrals", get(referrals::list))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(route_not_found)
}

pub(crate) async fn route_not_found() -> AppError {
    AppError::RouteNotFound
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
