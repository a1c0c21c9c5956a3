//! What every operation of the OpenAPI document shares, added once after the
//! routes' own annotations: the session cookie and anti-forgery token as security
//! schemes, and the problem answers that the guards, extractors and error type give
//! whatever the handler (each says only what is its own).

use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::response::Response;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{Content, Header, OpenApi, Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::auth::{CSRF_HEADER, SESSION_COOKIE};
use crate::error::Problem;
use crate::extract::BODY_LIMIT_BYTES;

const SESSION_SCHEME: &str = "session";
const CSRF_SCHEME: &str = "csrfToken";
/// Other systems sending leads in: `Authorization: Bearer <key>` (routes name it themselves).
const API_KEY_SCHEME: &str = "apiKey";
const PROBLEM_MEDIA_TYPE: &str = "application/problem+json";

/// Adds the security schemes, the `Problem` schema and the shared error answers to
/// every operation of `document`.
pub fn complete(document: &mut OpenApi) {
    let components = document.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        SESSION_SCHEME,
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
            SESSION_COOKIE,
            "The session cookie set by `POST /api/v1/session` (HttpOnly, SameSite=Strict).",
        ))),
    );
    components.add_security_scheme(
        CSRF_SCHEME,
        SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
            "X-CSRF-Token",
            "The session's `csrfToken` (from sign-in or `GET /api/v1/me`): required on every request that changes something.",
        ))),
    );
    components.add_security_scheme(
        API_KEY_SCHEME,
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(
                    "An API key (`rdk_…`) a partner admin created under Settings → API keys; it names the organisation.",
                ))
                .build(),
        ),
    );
    let mut schemas = vec![(Problem::name().into_owned(), Problem::schema())];
    Problem::schemas(&mut schemas);
    components.schemas.extend(schemas);

    for (path, item) in document.paths.paths.iter_mut() {
        for (method, operation) in [
            (HttpMethod::Get, &mut item.get),
            (HttpMethod::Put, &mut item.put),
            (HttpMethod::Post, &mut item.post),
            (HttpMethod::Delete, &mut item.delete),
            (HttpMethod::Patch, &mut item.patch),
        ] {
            if let Some(operation) = operation {
                complete_operation(path, method, operation);
            }
        }
    }
}

fn complete_operation(path: &str, method: HttpMethod, operation: &mut Operation) {
    // Operations that say `security(())` (sign-in) need no session.
    let public = operation
        .security
        .as_ref()
        .is_some_and(|requirements| requirements.iter().all(is_empty));
    let changes = !matches!(method, HttpMethod::Get);
    // Operations that name their own scheme (ingestion's API key) keep it: no session, no CSRF.
    let own_scheme = !public
        && operation
            .security
            .as_ref()
            .is_some_and(|requirements| !requirements.is_empty());
    if own_scheme {
        shared(operation, 401, "No API key, or a wrong or revoked one.");
    } else if !public {
        let mut requirement = SecurityRequirement::new(SESSION_SCHEME, Vec::<String>::new());
        if changes {
            requirement = requirement.add(CSRF_SCHEME, Vec::<String>::new());
        }
        operation.security = Some(vec![requirement]);
        shared(operation, 401, "Not signed in, or the session has ended.");
    }
    if changes {
        shared(
            operation,
            403,
            &format!(
                "The anti-forgery token ({CSRF_HEADER}) is missing or not this session's, the browser's `Origin` is another site's, or the user's role may not do this."
            ),
        );
    }
    if path.contains("{id}") {
        shared(
            operation,
            404,
            "There is no such resource in the user's organisation.",
        );
    }
    if operation.request_body.is_some() {
        shared(
            operation,
            400,
            "The body is not valid JSON for this operation.",
        );
        shared(
            operation,
            413,
            &format!("The body is larger than {} KiB.", BODY_LIMIT_BYTES / 1024),
        );
        shared(
            operation,
            415,
            "The body is not sent as `application/json`.",
        );
    }
    shared(
        operation,
        500,
        "Something failed on the server; the `x-request-id` header names it in the logs.",
    );
    for (status, response) in operation.responses.responses.iter_mut() {
        let RefOr::T(response) = response else {
            continue;
        };
        if !status.starts_with(['4', '5']) {
            continue;
        }
        if response.content.is_empty() {
            response.content.insert(
                PROBLEM_MEDIA_TYPE.to_owned(),
                Content::new(Some(Ref::from_schema_name(Problem::name()))),
            );
        }
        if status == "429" {
            response.headers.insert(
                "Retry-After".to_owned(),
                Header::new(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(1)),
                ),
            );
        }
    }
}

