//! `GET /api/v1/referrals` (filtered, sorted, paged) and `GET /api/v1/referrals/{id}`.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::{Explanation, Filter, Referral};
use sqlx::AnyConnection;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db;
use crate::error::AppError;
use crate::extract::ReferralId;
use crate::listing::{self, ListError};

/// Referrals per page unless `limit` says otherwise, and the most a page may hold.
const DEFAULT_LIMIT: usize = 200;
const MAX_LIMIT: usize = 1000;

/// The organisation's referrals matching the filter (the domain `Filter` query string),
/// one page at a time: `X-Total-Count` gives the number matching, `Link: rel="next"` the next page.
#[utoipa::path(get, path = "/api/v1/referrals", tag = "referrals",
    params(
        SelectionQuery,
        ("limit" = Option<usize>, Query, minimum = 1, maximum = 1000, description = "Page size, 1 to 1000 (default 200)"),
        ("cursor" = Option<String>, Query, description = "The next page's cursor, from the previous page's `Link` header"),
    ),
    responses(
        (status = 200, description = "A page of referrals, in the filter's order", body = [Referral], headers(
            ("X-Total-Count" = u64, description = "How many referrals match the filter, on all pages"),
            ("Link" = String, description = "`</api/v1/referrals?…&cursor=…>; rel=\"next\"` when more pages follow"))),
        (status = 400, description = "A filter value, `limit` or the page cursor is not valid")))]
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
    let listed = state
        .listings
        .page(
            &state.pool,
            &user.organisation_id,
            &listing::Query {
                filter: &filter,
                user_id: &user.id,
                favorites_only,
                after: page.cursor.as_deref(),
                limit: page.limit,
                head: user.feed_head(),
            },
        )
        .await
        .map_err(list_error)?;
    // Already JSON: the page's referrals as `Json` would have written them.
    let mut response = ([(header::CONTENT_TYPE, "application/json")], listed.json).into_response();
    let headers = response.headers_mut();
    headers.insert("x-total-count", HeaderValue::from(listed.total));
    if listed.more
        && let Some(next) = &listed.next
        && let Ok(link) = HeaderValue::from_str(&format!(
            "</api/v1/referrals?{}>; rel=\"next\"",
            next_page_query(&query, next)
        ))
    {
        headers.insert(header::LINK, link);
    }
    Ok(response)
}

/// One referral with its status history; another organisation's answers 404.
#[utoipa::path(get, path = "/api/v1/referrals/{id}", tag = "referrals",
    params(("id" = String, Path, description = "Referral ID")),
    responses((status = 200, description = "The referral", body = Referral, headers(
        ("ETag" = String, description = "The referral's version: send it back as `If-Match` with an action")))))]
