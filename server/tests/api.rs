//! The HTTP surface of the real server, on SQLite and on PostgreSQL.

mod support;

use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use serde_json::Value;
use support::{HASHED_ASSET, INDEX_HTML};

async fn problem(response: reqwest::Response) -> Value {
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    response.json().await.expect("a JSON problem document")
}

backend_tests! {
    async fn lists_the_demo_organisations_referrals(app) {
        let response = app.get("/api/v1/referrals").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        let referrals: Vec<Value> = response.json().await.unwrap();
        assert_eq!(referrals.len(), 30);
        let first = &referrals[0];
        for field in ["id", "name", "status", "substatus", "type", "qualification", "createdDateTime",
                      "expirationDateTime", "eTag", "customerProfile", "details", "leadSource", "callToAction"] {
            assert!(first.get(field).is_some(), "field {field} is missing from {first}");
        }
        assert!(first["customerProfile"]["address"]["country"].is_string());
        // Newest first.
        let created: Vec<&str> = referrals.iter().map(|r| r["createdDateTime"].as_str().unwrap()).collect();
        let mut sorted = created.clone();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(created, sorted);
        for status in ["New", "Active", "Closed"] {
            assert!(referrals.iter().any(|r| r["status"] == status), "no {status} referral in the demo");
        }
    }

    async fn expired_referrals_are_listed_without_contact_information(app) {
        let referrals: Vec<Value> = app.get("/api/v1/referrals").await.json().await.unwrap();
        let expired: Vec<&Value> = referrals.iter().filter(|r| r["substatus"] == "Expired").collect();
        assert!(!expired.is_empty(), "the demo has expired referrals");
        for referral in expired {
            assert_eq!(referral["customerProfile"]["team"], serde_json::json!([]), "{referral}");
        }
        let received = referrals.iter().find(|r| r["substatus"] == "Received").unwrap();
        assert!(received["customerProfile"]["team"][0]["email"].is_string());
    }

    async fn the_demo_is_seeded_once_across_restarts(app) {
        app.start().await;
        let referrals: Vec<Value> = app.get("/api/v1/referrals").await.json().await.unwrap();
        assert_eq!(referrals.len(), 30);
    }

    async fn unknown_api_paths_answer_a_json_404(app) {
        for path in ["/api/v1/nope", "/api/v2/referrals", "/api", "/api/"] {
            let response = app.get(path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            let body = problem(response).await;
            assert_eq!(body["status"], 404);
            assert_eq!(body["title"], "Not Found");
        }
    }

    async fn wrong_methods_answer_a_json_405(app) {
        let response = app.client.delete(app.url("/api/v1/referrals")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(problem(response).await["status"], 405);
    }

    async fn deep_links_serve_the_app_shell_uncached(app) {
        for path in ["/", "/inbox", "/accepted", "/archived", "/referrals/5eed0000-0000-4000-8000-000000000000"] {
            let response = app.get(path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(response.headers()[CACHE_CONTROL], "no-cache", "{path}");
            assert_eq!(response.text().await.unwrap(), INDEX_HTML, "{path}");
        }
    }

    async fn hashed_assets_are_cached_for_a_year(app) {
        assert!(app.static_dir().join(HASHED_ASSET).exists());
        let response = app.get(&format!("/{HASHED_ASSET}")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[CACHE_CONTROL], "public, max-age=31536000, immutable");
    }

    async fn a_missing_file_is_a_404_not_the_app_shell(app) {
        let response = app.get("/referral-desk-fedcba9876543210.js").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    }
}
