//! Hardening: sign-in throttling that cannot lock a user out, the last partner admin
//! under concurrent demotions, fair exports, API caching and origin rules, the CSRF
//! messages, health and metrics — each case on SQLite and PostgreSQL.

mod support;

use std::time::Duration;

use domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::TestApp;
use support::builders::TestUser;

/// Restarts the app so that it reads the client's address from `X-Forwarded-For`, and
/// returns a sign-in attempt from `client`.
async fn behind_proxy(app: &mut TestApp) {
    app.config_mut().client_ip_header =
        Some(reqwest::header::HeaderName::from_static("x-forwarded-for"));
    app.start().await;
}

async fn attempt(app: &TestApp, client: &str, email: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/session"))
        .header("x-forwarded-for", client)
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

async fn detail(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["detail"].as_str().unwrap().to_owned()
}

backend_tests! {
    async fn a_strangers_wrong_passwords_never_lock_the_user_out(app) {
        behind_proxy(&mut app).await;
        for _ in 0..12 {
            let response = attempt(&app, "203.0.113.9", "  ADMIN@Demo.Test ", "guess").await;
            assert!([StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&response.status()));
        }
        // The guesser waits, with a Retry-After in seconds…
        let throttled = attempt(&app, "203.0.113.9", "admin@demo.test", "demo-password").await;
        assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
        let retry_after: i64 = throttled.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=900).contains(&retry_after), "{retry_after}");
        assert!(detail(throttled).await.starts_with("Too many failed sign-ins from here."));
        // …while the user, elsewhere, signs in at once.
        let user = attempt(&app, "198.51.100.7", "admin@demo.test", "demo-password").await;
        assert_eq!(user.status(), StatusCode::OK, "the account is not locked");
    }

    async fn guesses_sent_at_once_count_against_each_other(app) {
        behind_proxy(&mut app).await;
        // Forty wrong passwords for one account from one address, all at once: each is
        // counted before it is checked, so no more than the five allowed are checked.
        let guesses = (0..40).map(|n| attempt(&app, "203.0.113.11", "viewer@demo.test", if n % 2 == 0 { "guess" } else { "other guess" }));
        let answers = futures_util::future::join_all(guesses).await;
        let checked = answers.iter().filter(|answer| answer.status() == StatusCode::UNAUTHORIZED).count();
        let refused = answers.iter().filter(|answer| answer.status() == StatusCode::TOO_MANY_REQUESTS).count();
        assert_eq!(checked + refused, 40);
        assert!(checked <= 5, "{checked} of 40 guesses sent at once were checked");
        // The refused ones were never made: five failures are on record, not forty, so
        // the wait is the first one's (5 s), and the user elsewhere is not held up.
        let pool = app.pool().await;
        let (recorded,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sign_in_failures WHERE client = '203.0.113.11'")
            .fetch_one(&pool).await.unwrap();
        assert_eq!(recorded, i64::try_from(checked).unwrap());
        assert_eq!(attempt(&app, "198.51.100.9", "viewer@demo.test", "demo-password").await.status(), StatusCode::OK);
    }

    async fn one_address_guessing_many_accounts_waits(app) {
        behind_proxy(&mut app).await;
        for n in 0..20 {
            let response = attempt(&app, "203.0.113.10", &format!("nobody-{n}@demo.test"), "guess").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        let next = attempt(&app, "203.0.113.10", "viewer@demo.test", "demo-password").await;
        assert_eq!(next.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(attempt(&app, "198.51.100.8", "viewer@demo.test", "demo-password").await.status(), StatusCode::OK);
    }

    async fn what_failed_sign_ins_store_is_bounded_and_purged(app) {
        let huge = format!("{}@demo.test", "a".repeat(60_000));
        let response = app.post_json("/api/v1/session", &json!({ "email": huge, "password": "x" })).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(detail(response).await, "The email address or password is incorrect.");
        let pool = app.pool().await;
        let (longest,): (i64,) = sqlx::query_as("SELECT CAST(MAX(LENGTH(account_key) + LENGTH(client)) AS BIGINT) FROM sign_in_failures")
            .fetch_one(&pool).await.unwrap();
        assert!(longest <= 64 + 45, "stored {longest} characters");
        referral_desk_server::jobs::run_once(&pool, &Default::default(), chrono::Utc::now() + chrono::Duration::minutes(16)).await.unwrap();
        let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sign_in_failures").fetch_one(&pool).await.unwrap();
        assert_eq!(left, 0, "purged once they no longer count");
    }

    async fn two_partner_admins_demoting_each_other_at_once_leave_one(app) {
        let pool = app.pool().await;
        let second = TestUser::new(Role::PartnerAdmin).create(&pool).await;
        let first = app.sign_in("admin@demo.test").await;
        let other = second.sign_in(&app).await;
        let users = first.get_json("/api/v1/users").await;
        let id_of = |email: &str| users.as_array().unwrap().iter().find(|u| u["email"] == email).unwrap()["id"].as_str().unwrap().to_owned();
        let (first_id, second_id) = (id_of("admin@demo.test"), id_of(&second.email));
        let demote = |session: &support::Session, id: String| {
            session.request(Method::PATCH, &format!("/api/v1/users/{id}")).json(&json!({ "role": "Viewer" })).send()
        };
        let (a, b) = tokio::join!(demote(&first, second_id), demote(&other, first_id));
        let mut statuses = [a.unwrap().status(), b.unwrap().status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::FORBIDDEN], "exactly one demotion happens");
        let after = first.get("/api/v1/users").await;
        let list: Value = if after.status() == StatusCode::OK { after.json().await.unwrap() } else { other.get_json("/api/v1/users").await };
        let admins = list.as_array().unwrap().iter().filter(|u| u["role"] == "PartnerAdmin").count();
        assert_eq!(admins, 1, "{list}");
    }

    async fn the_last_partner_admin_stays(app) {
        let pool = app.pool().await;
        let lone = TestUser::new(Role::PartnerAdmin).in_organisation(&support::builders::TestOrganisation::create(&pool).await).create(&pool).await;
        let session = lone.sign_in(&app).await;
        let response = session.request(Method::PATCH, &format!("/api/v1/users/{}", lone.id)).json(&json!({ "role": "Viewer" })).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "never one's own role");
    }

    async fn an_organisation_waiting_for_its_export_never_waits_for_another_one(app) {
        let demo = app.sign_in("admin@demo.test").await;
        let rival = app.sign_in("admin@rival.test").await;
        // The demo organisation's downloads, none of them read, take every turn it may have.
        let held = futures_util::future::join_all((0..4).map(|_| demo.get("/api/v1/referrals/export.csv"))).await;
        assert!(held.iter().all(|r| r.status() == StatusCode::OK));
        let started = std::time::Instant::now();
        let mut other = rival.get("/api/v1/referrals/export.csv").await;
        let first = tokio::time::timeout(Duration::from_secs(5), other.chunk()).await;
        assert!(matches!(first, Ok(Ok(Some(_)))), "the rival's export starts at once, not after the others");
        assert!(started.elapsed() < Duration::from_secs(5));
        drop(held);
    }

    async fn api_answers_are_never_cached(app) {
        let session = app.sign_in("viewer@demo.test").await;
        for path in ["/api/v1/me", "/api/v1/referrals?limit=1", "/api/v1/sync?limit=1", "/api/v1/users", "/api/v1/no-such-route"] {
            let response = session.get(path).await;
            assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        }
        let response = app.post_json("/api/v1/session", &json!({ "email": "viewer@demo.test", "password": "demo-password" })).await;
        assert_eq!(response.headers()["cache-control"], "no-store", "the sign-in answer carries the CSRF token");
    }

    async fn a_wrong_csrf_token_is_named_as_wrong_and_a_missing_one_as_missing(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = session.first("stage=Inbox&limit=1").await;
        let path = format!("/api/v1/referrals/{}/favorite", referral["id"].as_str().unwrap());
        let wrong = app.client.put(app.url(&path)).header("cookie", &session.cookie).header("x-csrf-token", "not-the-token").send().await.unwrap();
        assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
        assert!(detail(wrong).await.contains("is not this session's"));
        let missing = app.client.put(app.url(&path)).header("cookie", &session.cookie).send().await.unwrap();
        assert_eq!(missing.status(), StatusCode::FORBIDDEN);
        assert!(detail(missing).await.contains("is missing"));
    }

    async fn a_change_from_a_foreign_origin_is_refused(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = session.first("stage=Inbox&limit=1").await;
        let path = format!("/api/v1/referrals/{}/favorite", referral["id"].as_str().unwrap());
        let foreign = session.request(Method::PUT, &path).header("origin", "https://evil.example").send().await.unwrap();
        assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
        assert!(detail(foreign).await.contains("https://evil.example"));
        assert_eq!(session.get_json(&format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap())).await["favorite"], false, "nothing changed");
        let own = session.request(Method::PUT, &path).header("origin", format!("http://{}", app.address)).send().await.unwrap();
        assert_eq!(own.status(), StatusCode::NO_CONTENT);
    }

    async fn an_id_with_a_nul_is_not_found_and_a_sign_in_with_one_is_refused_alike_on_both_databases(app) {
        let session = app.sign_in("admin@demo.test").await;
        let reason = json!({ "statusReason": "NotACustomer", "notes": "" });
        let member = json!({ "firstName": "Kari", "lastName": "Holm", "email": "kari@fabrikam.example", "phoneNumber": "" });
        let profile = json!({ "region": "Europe", "locations": [] });
        // What SQLite answers, having found no such row; PostgreSQL refused the text (500).
        let probes = [
            (Method::GET, "/api/v1/referrals/a%00b", Value::Null, "referral-not-found"),
            (Method::PATCH, "/api/v1/referrals/a%00b", json!({}), "referral-not-found"),
            (Method::POST, "/api/v1/referrals/a%00b/accept", support::accept_form(), "referral-not-found"),
            (Method::POST, "/api/v1/referrals/a%00b/decline", reason.clone(), "referral-not-found"),
            (Method::POST, "/api/v1/referrals/a%00b/lost", reason, "referral-not-found"),
            (Method::POST, "/api/v1/referrals/a%00b/won", json!({}), "referral-not-found"),
            (Method::POST, "/api/v1/referrals/a%00b/team", member, "referral-not-found"),
            (Method::PUT, "/api/v1/referrals/a%00b/favorite", Value::Null, "referral-not-found"),
            (Method::DELETE, "/api/v1/referrals/a%00b/favorite", Value::Null, "referral-not-found"),
            (Method::DELETE, "/api/v1/api-keys/%00", Value::Null, "api-key-not-found"),
            (Method::GET, "/api/v1/business-profiles/%00", Value::Null, "business-profile-not-found"),
            (Method::PUT, "/api/v1/business-profiles/%00", profile, "business-profile-not-found"),
            (Method::DELETE, "/api/v1/business-profiles/%00", Value::Null, "business-profile-not-found"),
            (Method::DELETE, "/api/v1/invitations/%00", Value::Null, "invitation-not-found"),
            (Method::POST, "/api/v1/notifications/%00/read", Value::Null, "notification-not-found"),
            (Method::PATCH, "/api/v1/users/%00", json!({ "role": "Viewer" }), "user-not-found"),
            (Method::POST, "/api/v1/users/%00/deactivate", Value::Null, "user-not-found"),
            (Method::POST, "/api/v1/users/%00/reactivate", Value::Null, "user-not-found"),
        ];
        for (method, path, body, code) in probes {
            let mut request = session.request(method.clone(), path).header("if-match", "\"1\"");
            if !body.is_null() {
                request = request.json(&body);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
            let problem: Value = response.json().await.unwrap();
            assert_eq!(problem["code"], code, "{method} {path}");
        }
        // Notification cursors: not one of the user's items.
        for (method, path, code) in [
            (Method::GET, "/api/v1/notifications?before=%00", "notifications-before-unknown"),
            (Method::POST, "/api/v1/notifications/read-all?through=a%00", "notifications-through-unknown"),
        ] {
            let response = session.request(method.clone(), path).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{method} {path}");
            let problem: Value = response.json().await.unwrap();
            assert_eq!(problem["code"], code, "{method} {path}");
        }
        // No account has such an address: the answer of an unknown email.
        let response = app.post_json("/api/v1/session", &json!({ "email": "a\0@b.c", "password": "x" })).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(detail(response).await, "The email address or password is incorrect.");
    }

    async fn text_postgresql_cannot_store_is_the_senders_400_not_a_500(app) {
        let pool = app.pool().await;
        let postgres = pool.acquire().await.unwrap().backend_name() == "PostgreSQL";
        let found = sqlx::query_as::<_, (String,)>("SELECT id FROM referrals WHERE id = $1")
            .bind("a\0b")
            .fetch_optional(&pool)
            .await;
        match found {
            Ok(row) => assert!(!postgres && row.is_none(), "SQLite finds nothing: {row:?}"),
            Err(refused) => {
                assert!(postgres, "only PostgreSQL refuses the text: {refused}");
                let error = referral_desk_server::error::AppError::from(refused);
                assert_eq!(error.status(), StatusCode::BAD_REQUEST, "{error}");
                assert_eq!(error.explanation().code, "malformed-body");
                assert!(error.to_string().contains("U+0000"), "{error}");
            }
        }
    }

    async fn health_and_metrics_answer(app) {
        assert_eq!(app.get("/health/live").await.status(), StatusCode::OK);
        let ready = app.get("/health/ready").await;
        assert_eq!(ready.status(), StatusCode::OK);
        assert_eq!(ready.json::<Value>().await.unwrap()["status"], "ready");
        let session = app.sign_in("viewer@demo.test").await;
        session.get("/api/v1/me").await;
        let metrics = app.get("/metrics").await.text().await.unwrap();
        assert!(metrics.contains("rd_http_requests_total{route=\"/api/v1/me\",method=\"GET\",status=\"200\"} 1"), "{metrics}");
        assert!(metrics.contains("rd_http_request_duration_seconds_bucket{route=\"/api/v1/me\""));
        for gauge in ["rd_db_pool_connections", "rd_export_slots_in_use 0", "rd_job_runs_total"] {
            assert!(metrics.contains(gauge), "{gauge}");
        }
    }
}
