//! Accounts, roles, tenant isolation and the referral actions with their
//! concurrency and idempotency guarantees — each case on SQLite and PostgreSQL.

mod support;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::Session;
use support::accept_form;

/// An Inbox referral that awaits an answer (not informational, not overdue).
async fn inbox_referral(session: &Session) -> Value {
    session
        .first("stage=Inbox&callToAction=ContactMe&sort=created&dir=desc&limit=1000")
        .await
}

fn path(referral: &Value, action: &str) -> String {
    format!(
        "/api/v1/referrals/{}/{action}",
        referral["id"].as_str().unwrap()
    )
}

fn etag(referral: &Value) -> String {
    referral["eTag"].as_str().unwrap().to_owned()
}

async fn problem(response: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    response.json().await.unwrap()
}

backend_tests! {
    async fn signing_in_sets_an_http_only_strict_cookie_and_me_tells_who(app) {
        let response = app.post_json("/api/v1/session", &json!({ "email": "Referrals@Demo.test ", "password": "demo-password" })).await;
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(cookie.starts_with("rd_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
        assert!(!cookie.contains("Secure"), "plain HTTP on loopback: {cookie}");
        // Beside it, a hint the app's script can read: a session may exist, so ask who.
        let hint = |response: &reqwest::Response| {
            response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find(|v| v.starts_with("rd_signed_in=")).map(str::to_owned)
        };
        let given = hint(&response).expect("a signed-in hint");
        assert!(given.starts_with("rd_signed_in=1;") && !given.contains("HttpOnly") && given.contains("SameSite=Strict"), "{given}");
        let session = app.sign_in("referrals@demo.test").await;
        // Each answer of /me renews it (a session from before the hint gets one too).
        let answer = session.get("/api/v1/me").await;
        assert!(hint(&answer).is_some_and(|renewed| renewed.starts_with("rd_signed_in=1;")));
        let me = session.get_json("/api/v1/me").await;
        assert_eq!(me["user"]["email"], "referrals@demo.test");
        assert_eq!(me["organisation"]["name"], "Fabrikam Consulting (demo)");
        assert_eq!(me["role"], "ReferralsAdmin");
        assert_eq!(me["roleLabel"], "Referrals admin");
    }

    async fn the_cookie_is_secure_behind_https(app) {
        let response = app.client.post(app.url("/api/v1/session")).header("x-forwarded-proto", "https")
            .json(&json!({ "email": "viewer@demo.test", "password": "demo-password" })).send().await.unwrap();
        assert!(response.headers()["set-cookie"].to_str().unwrap().ends_with("; Secure"));
    }

    async fn a_wrong_password_is_refused_and_repeated_failures_are_throttled(app) {
        for _ in 0..5 {
            let response = app.post_json("/api/v1/session", &json!({ "email": "user@demo.test", "password": "guess" })).await;
            let body = problem(response, StatusCode::UNAUTHORIZED).await;
            assert_eq!(body["detail"], "The email address or password is incorrect.");
        }
        let response = app.post_json("/api/v1/session", &json!({ "email": "user@demo.test", "password": "demo-password" })).await;
        assert!(response.headers().contains_key("retry-after"));
        let body = problem(response, StatusCode::TOO_MANY_REQUESTS).await;
        assert!(body["detail"].as_str().unwrap().starts_with("Too many failed sign-ins"));
        // Another account is not affected.
        app.sign_in("viewer@demo.test").await;
    }

    async fn unknown_emails_get_the_same_answer_as_wrong_passwords(app) {
        let response = app.post_json("/api/v1/session", &json!({ "email": "nobody@demo.test", "password": "x" })).await;
        assert_eq!(problem(response, StatusCode::UNAUTHORIZED).await["detail"], "The email address or password is incorrect.");
    }

    async fn without_a_session_the_api_answers_401(app) {
        for path in ["/api/v1/me", "/api/v1/referrals", "/api/v1/referrals/5eed0000-0000-4000-8000-000000000000"] {
            let body = problem(app.get(path).await, StatusCode::UNAUTHORIZED).await;
            assert_eq!(body["detail"], "Sign in to continue.", "{path}");
        }
    }

    async fn signing_out_ends_the_session(app) {
        let session = app.sign_in("viewer@demo.test").await;
        let response = session.request(Method::DELETE, "/api/v1/session").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let cleared: Vec<&str> = response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
        for name in ["rd_session=;", "rd_signed_in=;"] {
            assert!(cleared.iter().any(|c| c.starts_with(name) && c.contains("Max-Age=0")), "{name} in {cleared:?}");
        }
        assert_eq!(session.get("/api/v1/me").await.status(), StatusCode::UNAUTHORIZED);
    }

    async fn changes_without_the_csrf_token_are_refused(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let response = app.client.post(app.url(&path(&referral, "accept")))
            .header("cookie", &session.cookie).header("if-match", format!("\"{}\"", etag(&referral)))
            .json(&accept_form()).send().await.unwrap();
        let body = problem(response, StatusCode::FORBIDDEN).await;
        assert!(body["detail"].as_str().unwrap().contains("anti-forgery token"));
        let unchanged = session.get_json(&format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap())).await;
        assert_eq!(unchanged["status"], "New");
    }

    async fn a_role_taken_away_while_an_action_waits_for_its_turn_holds(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let pool = app.pool().await;
        let (organisation_id,): (String,) = sqlx::query_as("SELECT organisation_id FROM users WHERE email = 'referrals@demo.test'")
            .fetch_one(&pool)
            .await
            .unwrap();
        // A partner admin's change holds the organisation's writers…
        let mut admin = pool.begin().await.unwrap();
        sqlx::query("UPDATE organisations SET last_change = last_change WHERE id = $1")
            .bind(&organisation_id)
            .execute(&mut *admin)
            .await
            .unwrap();
        // …while the user's accept (signed in as a Referrals user) waits for its turn; the
        // change makes them a Viewer and commits.
        let demotion = async {
            // Once the accept waits for its turn.
            support::until_a_request_waits_for_a_lock(&pool).await;
            sqlx::query("UPDATE users SET role = 'Viewer' WHERE email = 'referrals@demo.test'")
                .execute(&mut *admin)
                .await
                .unwrap();
            admin.commit().await.unwrap();
        };
        let (accept_path, version, form) = (path(&referral, "accept"), etag(&referral), accept_form());
        let (response, ()) = tokio::join!(session.act(&accept_path, &version, &form), demotion);
        problem(response, StatusCode::FORBIDDEN).await;
        let unchanged = session.get_json(&format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap())).await;
        assert_eq!(unchanged["status"], "New", "the role as it is when the action gets its turn decides");
    }

    async fn accepting_with_if_match_moves_the_referral_to_accepted(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let id = referral["id"].as_str().unwrap();
        let response = session.act(&path(&referral, "accept"), &etag(&referral), &accept_form()).await;
        assert_eq!(response.status(), StatusCode::OK);
        let new_etag = response.headers()["etag"].to_str().unwrap().to_owned();
        let accepted: Value = response.json().await.unwrap();
        assert_eq!(accepted["status"], "Active");
        assert_eq!(accepted["substatus"], "Accepted");
        assert_eq!(accepted["details"]["dealValue"], "48000.00");
        assert_eq!(accepted["externalReferenceId"], "CRM-1001");
        assert_eq!(new_etag, format!("\"{}\"", accepted["eTag"].as_str().unwrap()));
        assert_ne!(accepted["eTag"], referral["eTag"]);
        let history = accepted["statusHistory"].as_array().unwrap();
        assert_eq!(history.last().unwrap()["substatus"], "Accepted");
        assert_eq!(history.last().unwrap()["by"]["name"], "Rhea Reyes");
        let listed = session.get_json("/api/v1/referrals?stage=Accepted&limit=1000").await;
        assert!(listed.as_array().unwrap().iter().any(|r| r["id"] == id));
        let detail = session.get(&format!("/api/v1/referrals/{id}")).await;
        assert_eq!(detail.headers()["etag"].to_str().unwrap(), new_etag);
    }

    async fn a_stale_or_missing_if_match_changes_nothing(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let missing = session.request(Method::POST, &path(&referral, "accept")).json(&accept_form()).send().await.unwrap();
        assert!(problem(missing, StatusCode::PRECONDITION_REQUIRED).await["detail"].as_str().unwrap().contains("If-Match"));
        assert_eq!(session.act(&path(&referral, "accept"), &etag(&referral), &accept_form()).await.status(), StatusCode::OK);
        // The same accept with the version seen before: someone changed it meanwhile.
        let stale = session.act(&path(&referral, "accept"), &etag(&referral), &accept_form()).await;
        let body = problem(stale, StatusCode::PRECONDITION_FAILED).await;
        assert_eq!(body["current"]["status"], "Active", "the current representation comes along");
    }

    async fn a_request_without_if_match_is_not_remembered_under_its_idempotency_key(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let accept = |if_match: Option<&str>, key: &str| {
            let request = session.request(Method::POST, &path(&referral, "accept")).header("idempotency-key", key).json(&accept_form());
            match if_match {
                Some(value) => request.header("if-match", value),
                None => request,
            }
        };
        for if_match in [None, Some("")] {
            let refused = accept(if_match, "accept-after-428").send().await.unwrap();
            problem(refused, StatusCode::PRECONDITION_REQUIRED).await;
        }
        let current = format!("\"{}\"", etag(&referral));
        let retried = accept(Some(&current), "accept-after-428").send().await.unwrap();
        assert_eq!(retried.status(), StatusCode::OK, "the retry with If-Match runs, not a replay of the 428");
        // A header that names no version matches none: nor does `*`, which would let the
        // change overwrite whatever a colleague made.
        let nameless = accept(Some("\"\""), "accept-nameless").send().await.unwrap();
        assert_eq!(problem(nameless, StatusCode::PRECONDITION_FAILED).await["current"]["status"], "Active");
        let any = accept(Some("*"), "accept-any").send().await.unwrap();
        assert_eq!(problem(any, StatusCode::PRECONDITION_FAILED).await["current"]["status"], "Active");
        // A key is 1 to 255 visible ASCII characters, as the OpenAPI document says.
        let spaced = accept(Some(&current), "two words").send().await.unwrap();
        assert!(problem(spaced, StatusCode::BAD_REQUEST).await["detail"].as_str().unwrap().contains("Idempotency-Key"));
    }

    async fn invalid_input_answers_422_per_field_and_stores_nothing(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let mut form = accept_form();
        form["dealValue"] = json!("-5");
        form["currency"] = json!("EURO");
        form["name"] = json!("");
        form["team"] = json!([]);
        let body = problem(session.act(&path(&referral, "accept"), &etag(&referral), &form).await, StatusCode::UNPROCESSABLE_ENTITY).await;
        let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        for field in ["name", "details.dealValue", "details.currency", "team"] {
            assert!(fields.iter().any(|f| f.starts_with(field)), "{field} missing from {fields:?}");
        }
        let unchanged = session.get_json(&format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap())).await;
        assert_eq!(unchanged["eTag"], referral["eTag"]);
    }

    async fn malformed_bodies_answer_problems_too(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let url = path(&referral, "accept");
        let send = |body: &'static str, content_type: &'static str| {
            session.request(Method::POST, &url).header("if-match", format!("\"{}\"", etag(&referral)))
                .header("content-type", content_type).body(body).send()
        };
        problem(send("{not json", "application/json").await.unwrap(), StatusCode::BAD_REQUEST).await;
        problem(send("{}", "text/plain").await.unwrap(), StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
        problem(send(r#"{"name": 5}"#, "application/json").await.unwrap(), StatusCode::BAD_REQUEST).await;
        let huge = json!({ "name": "x".repeat(1_000_000) });
        let response = session.request(Method::POST, &url).header("if-match", format!("\"{}\"", etag(&referral))).json(&huge).send().await.unwrap();
        problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;
        // A long but acceptable-size name with markup and SQL is refused by the rules, stored as nothing.
        let mut form = accept_form();
        form["name"] = json!(format!("<script>alert(1)</script>'; DROP TABLE referrals; --{}", "x".repeat(300)));
        let body = problem(session.act(&url, &etag(&referral), &form).await, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(body["errors"][0]["message"].as_str().unwrap().contains("at most 200 characters"));
        assert_eq!(session.get_json("/api/v1/referrals?limit=1").await.as_array().unwrap().len(), 1, "the table is still there");
    }

    async fn decline_needs_notes_for_others_and_archives_as_declined(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let without_notes = session.act(&path(&referral, "decline"), &etag(&referral), &json!({ "statusReason": "Others", "notes": "" })).await;
        let body = problem(without_notes, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["field"], "statusReasonNotes");
        assert!(body["errors"][0]["message"].as_str().unwrap().contains("Notes"), "{body}");
        let declined = session.act(&path(&referral, "decline"), &etag(&referral), &json!({ "statusReason": "NotACustomer", "notes": "" })).await;
        assert_eq!(declined.status(), StatusCode::OK);
        let declined: Value = declined.json().await.unwrap();
        assert_eq!((declined["status"].as_str(), declined["substatus"].as_str()), (Some("Closed"), Some("Declined")));
        // Terminal means terminal.
        let again = session.act(&path(&declined, "accept"), &etag(&declined), &accept_form()).await;
        assert!(problem(again, StatusCode::CONFLICT).await["detail"].as_str().unwrap().contains("archived"));
    }

    async fn a_replayed_idempotency_key_returns_the_first_answer_and_applies_once(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let send = |body: Value| {
            session.request(Method::POST, &path(&referral, "accept")).header("if-match", format!("\"{}\"", etag(&referral)))
                .header("idempotency-key", "accept-once-1").json(&body).send()
        };
        let first = send(accept_form()).await.unwrap();
        assert_eq!(first.status(), StatusCode::OK);
        let first_etag = first.headers()["etag"].clone();
        let first_body: Value = first.json().await.unwrap();
        let replay = send(accept_form()).await.unwrap();
        assert_eq!(replay.status(), StatusCode::OK, "a replay is not a stale write");
        assert_eq!(replay.headers()["etag"], first_etag);
        assert_eq!(replay.headers()["idempotent-replayed"], "true");
        assert_eq!(replay.json::<Value>().await.unwrap(), first_body);
        let stored = session.get_json(&format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap())).await;
        assert_eq!(stored["eTag"], first_body["eTag"], "applied once");
        let mut other = accept_form();
        other["dealValue"] = json!("1.00");
        let reused = send(other).await.unwrap();
        assert!(problem(reused, StatusCode::UNPROCESSABLE_ENTITY).await["detail"].as_str().unwrap().contains("Idempotency-Key"));
    }

    async fn two_concurrent_requests_with_one_key_apply_once(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let send = || {
            session.request(Method::POST, &path(&referral, "accept")).header("if-match", format!("\"{}\"", etag(&referral)))
                .header("idempotency-key", "concurrent-1").json(&accept_form()).send()
        };
        let (a, b) = tokio::join!(send(), send());
        let statuses = [a.unwrap().status(), b.unwrap().status()];
        assert!(statuses.contains(&StatusCode::OK), "{statuses:?}");
        assert!(statuses.iter().all(|s| [StatusCode::OK, StatusCode::CONFLICT].contains(s)), "{statuses:?}");
        let stored = session.get_json(&format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap())).await;
        let version: u64 = stored["eTag"].as_str().unwrap().parse().unwrap();
        let before: u64 = etag(&referral).parse().unwrap();
        assert_eq!(version, before + 1, "exactly one write");
    }

    async fn roles_decide_who_may_act(app) {
        let admin = app.sign_in("referrals@demo.test").await;
        let inbox = admin.get_json("/api/v1/referrals?stage=Inbox&callToAction=ContactMe&limit=1000").await;
        let on_team = |r: &&Value| r["team"].as_array().unwrap().iter().any(|m| m["email"] == "user@demo.test");
        let inbox = inbox.as_array().unwrap();
        let team_referral = inbox.iter().find(on_team).cloned().expect("the Referrals user is on some Inbox referrals");
        let other_referral = inbox.iter().find(|r| !on_team(r)).cloned().expect("and not on others");
        for (email, referral, expected) in [
            ("viewer@demo.test", &team_referral, StatusCode::FORBIDDEN),
            ("profile@demo.test", &team_referral, StatusCode::FORBIDDEN),
            ("user@demo.test", &other_referral, StatusCode::FORBIDDEN),
            ("user@demo.test", &team_referral, StatusCode::OK),
        ] {
            let session = app.sign_in(email).await;
            let decline = json!({ "statusReason": "CustomerDidNotRespond", "notes": "" });
            let response = session.act(&path(referral, "decline"), &etag(referral), &decline).await;
            assert_eq!(response.status(), expected, "{email} declining {}", referral["id"]);
        }
        let admin_decline = admin.act(&path(&other_referral, "decline"), &etag(&other_referral), &json!({ "statusReason": "NotACustomer" })).await;
        assert_eq!(admin_decline.status(), StatusCode::OK, "a partner admin may act on any referral");
    }

    async fn another_organisations_referral_is_a_404_everywhere(app) {
        let ours = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&ours).await;
        let id = referral["id"].as_str().unwrap();
        let rival = app.sign_in("admin@rival.test").await;
        assert_eq!(rival.get(&format!("/api/v1/referrals/{id}")).await.status(), StatusCode::NOT_FOUND);
        for action in ["accept", "decline", "won", "lost", "team"] {
            let response = rival.act(&path(&referral, action), &etag(&referral), &accept_form()).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{action}");
        }
        let patch = rival.request(Method::PATCH, &format!("/api/v1/referrals/{id}")).header("if-match", "\"1\"").json(&accept_form()).send().await.unwrap();
        assert_eq!(patch.status(), StatusCode::NOT_FOUND);
        for method in [Method::PUT, Method::DELETE] {
            let response = rival.request(method.clone(), &format!("/api/v1/referrals/{id}/favorite")).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} favorite");
        }
        let rival_list = rival.get_json("/api/v1/referrals?limit=1000").await;
        assert!(!rival_list.as_array().unwrap().is_empty());
        assert!(rival_list.as_array().unwrap().iter().all(|r| r["id"] != id));
        let ours_after = ours.get_json(&format!("/api/v1/referrals/{id}")).await;
        assert_eq!(ours_after["eTag"], referral["eTag"], "nothing the rival sent changed it");
    }

    async fn favorites_are_per_user(app) {
        let admin = app.sign_in("referrals@demo.test").await;
        let viewer = app.sign_in("viewer@demo.test").await;
        let referral = inbox_referral(&admin).await;
        let id = referral["id"].as_str().unwrap();
        assert_eq!(admin.request(Method::PUT, &format!("/api/v1/referrals/{id}/favorite")).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(admin.request(Method::PUT, &format!("/api/v1/referrals/{id}/favorite")).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(admin.get_json(&format!("/api/v1/referrals/{id}")).await["favorite"], true);
        assert_eq!(viewer.get_json(&format!("/api/v1/referrals/{id}")).await["favorite"], false);
        let favorites = admin.get_json("/api/v1/referrals?favorites=only").await;
        assert_eq!(favorites.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect::<Vec<_>>(), vec![id]);
        admin.request(Method::DELETE, &format!("/api/v1/referrals/{id}/favorite")).send().await.unwrap();
        assert!(admin.get_json("/api/v1/referrals?favorites=only").await.as_array().unwrap().is_empty());
    }

    async fn lists_filter_and_page_with_a_total_and_a_next_link(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let all = session.get_json("/api/v1/referrals?stage=Inbox&limit=1000").await;
        let all: Vec<&str> = all.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert!(all.len() > 10);
        let mut seen = Vec::new();
        let mut next = Some("/api/v1/referrals?stage=Inbox&limit=4".to_owned());
        while let Some(url) = next.take() {
            let response = session.get(&url).await;
            assert_eq!(response.status(), StatusCode::OK);
            assert_eq!(response.headers()["x-total-count"].to_str().unwrap(), all.len().to_string());
            next = response.headers().get("link").map(|link| {
                let link = link.to_str().unwrap();
                assert!(link.ends_with("rel=\"next\""), "{link}");
                link[1..link.find('>').unwrap()].to_owned()
            });
            let page: Vec<Value> = response.json().await.unwrap();
            assert!(page.len() <= 4);
            seen.extend(page.into_iter().map(|r| r["id"].as_str().unwrap().to_owned()));
        }
        assert_eq!(seen, all, "the pages together are the whole list, in order, without repeats");
    }

    async fn bad_filter_values_name_the_parameter(app) {
        let session = app.sign_in("referrals@demo.test").await;
        for (query, words) in [
            ("leadSource=Bing", "leadSource"),
            ("country=XX", "country"),
            ("sort=price", "sort"),
            ("limit=0", "limit"),
            ("limit=abc", "limit"),
            ("favorites=maybe", "favorites"),
        ] {
            let body = problem(session.get(&format!("/api/v1/referrals?{query}")).await, StatusCode::BAD_REQUEST).await;
            assert!(body["detail"].as_str().unwrap().contains(words), "{query}: {body}");
        }
    }

    async fn the_openapi_document_lists_every_route(app) {
        let response = app.get("/api/v1/openapi.json").await;
        assert_eq!(response.status(), StatusCode::OK);
        let document: Value = response.json().await.unwrap();
        assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
        let expected = [
            ("post", "/api/v1/session"), ("delete", "/api/v1/session"), ("get", "/api/v1/me"), ("put", "/api/v1/me/locale"), ("get", "/api/v1/insights"), ("get", "/api/v1/users"), ("patch", "/api/v1/users/{id}"), ("get", "/api/v1/exchange-rates"),
            ("get", "/api/v1/referrals"), ("get", "/api/v1/referrals/export.csv"), ("get", "/api/v1/referrals/{id}"), ("patch", "/api/v1/referrals/{id}"),
            ("post", "/api/v1/referrals/{id}/accept"), ("post", "/api/v1/referrals/{id}/decline"),
            ("post", "/api/v1/referrals/{id}/won"), ("post", "/api/v1/referrals/{id}/lost"),
            ("post", "/api/v1/referrals/{id}/team"), ("put", "/api/v1/referrals/{id}/favorite"),
            ("delete", "/api/v1/referrals/{id}/favorite"), ("get", "/api/v1/openapi.json"),
            ("get", "/api/v1/sync"), ("get", "/api/v1/sync/events"),
            ("put", "/api/v1/me/notification-email"),
            ("post", "/api/v1/api-keys"), ("get", "/api/v1/api-keys"), ("delete", "/api/v1/api-keys/{id}"),
            ("post", "/api/v1/ingest/referrals"), ("post", "/api/v1/ingest/marketplace-leads"),
            ("get", "/api/v1/notifications"), ("post", "/api/v1/notifications/{id}/read"), ("post", "/api/v1/notifications/read-all"),
            ("get", "/api/v1/business-profiles"), ("post", "/api/v1/business-profiles"),
            ("get", "/api/v1/business-profiles/{id}"), ("put", "/api/v1/business-profiles/{id}"), ("delete", "/api/v1/business-profiles/{id}"),
            ("put", "/api/v1/me/password"), ("get", "/api/v1/people"), ("post", "/api/v1/invitations"), ("delete", "/api/v1/invitations/{id}"),
            ("get", "/api/v1/invitation-links/{token}"), ("post", "/api/v1/invitation-links/{token}/accept"),
            ("post", "/api/v1/users/{id}/deactivate"), ("post", "/api/v1/users/{id}/reactivate"),
        ];
        let paths = document["paths"].as_object().unwrap();
        let documented: usize = paths.values().map(|item| item.as_object().unwrap().len()).sum();
        for (method, path) in expected {
            assert!(paths.get(path).and_then(|item| item.get(method)).is_some(), "{method} {path} is not documented");
        }
        assert_eq!(documented, expected.len(), "every documented operation is expected here: {paths:?}");
        let operation_ids: Vec<&str> = paths.values().flat_map(|item| item.as_object().unwrap().values()).filter_map(|op| op["operationId"].as_str()).collect();
        let unique: std::collections::BTreeSet<&&str> = operation_ids.iter().collect();
        assert_eq!(unique.len(), operation_ids.len(), "operation ids are unique: {operation_ids:?}");
        // And every documented route is really served (never the app shell or a 404).
        for (method, path) in expected {
            let url = app.url(&path.replace("{id}", "no-such-referral").replace("{token}", "no-such-token"));
            let method: Method = method.to_uppercase().parse().unwrap();
            let response = app.client.request(method.clone(), url).send().await.unwrap();
            assert!(![StatusCode::NOT_FOUND, StatusCode::METHOD_NOT_ALLOWED].contains(&response.status()) || path.contains("{id}") || path.contains("{token}"),
                "{method} {path} answered {}", response.status());
            assert_ne!(response.headers()["content-type"], "text/html; charset=utf-8", "{method} {path}");
        }
    }

    async fn bad_input_answers_4xx_problems_and_changes_nothing(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let id = referral["id"].as_str().unwrap();
        let with = |field: &str, value: Value| {
            let mut form = accept_form();
            form[field] = value;
            form
        };
        let table: Vec<(&str, &str, Value, StatusCode)> = vec![
            ("deal value of the wrong type", "accept", with("dealValue", json!(48000)), StatusCode::BAD_REQUEST),
            ("team of the wrong type", "accept", with("team", json!("Rhea")), StatusCode::BAD_REQUEST),
            ("negative deal value", "accept", with("dealValue", json!("-1")), StatusCode::UNPROCESSABLE_ENTITY),
            ("absurd deal value", "accept", with("dealValue", json!("9".repeat(40))), StatusCode::UNPROCESSABLE_ENTITY),
            ("words for a deal value", "accept", with("dealValue", json!("lots")), StatusCode::UNPROCESSABLE_ENTITY),
            ("unknown currency", "accept", with("currency", json!("XYZ")), StatusCode::UNPROCESSABLE_ENTITY),
            ("impossible date", "accept", with("closingDate", json!("2026-13-45")), StatusCode::UNPROCESSABLE_ENTITY),
            ("closing date in the past", "accept", with("closingDate", json!("1999-01-01")), StatusCode::UNPROCESSABLE_ENTITY),
            ("team member without email", "accept", with("team", json!([{ "firstName": "A", "lastName": "B" }])), StatusCode::UNPROCESSABLE_ENTITY),
            ("bad team email", "accept", with("team", json!([{ "firstName": "A", "lastName": "B", "email": "not-an-email" }])), StatusCode::UNPROCESSABLE_ENTITY),
            ("unknown decline reason", "decline", json!({ "statusReason": "Bribery" }), StatusCode::UNPROCESSABLE_ENTITY),
            ("notes over 5,000 characters", "decline", json!({ "statusReason": "Others", "notes": "n".repeat(5_001) }), StatusCode::UNPROCESSABLE_ENTITY),
            ("a JSON array instead of an object", "accept", json!([1, 2]), StatusCode::BAD_REQUEST),
            ("lost before accepting", "lost", json!({ "statusReason": "NotACustomer" }), StatusCode::CONFLICT),
        ];
        for (case, action, body, status) in table {
            let response = session.act(&path(&referral, action), &etag(&referral), &body).await;
            assert_eq!(response.status(), status, "{case}");
            assert_eq!(response.headers()["content-type"], "application/problem+json", "{case}");
            let problem: Value = response.json().await.unwrap();
            assert!(!problem["detail"].as_str().unwrap_or_default().is_empty(), "{case}: a specific message");
        }
        let after = session.get_json(&format!("/api/v1/referrals/{id}")).await;
        assert_eq!(after, session.get_json(&format!("/api/v1/referrals/{id}")).await);
        assert_eq!(after["eTag"], referral["eTag"], "nothing was stored");
        assert_eq!(after["status"], "New");
    }

    async fn markup_and_sql_in_text_are_stored_as_plain_text(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let text = "<script>alert('x')</script> \"; DROP TABLE referrals; --";
        let mut form = accept_form();
        form["name"] = json!(text);
        form["notes"] = json!(text);
        form["externalReferenceId"] = json!("<img src=x onerror=alert(1)>");
        let response = session.act(&path(&referral, "accept"), &etag(&referral), &form).await;
        assert_eq!(response.status(), StatusCode::OK);
        let stored = session.get_json(&format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap())).await;
        assert_eq!(stored["name"], text, "kept verbatim; the app renders it as text");
        assert_eq!(stored["details"]["notes"], text);
        assert_eq!(stored["externalReferenceId"], "<img src=x onerror=alert(1)>");
        assert!(session.get_json("/api/v1/referrals?limit=1000").await.as_array().unwrap().len() > 100, "the table is intact");
    }

    async fn with_a_euro_rate_an_eligible_euro_deal_must_be_registered_to_be_won(app) {
        app.config_mut().usd_rates = "EUR=1.10".parse().unwrap();
        app.start().await;
        let session = app.sign_in("admin@demo.test").await;
        assert_eq!(session.get_json("/api/v1/exchange-rates").await, json!({ "EUR": "1.10" }));
        let inbox = session.get_json("/api/v1/referrals?stage=Inbox&callToAction=ContactMe&limit=1000").await;
        let lead = inbox
            .as_array()
            .unwrap()
            .iter()
            .find(|r| !r["details"]["requirements"]["solutions"].as_array().unwrap().is_empty())
            .expect("a demo lead with an eligible solution");
        // EUR 48,000 at 1.10 is USD 52,800: eligible.
        let accepted: Value = session.act(&path(lead, "accept"), &etag(lead), &accept_form()).await.json().await.unwrap();
        let refused = session.act(&path(&accepted, "won"), &etag(&accepted), &json!({})).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = refused.json().await.unwrap();
        assert_eq!(body["errors"][0]["field"], "dealRegistration", "{body}");
    }

    async fn the_list_sees_a_change_another_server_stored_at_the_next_request(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let count = |list: Value| list.as_array().unwrap().len();
        let before = count(session.get_json("/api/v1/referrals?limit=1000").await);
        // Served twice: the second answer comes from the kept list.
        assert_eq!(count(session.get_json("/api/v1/referrals?limit=1000").await), before);
        // Another instance sharing the database stores a referral.
        let pool = app.pool().await;
        let mut extra = referral_desk_server::demo::referrals(chrono::Utc::now(), 0).remove(0);
        extra.id = "stored-by-another-server".into();
        referral_desk_server::db::referrals::insert_many(&pool, referral_desk_server::demo::ORGANISATION_ID, [&extra])
            .await
            .unwrap();
        let after = session.get_json("/api/v1/referrals?limit=1000").await;
        assert_eq!(count(after.clone()), before + 1);
        assert!(after.as_array().unwrap().iter().any(|r| r["id"] == "stored-by-another-server"));
    }

    async fn an_accepted_deal_is_edited_staffed_and_won_or_lost(app) {
        let session = app.sign_in("admin@demo.test").await;
        let inbox = session.get_json("/api/v1/referrals?stage=Inbox&callToAction=ContactMe&limit=1000").await;
        let inbox = inbox.as_array().unwrap();
        let (first, second) = (&inbox[0], &inbox[1]);
        let accepted: Value = session.act(&path(first, "accept"), &etag(first), &accept_form()).await.json().await.unwrap();

        let mut edit = accept_form();
        edit["name"] = json!("Contoso – field service, phase 2");
        edit["dealValue"] = json!("52000");
        let id = accepted["id"].as_str().unwrap();
        let edited = session.request(Method::PATCH, &format!("/api/v1/referrals/{id}"))
            .header("if-match", format!("\"{}\"", etag(&accepted))).json(&edit).send().await.unwrap();
        assert_eq!(edited.status(), StatusCode::OK);
        let edited: Value = edited.json().await.unwrap();
        assert_eq!(edited["name"], "Contoso – field service, phase 2");
        assert_eq!(edited["details"]["dealValue"], "52000");
        assert_eq!(edited["substatus"], "Accepted", "an edit stays Accepted");

        let employee = json!({ "firstName": "Umar", "lastName": "Usman", "email": "user@demo.test", "phoneNumber": "+49 30 901820" });
        let staffed = session.act(&path(&edited, "team"), &etag(&edited), &employee).await;
        assert_eq!(staffed.status(), StatusCode::OK);
        let staffed: Value = staffed.json().await.unwrap();
        assert!(staffed["team"].as_array().unwrap().iter().any(|m| m["email"] == "user@demo.test"));

        // EUR without an exchange rate: registration is optional, so won needs nothing more.
        let won = session.act(&path(&staffed, "won"), &etag(&staffed), &json!({})).await;
        assert_eq!(won.status(), StatusCode::OK);
        let won: Value = won.json().await.unwrap();
        assert_eq!((won["status"].as_str(), won["substatus"].as_str()), (Some("Closed"), Some("Won")));
        assert!(won["closedDateTime"].is_string());

        let accepted: Value = session.act(&path(second, "accept"), &etag(second), &accept_form()).await.json().await.unwrap();
        let lost = session.act(&path(&accepted, "lost"), &etag(&accepted), &json!({ "statusReason": "CustomerChoseAnotherVendor", "notes": "Went with the incumbent." })).await;
        assert_eq!(lost.status(), StatusCode::OK);
        let lost: Value = lost.json().await.unwrap();
        assert_eq!(lost["substatus"], "Lost");
        assert_eq!(lost["statusReason"], "Customer chose another vendor");
    }

    async fn every_role_is_held_to_its_actions(app) {
        let admin = app.sign_in("referrals@demo.test").await;
        let all = admin.get_json("/api/v1/referrals?limit=1000").await;
        let all = all.as_array().unwrap();
        let on_team = |r: &Value| r["team"].as_array().unwrap().iter().any(|m| m["email"] == "user@demo.test");
        let awaiting = |r: &Value| r["status"] == "New" && r["callToAction"] == "ContactMe";
        let inbox_other = all.iter().find(|r| awaiting(r) && !on_team(r)).unwrap();
        let accepted_other = all.iter().find(|r| r["status"] == "Active" && !on_team(r)).unwrap();
        let actions: [(&str, &Value); 6] = [
            ("accept", inbox_other), ("decline", inbox_other), ("won", accepted_other),
            ("lost", accepted_other), ("team", accepted_other), ("edit", accepted_other),
        ];
        for email in ["viewer@demo.test", "profile@demo.test", "user@demo.test"] {
            let session = app.sign_in(email).await;
            for (action, referral) in actions {
                let body = json!({ "statusReason": "NotACustomer" });
                let response = if action == "edit" {
                    session.request(Method::PATCH, &format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap()))
                        .header("if-match", format!("\"{}\"", etag(referral))).json(&body).send().await.unwrap()
                } else {
                    session.act(&path(referral, action), &etag(referral), &body).await
                };
                let problem = problem(response, StatusCode::FORBIDDEN).await;
                assert!(problem["detail"].as_str().unwrap().contains("view") || problem["detail"].as_str().unwrap().contains("team"), "{email} {action}: {problem}");
            }
            // Every role may still read and heart.
            assert_eq!(session.get(&format!("/api/v1/referrals/{}", inbox_other["id"].as_str().unwrap())).await.status(), StatusCode::OK);
        }
        for (id, before) in [(inbox_other, inbox_other), (accepted_other, accepted_other)] {
            let after = admin.get_json(&format!("/api/v1/referrals/{}", id["id"].as_str().unwrap())).await;
            assert_eq!(after["eTag"], before["eTag"], "refused actions changed nothing");
        }
    }

    async fn eligible_deals_are_won_only_with_a_valid_registration(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let accepted = session.get_json("/api/v1/referrals?stage=Accepted&limit=1000").await;
        let eligible = accepted.as_array().unwrap().iter().find(|r| {
            r["details"]["currency"] == "USD"
                && r["details"]["dealValue"].as_str().is_some_and(|v| v.parse::<f64>().unwrap() >= 25_000.0)
                && !r["details"]["requirements"]["solutions"].as_array().is_none_or(|s| s.is_empty())
        });
        let referral = eligible.cloned().expect("the demo has an accepted USD deal of 25,000 or more with an eligible solution");
        let without = session.act(&path(&referral, "won"), &etag(&referral), &json!({})).await;
        let body = problem(without, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["field"], "dealRegistration", "{body}");

        let today = chrono::Utc::now().date_naive();
        let created = chrono::DateTime::parse_from_rfc3339(referral["createdDateTime"].as_str().unwrap()).unwrap().date_naive();
        let value = referral["details"]["dealValue"].as_str().unwrap();
        let registration = |signed: chrono::NaiveDate| json!({ "dealRegistration": {
            "marketplaceTransaction": false, "marketplaceTransactionDate": "", "deployedOnAzure": true,
            "perpetualContract": false, "totalContractValue": value, "solutionValue": value,
            "contractSignedDate": signed.to_string(), "contractStartDate": today.to_string(),
            "contractEndDate": (today + chrono::Duration::days(365)).to_string(),
            "tenantType": "SingleTenant", "pricingModel": "PerUser"
        }});
        let future = session.act(&path(&referral, "won"), &etag(&referral), &registration(today + chrono::Duration::days(3))).await;
        let body = problem(future, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert!(body["errors"].as_array().unwrap().iter().any(|e| e["field"].as_str().unwrap().contains("contractSignedDate")), "{body}");

        let signed = created.max(today - chrono::Duration::days(10));
        let won = session.act(&path(&referral, "won"), &etag(&referral), &registration(signed)).await;
        assert_eq!(won.status(), StatusCode::OK);
        let won: Value = won.json().await.unwrap();
        assert_eq!(won["substatus"], "Won");
        assert_eq!(won["dealRegistration"]["state"], "Pending");
    }
}
