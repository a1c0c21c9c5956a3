//! The JSON API under `/api`: one module per resource. Routes are registered from
//! their OpenAPI annotations, so the document at `/api/v1/openapi.json` lists every one.

mod api_keys;
mod business_profile;
mod business_profiles;
mod contract;
mod exchange_rates;
pub(crate) mod export;
mod favorites;
pub(crate) mod health;
mod ingest_marketplace_leads;
mod ingest_referrals;
mod insights;
mod invitation_links;
mod invitations;
pub(crate) mod me;
mod me_locale;
mod me_notification_email;
mod me_password;
mod notification_read;
mod notifications;
mod notifications_read_all;
mod people;
mod referral_actions;
pub(crate) mod referrals;
mod session;
mod sync;
mod sync_events;
mod user_activation;
mod users;

use axum::Json;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::AppError;
use crate::extract::BODY_LIMIT_BYTES;

#[derive(OpenApi)]
#[openapi(info(
    title = "Referral Desk API",
    description = "Partner referrals: list, export, act, favorite. Errors are RFC 9457 problem documents."
))]
struct ApiDoc;

/// The API router (absolute `/api/...` paths) and its OpenAPI document.
pub fn api_router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(session::sign_in, session::sign_out))
        .routes(routes!(me::me))
        .routes(routes!(me_locale::choose_locale))
        .routes(routes!(me_notification_email::choose_notification_email))
        .routes(routes!(users::list))
        .routes(routes!(users::change_role))
        .routes(routes!(me_password::change_password))
        .routes(routes!(people::list))
        .routes(routes!(invitations::create))
        .routes(routes!(invitations::revoke))
        .routes(routes!(invitation_links::show))
        .routes(routes!(invitation_links::accept))
        .routes(routes!(user_activation::deactivate))
        .routes(routes!(user_activation::reactivate))
        .routes(routes!(exchange_rates::exchange_rates))
        .routes(routes!(insights::insights))
        .routes(routes!(referrals::list))
        .routes(routes!(export::export_csv))
        .routes(routes!(referrals::detail, referral_actions::edit))
        .routes(routes!(referral_actions::accept))
        .routes(routes!(referral_actions::decline))
        .routes(routes!(referral_actions::won))
        .routes(routes!(referral_actions::lost))
        .routes(routes!(referral_actions::add_team_member))
        .routes(routes!(favorites::add, favorites::remove))
        .routes(routes!(sync::sync))
        .routes(routes!(sync_events::events))
        .routes(routes!(notifications::list))
        .routes(routes!(notification_read::read))
        .routes(routes!(notifications_read_all::read_all))
        .routes(routes!(api_keys::create, api_keys::list))
        .routes(routes!(api_keys::revoke))
        .routes(routes!(business_profiles::list, business_profiles::create))
        .routes(routes!(
            business_profile::detail,
            business_profile::replace,
            business_profile::delete
        ))
        .routes(routes!(ingest_referrals::ingest))
        .routes(routes!(ingest_marketplace_leads::ingest))
        .split_for_parts();
    contract::complete(&mut document);
    document
        .paths
        .paths
        .insert(OPENAPI_PATH.to_owned(), openapi_path_item());
    // utoipa fills a license from Cargo metadata; ours states none, and 3.1 rejects an empty one.
    document.info.license = None;
    let served = document.clone();
    let router = router
        .route(OPENAPI_PATH, get(move || async move { Json(served) }))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .method_not_allowed_fallback(method_not_allowed)
        // Every other path under /api is API ground: a JSON 404, never the app shell.
        .route("/api", any(route_not_found))
        .route("/api/", any(route_not_found))
        .route("/api/{*rest}", any(route_not_found))
        .layer(middleware::from_fn(api_guards));
    (router, document)
}

pub const OPENAPI_PATH: &str = "/api/v1/openapi.json";

fn openapi_path_item() -> utoipa::openapi::PathItem {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder};
    use utoipa::openapi::response::ResponseBuilder;
    utoipa::openapi::PathItem::new(
        HttpMethod::Get,
        OperationBuilder::new()
            .summary(Some("This OpenAPI 3.1 document"))
            .tag("meta")
            .response(
                "200",
                ResponseBuilder::new()
                    .description("The document")
                    .content(
                        "application/json",
                        utoipa::openapi::Content::new(Some(
                            utoipa::openapi::schema::ObjectBuilder::new()
                                .schema_type(utoipa::openapi::schema::Type::Object),
                        )),
                    )
                    .build(),
            )
            .build(),
    )
}

/// What every API answer and request shares: answers are never cached (they carry
/// personal data and the anti-forgery token), and a change must come from our own
/// origin when a browser says where it comes from (non-browser clients send no `Origin`;
/// the session cookie is `SameSite=Strict` and the CSRF token is checked as well).
async fn api_guards(request: Request, next: Next) -> Response {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if unsafe_method && let Some(origin) = request.headers().get(header::ORIGIN) {
        // The names this server is reached by: its Host, the authority of an HTTP/2
        // request, and the host a reverse proxy says the browser asked for.
        let headers = request.headers();
        let names: Vec<&str> = [header::HOST.as_str(), "x-forwarded-host"]
            .into_iter()
            .filter_map(|name| headers.get(name).and_then(|value| value.to_str().ok()))
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .chain(
                request
                    .uri()
                    .authority()
                    .map(|authority| authority.as_str()),
            )
            .filter(|name| !name.is_empty())
            .collect();
        let origin = origin.to_str().unwrap_or("(unreadable)");
        let same = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
            .is_some_and(|authority| {
                names
                    .iter()
                    .any(|name| authority.eq_ignore_ascii_case(name))
            });
        if !same {
            return AppError::ForeignOrigin(origin.chars().take(100).collect()).into_response();
        }
    }
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

async fn route_not_found() -> AppError {
    AppError::RouteNotFound
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