/// Adds an answer the operation shares with others, unless its own annotation describes that status.
fn shared(operation: &mut Operation, status: u16, description: &str) {
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| RefOr::T(Response::new(description)));
}

fn is_empty(requirement: &SecurityRequirement) -> bool {
    *requirement == SecurityRequirement::default()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    fn document() -> Value {
        serde_json::to_value(super::super::api_router().1).expect("the document serialises")
    }

    /// The schema `reference` (`#/components/schemas/Name`) points to.
    fn schema<'a>(document: &'a Value, reference: &Value) -> &'a Value {
        let name = reference["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
            .unwrap_or_else(|| panic!("not a schema reference: {reference}"));
        &document["components"]["schemas"][name]
    }

    fn operations(document: &Value) -> impl Iterator<Item = (String, &Value)> {
        document["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .iter()
                    .map(move |(method, operation)| (format!("{method} {path}"), operation))
            })
    }

    #[test]
    fn action_bodies_and_referral_answers_are_the_domain_types() {
        let document = document();
        let accept = &document["paths"]["/api/v1/referrals/{id}/accept"]["post"];
        let body = &accept["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(body["$ref"], "#/components/schemas/AcceptForm");
        // AcceptForm flattens the DealForm shared with Edit.
        let deal_form =
            document["components"]["schemas"]["AcceptForm"]["allOf"][0]["oneOf"][0].clone();
        assert_eq!(
            schema(&document, &deal_form)["properties"]["dealValue"]["type"],
            "string"
        );
        for (path, form) in [
            ("/api/v1/referrals/{id}/decline", "ReasonForm"),
            ("/api/v1/referrals/{id}/lost", "ReasonForm"),
            ("/api/v1/referrals/{id}/won", "WonForm"),
            ("/api/v1/referrals/{id}/team", "NewTeamMember"),
        ] {
            let body = &document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
                ["schema"];
            assert_eq!(
                body["$ref"],
                format!("#/components/schemas/{form}"),
                "{path}"
            );
        }
        let detail = &document["paths"]["/api/v1/referrals/{id}"]["get"]["responses"]["200"];
        let referral = schema(&document, &detail["content"]["application/json"]["schema"]);
        assert!(referral["properties"]["statusHistory"].is_object());
        assert!(
            referral["properties"]["eTag"].is_object(),
            "serde's rename is followed"
        );
        assert!(detail["headers"]["ETag"].is_object());
        assert!(accept["responses"]["200"]["headers"]["ETag"].is_object());
        let deal_value = &document["components"]["schemas"]["Details"]["properties"]["dealValue"];
        assert_eq!(
            deal_value["type"],
            serde_json::json!(["string", "null"]),
            "decimals are strings"
        );
    }

    #[test]
    fn every_error_is_a_problem_and_every_change_may_be_refused_as_forged() {
        let document = document();
        let problem = serde_json::json!({ "$ref": "#/components/schemas/Problem" });
        for (operation_name, operation) in operations(&document) {
            for (status, response) in operation["responses"].as_object().unwrap() {
                if status.starts_with(['4', '5']) {
                    assert_eq!(
                        response["content"]["application/problem+json"]["schema"], problem,
                        "{operation_name} {status}"
                    );
                }
            }
            let responses = &operation["responses"];
            if !operation_name.starts_with("get ") {
                assert!(responses["403"].is_object(), "{operation_name} lists 403");
            }
            // Sign-in and an invitation's link are what someone without a session opens.
            let public = operation_name == "post /api/v1/session"
                || operation_name == "get /api/v1/openapi.json"
                || operation_name.contains(" /api/v1/invitation-links/");
            if !public {
                assert!(responses["401"].is_object(), "{operation_name} lists 401");
                let scheme = if operation_name.starts_with("get ") {
                    "session"
                } else if operation_name.starts_with("post /api/v1/ingest/") {
                    "apiKey"
                } else {
                    "csrfToken"
                };
                assert!(
                    operation["security"][0][scheme].is_array(),
                    "{operation_name} needs {scheme}"
                );
            }
        }
        let schemes = &document["components"]["securitySchemes"];
        assert_eq!(schemes["session"]["in"], "cookie");
        assert_eq!(schemes["session"]["name"], "rd_session");
        assert_eq!(schemes["csrfToken"]["in"], "header");
        assert_eq!(schemes["csrfToken"]["name"], "X-CSRF-Token");
        assert_eq!(schemes["apiKey"]["scheme"], "bearer");
        let problem = &document["components"]["schemas"]["Problem"]["properties"];
        for field in [
            "type", "title", "status", "detail", "code", "params", "errors", "current",
        ] {
            assert!(problem[field].is_object(), "Problem has {field}");
        }
        // Each named value is a count or a text, by a schema the document holds.
        let param = &problem["params"]["additionalProperties"];
        let param = if param.get("$ref").is_some() {
            schema(&document, param)
        } else {
            param
        };
        assert!(param["oneOf"].is_array(), "{param}");
        let throttled = &document["paths"]["/api/v1/session"]["post"]["responses"]["429"];
        assert!(throttled["headers"]["Retry-After"].is_object());
    }

    #[test]
    fn the_list_documents_the_filters_paging_and_its_headers() {
        use domain::filter::param;
        let document = document();
        let list = &document["paths"]["/api/v1/referrals"]["get"];
        let parameter = |name: &str| -> Value {
            list["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == name)
                .unwrap_or_else(|| panic!("the list documents {name}"))
                .clone()
        };
        for name in [
            param::CALL_TO_ACTION,
            param::COUNTRY,
            param::CUSTOMER,
            param::LEAD_SOURCE,
            param::LEAD_TYPE,
            param::LEAD_QUALITY,
            param::STATUS,
            param::EMAIL_VALIDITY,
            param::PHONE_VALIDITY,
        ] {
            let filter = parameter(name);
            assert_eq!(filter["in"], "query");
            assert_eq!(filter["schema"]["type"], "array", "{name} may be repeated");
        }
        let sources = parameter(param::LEAD_SOURCE)["schema"]["items"]["enum"].clone();
        assert!(
            sources
                .as_array()
                .unwrap()
                .contains(&"AzureMarketplace".into())
        );
        let countries = parameter(param::COUNTRY)["schema"]["items"]["enum"].clone();
        assert!(countries.as_array().unwrap().contains(&"DE".into()));
        assert!(!countries.as_array().unwrap().contains(&"UK".into()));
        let limit = parameter("limit");
        assert_eq!(limit["schema"]["minimum"], 1);
        assert_eq!(limit["schema"]["maximum"], 1000);
        let page = &list["responses"]["200"];
        assert!(page["headers"]["X-Total-Count"].is_object());
        assert!(page["headers"]["Link"].is_object());
        let actions = &document["paths"]["/api/v1/referrals/{id}/won"]["post"]["parameters"];
        let header = |name: &str| {
            actions
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == name && p["in"] == "header")
                .cloned()
        };
        assert_eq!(header("If-Match").expect("If-Match")["required"], true);
        assert_eq!(
            header("Idempotency-Key").expect("Idempotency-Key")["required"],
            false
        );
    }
}
