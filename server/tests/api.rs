//! The HTTP surface of the real server, on SQLite and on PostgreSQL.

mod support;

use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use serde_json::Value;
use support::{HASHED_ASSET, INDEX_HTML, INLINE_SCRIPT};

fn demo_count(organisation: usize) -> usize {
    referral_desk_server::demo::referrals(chrono::Utc::now(), organisation).len()
}

/// Asks, as `session`, to give the user `id` another role.
async fn change_role(session: &support::Session, id: &str, role: &str) -> reqwest::Response {
    session
        .request(reqwest::Method::PATCH, &format!("/api/v1/users/{id}"))
        .json(&serde_json::json!({ "role": role }))
        .send()
        .await
        .expect("request sent")
}

async fn problem(response: reqwest::Response) -> Value {
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    response.json().await.expect("a JSON problem document")
}

backend_tests! {
    async fn users_lists_the_colleagues_of_ones_own_organisation_only(app) {
        let session = app.sign_in("user@demo.test").await;
        let users = session.get_json("/api/v1/users").await;
        let emails: Vec<&str> = users
            .as_array()
            .unwrap()
            .iter()
            .map(|user| user["email"].as_str().unwrap())
            .collect();
        assert_eq!(emails.len(), 5, "{emails:?}");
        assert!(emails.contains(&"referrals@demo.test"));
        assert!(!emails.contains(&"admin@rival.test"), "another organisation's user leaked");
        let names: Vec<&str> = users.as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "by name");
        assert!(users[0].get("passwordHash").is_none() && users[0].get("password_hash").is_none());
        assert_eq!(app.get("/api/v1/users").await.status(), 401);
    }

    async fn a_partner_admin_changes_a_colleagues_role_which_applies_at_once(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let users = admin.get_json("/api/v1/users").await;
        let id_of = |email: &str| {
            users.as_array().unwrap().iter().find(|u| u["email"] == email).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let (rhea, ada) = (id_of("referrals@demo.test"), id_of("admin@demo.test"));
        let rhea_session = app.sign_in("referrals@demo.test").await;

        let changed = change_role(&admin, &rhea, "Viewer").await;
        assert_eq!(changed.status(), StatusCode::OK);
        let changed: Value = changed.json().await.unwrap();
        assert_eq!((changed["role"].as_str(), changed["roleLabel"].as_str()), (Some("Viewer"), Some("Viewer")));
        // Her open session has the new role from its next request.
        assert_eq!(rhea_session.get_json("/api/v1/me").await["role"], "Viewer");

        // Not a role: a field error naming the roles there are; nothing changes.
        let bad = change_role(&admin, &rhea, "Boss").await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let refused = problem(bad).await;
        assert_eq!(refused["errors"][0]["field"], "role", "{refused}");
        assert!(refused["errors"][0]["message"].as_str().unwrap().contains("PartnerAdmin"), "{refused}");
        assert_eq!(rhea_session.get_json("/api/v1/me").await["role"], "Viewer");

        // Never one's own role; never as anyone but a partner admin; never across organisations.
        let own = change_role(&admin, &ada, "Viewer").await;
        assert_eq!(own.status(), StatusCode::FORBIDDEN);
        assert_eq!(problem(own).await["detail"], "You cannot change your own role. Ask another partner admin.");
        let user = app.sign_in("user@demo.test").await;
        let not_admin = change_role(&user, &rhea, "PartnerAdmin").await;
        assert_eq!(not_admin.status(), StatusCode::FORBIDDEN);
        assert_eq!(problem(not_admin).await["detail"], "Only partner admins can change roles.");
        let rival = app.sign_in("admin@rival.test").await;
        let across = change_role(&rival, &rhea, "PartnerAdmin").await;
        assert_eq!(across.status(), StatusCode::NOT_FOUND);
        assert_eq!(rhea_session.get_json("/api/v1/me").await["role"], "Viewer");
    }

    async fn lists_the_demo_organisations_referrals(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let response = session.get("/api/v1/referrals?limit=1000").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        let referrals: Vec<Value> = response.json().await.unwrap();
        assert_eq!(referrals.len(), demo_count(0));
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
        let session = app.sign_in("viewer@demo.test").await;
        let referrals: Vec<Value> = session.get("/api/v1/referrals?limit=1000").await.json().await.unwrap();
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
        let session = app.sign_in("referrals@demo.test").await;
        let referrals: Vec<Value> = session.get("/api/v1/referrals?limit=1000").await.json().await.unwrap();
        assert_eq!(referrals.len(), demo_count(0));
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

    async fn every_response_carries_the_security_headers(app) {
        use base64::Engine as _;
        use sha2::Digest as _;
        let script_hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(INLINE_SCRIPT));
        for path in ["/inbox", "/api/v1/referrals", "/api/v1/nope", &format!("/{HASHED_ASSET}")] {
            let response = app.get(path).await;
            let headers = response.headers();
            let policy = headers["content-security-policy"].to_str().unwrap();
            assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{path}: {policy}");
            assert!(policy.contains(&format!("'sha256-{script_hash}'")), "{path}: the bootstrap's hash is allowed: {policy}");
            assert!(policy.contains("frame-ancestors 'none'"), "{path}: {policy}");
            assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
            assert!(!headers["x-request-id"].is_empty(), "{path}");
        }
    }

    async fn a_request_id_sent_by_the_caller_comes_back(app) {
        let response = app.client.get(app.url("/api/v1/referrals")).header("x-request-id", "trace-me-42").send().await.unwrap();
        assert_eq!(response.headers()["x-request-id"], "trace-me-42");
    }

    async fn responses_are_compressed_with_brotli_or_gzip(app) {
        let session = app.sign_in("referrals@demo.test").await;
        for encoding in ["br", "gzip"] {
            let response = session.request(reqwest::Method::GET, "/api/v1/referrals").header("accept-encoding", encoding).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            assert_eq!(response.headers()["content-encoding"], encoding);
        }
    }

    async fn app_paths_only_answer_get_and_head(app) {
        let response = app.client.post(app.url("/inbox")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    }

    async fn a_missing_file_is_a_404_not_the_app_shell(app) {
        let response = app.get("/referral-desk-fedcba9876543210.js").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    }
}
