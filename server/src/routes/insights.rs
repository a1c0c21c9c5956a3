//! `GET /api/v1/insights`: the organisation's funnel, win rate, response times and
//! breakdowns for a range of days, computed by the domain's `insights` — the function
//! the app runs on its cached referrals, so both give the same figures.

use axum::Json;
use axum::extract::{RawQuery, State};
use chrono::Utc;
use domain::insights::{Insights, InsightsRange, InsightsTally};
use futures_util::TryStreamExt as _;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;

/// The figures of the organisation's referrals created from `from` to `to` (UTC days,
/// both included; the last 90 days by default), and its leads expiring in the next 48 hours.
#[utoipa::path(get, path = "/api/v1/insights", tag = "referrals",
    params(
        ("from" = Option<String>, Query, format = Date, description = "The first day, YYYY-MM-DD (UTC), in the years 2000 to 2100; default 89 days before `to`"),
        ("to" = Option<String>, Query, format = Date, description = "The last day, YYYY-MM-DD (UTC), on or after `from`, in the years 2000 to 2100; default today"),
    ),
    responses(
        (status = 200, description = "The figures (see the domain's definitions in each field)", body = Insights),
        (status = 400, description = "`from` or `to` is not a date like 2026-09-01, or `from` is after `to`")))]
pub async fn insights(
    State(state): State<AppState>,
    user: CurrentUser,
    RawQuery(query): RawQuery,
) -> Result<Json<Insights>, AppError> {
    let now = Utc::now();
    let range = InsightsRange::from_query_string(&query.unwrap_or_default(), now.date_naive())
        .map_err(|error| AppError::BadQuery(error.0))?;
    let mut conn = state.pool.acquire().await?;
    let mut tally = InsightsTally::new(range, now);
    // Row by row: an organisation's referrals are never all held at once.
    let mut referrals = std::pin::pin!(db::referrals::written_after(
        &mut conn,
        &user.organisation_id,
        -1
    ));
    while let Some(referral) = referrals.try_next().await? {
        // As the list shows it (contacts withheld when Expired); no figure reads them.
        tally.add(&referral.redacted());
    }
    Ok(Json(tally.finish()))
}
