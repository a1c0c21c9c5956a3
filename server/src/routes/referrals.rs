//! `GET /api/v1/referrals` (filtered, sorted, paged) and `GET /api/v1/referrals/{id}`.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::{Filter, Referral};
use sqlx::AnyConnection;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;

/// Referrals per page unless `limit` says otherwise, and the most a page may hold.
const DEFAULT_LIMIT: usize = 200;
const MAX_LIMIT: usize = 1000;

/// The organisation's referrals matching the filter (the domain `Filter` query string),
/// one page at a time: `X-Total-Count` gives the number matching, `Link: rel="next"` the next page.
#[utoipa::path(get, path = "/api/v1/referrals", tag = "referrals",
    params(
        SelectionQuery,
        ("limit" = Option<usize>, Query, description = "Page size, 1 to 1000 (default 200)"),
        ("cursor" = Option<String>, Query, description = "From the previous page's Link header"),
    ),
    responses((status = 200, description = "A page of referrals (JSON array)", body = [Object]), (status = 400, description = "A filter value is not valid"), (status = 401)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let query = query.unwrap_or_default();
    let Selection {
        filter,
        favorites_only,
    } = Selection::from_query(&query)?;
    let page = PageRequest::from_query(&query)?;
    let favorites = db::favorites::referral_ids(&state.pool, &user.id).await?;
    let referrals: Vec<Referral> = state
        .referrals
        .referrals(&state.pool, &user.organisation_id)
        .await?
        .iter()
        .filter_map(|referral| {
            let favorite = favorites.contains(&referral.id);
            (favorite || !favorites_only).then(|| for_user(referral.clone(), favorite))
        })
        .collect();
    let matching = filter.apply(&referrals);
    let start = match &page.cursor {
        None => 0,
        Some(after) => {
            // Keyset paging: continue after where the cursor's referral sorts now,
            // even if it no longer matches the filter.
            let anchor = referrals.iter().find(|r| &r.id == after).ok_or_else(|| {
                AppError::BadQuery(
                    "The page cursor is no longer valid. Reload the list from the start."
                        .to_owned(),
                )
            })?;
            matching.partition_point(|r| {
                domain::filter::compare(filter.sort, filter.direction, r, anchor).is_le()
            })
        }
    };
    let items: Vec<&Referral> = matching
        .iter()
        .skip(start)
        .take(page.limit)
        .copied()
        .collect();
    let mut response = Json(&items).into_response();
    let headers = response.headers_mut();
    headers.insert("x-total-count", HeaderValue::from(matching.len()));
    if start + items.len() < matching.len()
        && let Some(last) = items.last()
        && let Ok(link) = HeaderValue::from_str(&format!(
            "</api/v1/referrals?{}>; rel=\"next\"",
            next_page_query(&query, &last.id)
        ))
    {
        headers.insert(header::LINK, link);
    }
    Ok(response)
}

/// One referral with its status history; another organisation's answers 404.
#[utoipa::path(get, path = "/api/v1/referrals/{id}", tag = "referrals",
    params(("id" = String, Path, description = "Referral ID")),
    responses((status = 200, description = "The referral; ETag carries its version", body = Object), (status = 404)))]
pub async fn detail(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let mut conn = state.pool.acquire().await?;
    let referral = db::referrals::find(&mut conn, &user.organisation_id, &id)
        .await?
        .ok_or(AppError::ReferralNotFound)?;
    Ok(referral_response(
        StatusCode::OK,
        &seen_by(&mut conn, &user, referral).await?,
    ))
}

/// One referral as this user sees it (see [`for_user`]), with its favorite flag looked up.
pub async fn seen_by(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    referral: Referral,
) -> Result<Referral, AppError> {
    let favorite = db::favorites::contains(conn, &user.id, &referral.id).await?;
    Ok(for_user(referral, favorite))
}

/// The referral as this user sees it: their favorite flag, contacts withheld when Expired.
pub fn for_user(referral: Referral, favorite: bool) -> Referral {
    Referral {
        favorite,
        ..referral
    }
    .redacted()
}

/// A referral answer with its version in `ETag`.
pub fn referral_response(status: StatusCode, referral: &Referral) -> Response {
    let mut response = (status, Json(referral)).into_response();
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", referral.e_tag)) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// The main query parameters of the list and the export, as the OpenAPI document shows
/// them; the query is read by [`Selection::from_query`].
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Documentation only: never built.
pub struct SelectionQuery {
    /// Inbox, Accepted or Archived
    stage: Option<String>,
    /// Marketplace or Qualified
    category: Option<String>,
    /// Free-text search (customer, deal, contact, notes)
    q: Option<String>,
    /// created, updated, dealValue, expiry, emailValidity, phoneValidity
    sort: Option<String>,
    /// asc or desc
    dir: Option<String>,
    /// only: the signed-in user's favorites
    favorites: Option<String>,
}

/// What the list and the CSV export select: the domain `Filter` (with its sort) and `favorites=only`.
pub struct Selection {
    pub filter: Filter,
    /// Only the signed-in user's favorites.
    pub favorites_only: bool,
}

impl Selection {
    /// Reads the list's query string; a bad value is a 400 that names the parameter.
    pub fn from_query(query: &str) -> Result<Selection, AppError> {
        let filter =
            Filter::from_query_string(query).map_err(|e| AppError::BadQuery(e.to_string()))?;
        let mut favorites_only = false;
        for (name, value) in domain::filter::query_pairs(query) {
            if name == "favorites" {
                favorites_only = match value.as_str() {
                    "only" => true,
                    "" | "all" => false,
                    _ => {
                        return Err(AppError::BadQuery(format!(
                            "\"favorites\" must be \"only\" or \"all\", not {value:?}."
                        )));
                    }
                }
            }
        }
        Ok(Selection {
            filter,
            favorites_only,
        })
    }
}

/// Which page of the list: `limit` and `cursor`.
struct PageRequest {
    limit: usize,
    cursor: Option<String>,
}

impl PageRequest {
    fn from_query(query: &str) -> Result<PageRequest, AppError> {
        let mut page = PageRequest {
            limit: DEFAULT_LIMIT,
            cursor: None,
        };
        for (name, value) in domain::filter::query_pairs(query) {
            match name.as_str() {
                "limit" => {
                    page.limit = value.parse().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(|| {
                        AppError::BadQuery(format!("\"limit\" must be a whole number from 1 to {MAX_LIMIT}, not {value:?}."))
                    })?;
                }
                "cursor" if !value.is_empty() => page.cursor = Some(value),
                _ => {}
            }
        }
        Ok(page)
    }
}

/// The same query with `cursor` set to `after`.
fn next_page_query(query: &str, after: &str) -> String {
    query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("cursor="))
        .map(str::to_owned)
        .chain(std::iter::once(format!(
            "cursor={}",
            domain::filter::percent_encode(after)
        )))
        .collect::<Vec<_>>()
        .join("&")
}
