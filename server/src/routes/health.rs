//! `GET /health/live` (the process answers) and `GET /health/ready` (it can serve:
//! the database answers and every migration this build knows is applied).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::AppState;

pub async fn live() -> Json<Value> {
    Json(json!({ "status": "live" }))
}

pub async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let known = sqlx::migrate!("./migrations").iter().count() as i64;
    let applied: Result<(i64,), sqlx::Error> =
        sqlx::query_as("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = TRUE")
            .fetch_one(&state.pool)
            .await;
    match applied {
        Ok((applied,)) if applied >= known => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "migrations": applied })),
        ),
        Ok((applied,)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "migrating", "migrations": applied, "expected": known })),
        ),
        Err(error) => {
            tracing::warn!(%error, "readiness: the database does not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "database unreachable" })),
            )
        }
    }
}
