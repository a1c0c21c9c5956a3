//! `GET /api/v1/exchange-rates`: the dollar rates deal registration is decided with,
//! so the app's Won form asks for a registration exactly when the server will.

use axum::Json;
use axum::extract::State;

use crate::AppState;
use crate::auth::CurrentUser;

/// US dollars per unit of each configured currency (`--usd-rates`), e.g. `{"EUR": "1.08"}`.
#[utoipa::path(get, path = "/api/v1/exchange-rates", tag = "actions",
    responses((status = 200, description = "Currency code → US dollars per unit, as decimal strings", body = domain::ExchangeRates)))]
pub async fn exchange_rates(
    State(state): State<AppState>,
    _user: CurrentUser,
) -> Json<domain::ExchangeRates> {
    Json((*state.rates).clone())
}
