//! Every problem names its cause by a stable `code` with `params`, so a client words it in
//! its reader's language; `detail` is the same explanation in English — on SQLite and
//! PostgreSQL.

mod support;

use domain::i18n::{Catalogue, Locale, bundled_sources};
use domain::{Explanation, Role};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::accept_form;
use support::builders::{TestOrganisation, TestReferral, TestUser};

/// The problem document of `response`, checked to be one with the `status` expected, and
/// whose `detail` is its code's English message.
async fn problem(response: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.unwrap();
    let explanation: Explanation = serde_json::from_value(body.clone()).unwrap();
    let english = Catalogue::parse(Locale::English, bundled_sources(Locale::English)).unwrap();
    assert_eq!(
        explanation.in_words(&english).as_deref(),
        body["detail"].as_str(),
        "detail is the code's English: {body}"
    );
    body
}

backend_tests! {
    async fn a_throttled_sign_in_names_its_wait_in_params(app) {
        for _ in 0..5 {
            let refused = app.post_json("/api/v1/session", &json!({ "email": "user@demo.test", "password": "guess" })).await;
            let body = problem(refused, StatusCode::UNAUTHORIZED).await;
            assert_eq!(body["code"], "invalid-credentials");
            assert_eq!(body.get("params"), None, "no values to name: {body}");
        }
        let throttled = app.post_json("/api/v1/session", &json!({ "email": "user@demo.test", "password": "demo-password" })).await;
        let retry_after: i64 = throttled.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        let body = problem(throttled, StatusCode::TOO_MANY_REQUESTS).await;
        assert_eq!(body["code"], "too-many-sign-ins");
        assert_eq!(body["params"], json!({ "seconds": retry_after, "minutes": 0 }), "{body}");
        assert!((1..=5).contains(&retry_after), "the first wait is 5 seconds: {retry_after}");
    }

    async fn refusals_carry_the_domains_code(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let lead = TestReferral::inbox().stored(&pool, &organisation).await;
        let accept = format!("/api/v1/referrals/{}/accept", lead.id);
        for (role, code) in [(Role::Viewer, "read-only-viewer"), (Role::ReferralsUser, "not-on-team"), (Role::BusinessProfileAdmin, "read-only-business-profile-admin")] {
            let session = TestUser::new(role).in_organisation(&organisation).create(&pool).await.sign_in(&app).await;
            let body = problem(session.act(&accept, &lead.e_tag, &accept_form()).await, StatusCode::FORBIDDEN).await;
            assert_eq!(body["code"], code, "{role:?}: {body}");
            let export = problem(session.get("/api/v1/referrals/export.csv").await, StatusCode::FORBIDDEN).await;
            assert_eq!(export["code"], "export-not-allowed");
            assert_eq!(export["params"], json!({ "role": role.as_str() }));
        }
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let session = admin.sign_in(&app).await;
        let own = session
            .request(Method::PATCH, &format!("/api/v1/users/{}", admin.id))
            .json(&json!({ "role": "Viewer" }))
            .send()
            .await
            .unwrap();
        assert_eq!(problem(own, StatusCode::FORBIDDEN).await["code"], "own-role");
    }

    async fn conflicts_and_bad_queries_name_their_values(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let lead = TestReferral::inbox().stored(&pool, &organisation).await;
        let session = TestUser::new(Role::ReferralsAdmin).in_organisation(&organisation).create(&pool).await.sign_in(&app).await;
        let decline = format!("/api/v1/referrals/{}/decline", lead.id);
        let declined = session.act(&decline, &lead.e_tag, &json!({ "statusReason": "NotACustomer", "notes": "" })).await;
        assert_eq!(declined.status(), StatusCode::OK);
        let declined: Value = declined.json().await.unwrap();
        let accept = format!("/api/v1/referrals/{}/accept", lead.id);
        let again = session.act(&accept, declined["eTag"].as_str().unwrap(), &accept_form()).await;
        let body = problem(again, StatusCode::CONFLICT).await;
        assert_eq!(body["code"], "archived");
        assert_eq!(body["params"], json!({ "substatus": "Declined" }));

        let bad = problem(session.get("/api/v1/referrals?leadSource=Bing").await, StatusCode::BAD_REQUEST).await;
        assert_eq!(bad["code"], "unknown-filter-value");
        assert_eq!(bad["params"]["parameter"], "leadSource");
        assert_eq!(bad["params"]["value"], "Bing");
        assert_eq!(bad["params"]["kind"], "LeadSource", "a kind in the API's spelling; each language words it");
        let range = problem(session.get("/api/v1/insights?from=2026-13-01").await, StatusCode::BAD_REQUEST).await;
        assert_eq!(range["code"], "range-not-a-date");
        assert_eq!(range["params"], json!({ "name": "from", "value": "2026-13-01" }));
        let signed_out = problem(app.get("/api/v1/me").await, StatusCode::UNAUTHORIZED).await;
        assert_eq!(signed_out["code"], "unauthenticated");
    }

    async fn the_openapi_document_describes_code_and_params(app) {
        let document: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
        let problem = &document["components"]["schemas"]["Problem"]["properties"];
        assert!(problem["code"].is_object(), "{problem}");
        assert!(problem["params"].is_object(), "{problem}");
    }
}