pub async fn detail(
    State(state): State<AppState>,
    user: CurrentUser,
    ReferralId(id): ReferralId,
) -> Result<Response, AppError> {
    // From the list in memory when it can answer: no read, parse or serialising.
    if let Some(head) = user.feed_head()
        && let Some((json, version)) = state
            .listings
            .referral(&state.pool, &user.organisation_id, &user.id, &id, head)
            .await
            .map_err(list_error)?
    {
        let response = ([(header::CONTENT_TYPE, "application/json")], json.to_vec());
        return Ok(with_e_tag(response.into_response(), &version.to_string()));
    }
    let mut conn = state.pool.acquire().await?;
    let (referral, favorite) =
        db::referrals::find_with_favorite(&mut conn, &user.organisation_id, &user.id, &id)
            .await?
            .ok_or(AppError::ReferralNotFound)?;
    Ok(referral_response(
        StatusCode::OK,
        &for_user(referral, favorite),
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

fn list_error(error: ListError) -> AppError {
    match error {
        ListError::Database(error) => AppError::from(error),
        ListError::UnknownCursor => AppError::BadQuery(Explanation::new("page-cursor-invalid")),
    }
}

/// A referral answer with its version in `ETag`.
pub fn referral_response(status: StatusCode, referral: &Referral) -> Response {
    with_e_tag((status, Json(referral)).into_response(), &referral.e_tag)
}

fn with_e_tag(mut response: Response, e_tag: &str) -> Response {
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{e_tag}\"")) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// The query parameters of the list and the export as the OpenAPI document shows them,
/// named and valued as the domain's `Filter::from_query_string` reads them; the query
/// itself is read by [`Selection::from_query`].
pub struct SelectionQuery;

impl utoipa::IntoParams for SelectionQuery {
    fn into_params(
        _: impl Fn() -> Option<utoipa::openapi::path::ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        use domain::filter::param;
        use domain::values::CountryCode;
        use domain::{
            CallToAction, Category, EmailValidity, LeadQuality, LeadSource, LeadType,
            PhoneValidity, Stage, Status,
        };
        fn spelled<T: serde::Serialize>(values: &[T]) -> Vec<String> {
            values
                .iter()
                .filter_map(|value| serde_json::to_value(value).ok())
                .filter_map(|value| value.as_str().map(str::to_owned))
                .collect()
        }
        let country_codes: Vec<String> =
            CountryCode::all().map(|c| c.as_str().to_owned()).collect();
        vec![
            one_of(
                param::STAGE,
                "The view: Inbox, Accepted or Archived",
                spelled(&Stage::ALL),
            ),
            one_of(
                param::CATEGORY,
                "Marketplace (customer inquiries) or Qualified (qualified by the vendor)",
                spelled(Category::ALL),
            ),
            any_of(
                param::CALL_TO_ACTION,
                "What the customer asked for; repeat for several",
                spelled(CallToAction::ALL),
            ),
            any_of(
                param::COUNTRY,
                "The customer's country, ISO 3166-1 alpha-2; repeat for several",
                country_codes,
            ),
            text(
                param::CUSTOMER,
                "The customer's name, exactly; repeat for several",
                true,
            ),
            any_of(
                param::LEAD_SOURCE,
                "Where the lead came from; repeat for several",
                spelled(LeadSource::ALL),
            ),
            any_of(
                param::LEAD_TYPE,
                "Offer or Profile; repeat for both",
                spelled(LeadType::ALL),
            ),
            any_of(
                param::LEAD_QUALITY,
                "High, Medium or Low (probable spam); repeat for several",
                spelled(LeadQuality::ALL),
            ),
            any_of(
                param::STATUS,
                "New, Active or Closed; repeat for several",
                spelled(Status::ALL),
            ),
            any_of(
                param::EMAIL_VALIDITY,
                "The primary contact's email validity; repeat for several",
                spelled(EmailValidity::ALL),
            ),
            any_of(
                param::PHONE_VALIDITY,
                "The primary contact's phone validity; repeat for several",
                spelled(PhoneValidity::ALL),
            ),
            text(
                param::SEARCH,
                "Free-text search (customer, deal, contact, notes), accents ignored",
                false,
            ),
            one_of(
                param::SORT,
                "The sort key (default created)",
                domain::SortKey::ALL
                    .iter()
                    .map(|key| key.as_str().to_owned())
                    .collect(),
            ),
            one_of(
                param::DIRECTION,
                "The sort direction (default desc)",
                domain::SortDirection::ALL
                    .iter()
                    .map(|dir| dir.as_str().to_owned())
                    .collect(),
            ),
            one_of(
                "favorites",
                "`only`: the signed-in user's favorites (default `all`)",
                vec!["only".to_owned(), "all".to_owned()],
            ),
        ]
    }
}

/// A query parameter that takes one of `values`.
fn one_of(name: &str, description: &str, values: Vec<String>) -> utoipa::openapi::path::Parameter {
    query_parameter(name, description, choice(values), false)
}

/// A query parameter that may be repeated, each time with one of `values`.
fn any_of(name: &str, description: &str, values: Vec<String>) -> utoipa::openapi::path::Parameter {
    query_parameter(name, description, choice(values), true)
}

/// A free-text query parameter.
fn text(name: &str, description: &str, repeated: bool) -> utoipa::openapi::path::Parameter {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    query_parameter(
        name,
        description,
        ObjectBuilder::new().schema_type(Type::String).build(),
        repeated,
    )
}

/// One of `values`, or empty: the domain's query reader ignores an empty value, as if it were not sent.
fn choice(mut values: Vec<String>) -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    values.push(String::new());
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
        .build()
}

fn query_parameter(
    name: &str,
    description: &str,
    value: utoipa::openapi::schema::Object,
    repeated: bool,
) -> utoipa::openapi::path::Parameter {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn, ParameterStyle};
    use utoipa::openapi::schema::{ArrayBuilder, Schema};
    use utoipa::openapi::{RefOr, Required};
    let schema: RefOr<Schema> = if repeated {
        ArrayBuilder::new().items(value).build().into()
    } else {
        value.into()
    };
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Query)
        .required(Required::False)
        .description(Some(description))
        .schema(Some(schema))
        .style(repeated.then_some(ParameterStyle::Form))
        .explode(repeated.then_some(true))
        .build()
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
            Filter::from_query_string(query).map_err(|e| AppError::BadQuery(e.explanation()))?;
        let mut favorites_only = false;
        for (name, value) in domain::filter::query_pairs(query) {
            if name == "favorites" {
                favorites_only = match value.as_str() {
                    "only" => true,
                    "" | "all" => false,
                    _ => {
                        return Err(AppError::BadQuery(
                            Explanation::new("favorites-filter").with("value", value),
                        ));
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
                    page.limit = crate::extract::page_limit(&value, MAX_LIMIT)?;
                }
                "cursor" if !value.is_empty() => page.cursor = Some(value),
                _ => {}
            }
        }
        Ok(page)
    }
}

/// The same query with `cursor` set to `next`.
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
