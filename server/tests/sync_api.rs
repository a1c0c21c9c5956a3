//! The change feed (`GET /api/v1/sync`): each kind of change in it exactly once, cursors
//! that survive restarts and refuse misuse, live events — each case on SQLite and
//! PostgreSQL.

mod support;

use std::collections::HashMap;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::Session;
use support::accept_form;

/// One call of the feed.
async fn sync(session: &Session, since: Option<&str>, limit: usize) -> Value {
    let path = match since {
        Some(cursor) => format!("/api/v1/sync?since={cursor}&limit={limit}"),
        None => format!("/api/v1/sync?limit={limit}"),
    };
    session.get_json(&path).await
}

/// The whole feed from `since` on, page by page: every referral by id (the newest copy),
/// the final cursor, and the number of calls it took.
async fn drain(
    session: &Session,
    since: Option<&str>,
    limit: usize,
) -> (HashMap<String, Value>, String, usize) {
    let mut referrals = HashMap::new();
    let mut cursor = since.map(str::to_owned);
    let mut calls = 0;
    loop {
        let page = sync(session, cursor.as_deref(), limit).await;
        calls += 1;
        assert!(
            page["referrals"].as_array().unwrap().len() <= limit,
            "a page holds at most `limit`"
        );
        for referral in page["referrals"].as_array().unwrap() {
            referrals.insert(
                referral["id"].as_str().unwrap().to_owned(),
                referral.clone(),
            );
        }
        cursor = Some(page["cursor"].as_str().unwrap().to_owned());
        if page["more"] == json!(false) {
            return (referrals, cursor.unwrap(), calls);
        }
        assert!(calls < 10_000, "the feed ends");
    }
}

/// The ids a call of the feed returns after `cursor`, and the next cursor.
async fn changed_since(session: &Session, cursor: &str) -> (Vec<String>, String) {
    let (referrals, cursor, _) = drain(session, Some(cursor), 1000).await;
    let mut ids: Vec<String> = referrals.into_keys().collect();
    ids.sort();
    (ids, cursor)
}

/// Inbox referrals that await an answer and are not due to expire for a while.
async fn answerable(session: &Session) -> Vec<Value> {
    let list = session
        .get_json(
            "/api/v1/referrals?stage=Inbox&callToAction=ContactMe&sort=created&dir=desc&limit=1000",
        )
        .await;
    list.as_array().unwrap().iter().take(40).cloned().collect()
}

fn id(referral: &Value) -> String {
    referral["id"].as_str().unwrap().to_owned()
}

async fn accept(session: &Session, referral: &Value) -> Value {
    let response = session
        .act(
            &format!("/api/v1/referrals/{}/accept", id(referral)),
            referral["eTag"].as_str().unwrap(),
            &accept_form(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn heart(session: &Session, referral_id: &str, on: bool) {
    let method = if on { Method::PUT } else { Method::DELETE };
    let response = session
        .request(method, &format!("/api/v1/referrals/{referral_id}/favorite"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

async fn bad_cursor(session: &Session, cursor: &str) -> String {
    let response = session.get(&format!("/api/v1/sync?since={cursor}")).await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "cursor {cursor:?}"
    );
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = response.json().await.unwrap();
    problem["detail"].as_str().unwrap().to_owned()
}

backend_tests! {
    async fn the_first_sync_hands_out_every_referral_once_in_pages(app) {
        let session = app.sign_in("admin@demo.test").await;
        let listed = session.get_json("/api/v1/referrals?limit=1000").await;
        let (referrals, _, calls) = drain(&session, None, 100).await;
        assert_eq!(referrals.len(), listed.as_array().unwrap().len(), "every referral of the organisation");
        assert!(calls >= referrals.len().div_ceil(100), "in pages of 100: {calls} calls");
        for listed in listed.as_array().unwrap() {
            assert_eq!(&referrals[&id(listed)], listed, "the same document the list serves");
        }
    }

    async fn a_poll_with_nothing_new_is_small_and_returns_nothing(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let (_, cursor, _) = drain(&session, None, 1000).await;
        let response = session.get(&format!("/api/v1/sync?since={cursor}")).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.bytes().await.unwrap();
        assert!(body.len() < 200, "{} bytes: {}", body.len(), String::from_utf8_lossy(&body));
        let page: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(page, json!({ "referrals": [], "removed": [], "cursor": cursor, "more": false }));
    }

    async fn each_action_is_in_the_feed_exactly_once(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let colleague = app.sign_in("admin@demo.test").await;
        let (_, cursor, _) = drain(&session, None, 1000).await;
        let (_, colleague_cursor, _) = drain(&colleague, None, 1000).await;
        let targets = answerable(&session).await;
        let accepted = accept(&session, &targets[0]).await;
        let (changed, cursor) = changed_since(&session, &cursor).await;
        assert_eq!(changed, vec![id(&accepted)]);
        // The colleague sees the same change, as a whole document.
        let (seen, _, _) = drain(&colleague, Some(&colleague_cursor), 1000).await;
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[&id(&accepted)]["substatus"], "Accepted");
        assert_eq!(seen[&id(&accepted)]["eTag"], accepted["eTag"]);
        // The next call with the new cursor returns nothing.
        let (nothing, cursor) = changed_since(&session, &cursor).await;
        assert!(nothing.is_empty(), "{nothing:?}");

        let declined = session
            .act(&format!("/api/v1/referrals/{}/decline", id(&targets[1])), targets[1]["eTag"].as_str().unwrap(),
                &json!({ "statusReason": "NotACustomer" }))
            .await;
        assert_eq!(declined.status(), StatusCode::OK);
        let (changed, cursor) = changed_since(&session, &cursor).await;
        assert_eq!(changed, vec![id(&targets[1])]);

        let edited = session
            .request(Method::PATCH, &format!("/api/v1/referrals/{}", id(&accepted)))
            .header("if-match", format!("\"{}\"", accepted["eTag"].as_str().unwrap()))
            .json(&accept_form())
            .send()
            .await
            .unwrap();
        assert_eq!(edited.status(), StatusCode::OK, "{}", edited.text().await.unwrap());
        let (changed, cursor) = changed_since(&session, &cursor).await;
        assert_eq!(changed, vec![id(&accepted)]);

        // Each further action on the accepted deal is in the feed once: a team member, won.
        let edited: Value = session.get_json(&format!("/api/v1/referrals/{}", id(&accepted))).await;
        let employee = json!({ "firstName": "Umar", "lastName": "Usman", "email": "user@demo.test", "phoneNumber": "+49 30 901820" });
        let staffed = session.act(&format!("/api/v1/referrals/{}/team", id(&edited)), edited["eTag"].as_str().unwrap(), &employee).await;
        assert_eq!(staffed.status(), StatusCode::OK);
        let staffed: Value = staffed.json().await.unwrap();
        let (changed, cursor) = changed_since(&session, &cursor).await;
        assert_eq!(changed, vec![id(&accepted)]);
        let won = session.act(&format!("/api/v1/referrals/{}/won", id(&staffed)), staffed["eTag"].as_str().unwrap(), &json!({})).await;
        assert_eq!(won.status(), StatusCode::OK);
        let (seen, cursor, _) = drain(&session, Some(&cursor), 1000).await;
        assert_eq!(seen.keys().collect::<Vec<_>>(), vec![&id(&accepted)]);
        assert_eq!(seen[&id(&accepted)]["substatus"], "Won");
        let second = accept(&session, &targets[3]).await;
        let (_, cursor) = changed_since(&session, &cursor).await;
        let lost = session.act(&format!("/api/v1/referrals/{}/lost", id(&second)), second["eTag"].as_str().unwrap(),
            &json!({ "statusReason": "CustomerChoseAnotherVendor", "notes": "Went with the incumbent." })).await;
        assert_eq!(lost.status(), StatusCode::OK);
        let (seen, cursor, _) = drain(&session, Some(&cursor), 1000).await;
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[&id(&second)]["substatus"], "Lost");

        // A refused action changes nothing, so it is not in the feed.
        let refused = session
            .act(&format!("/api/v1/referrals/{}/accept", id(&targets[2])), "999", &accept_form())
            .await;
        assert_eq!(refused.status(), StatusCode::PRECONDITION_FAILED);
        let (nothing, _) = changed_since(&session, &cursor).await;
        assert!(nothing.is_empty(), "{nothing:?}");
    }

    async fn a_heart_is_in_its_users_feed_only(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let colleague = app.sign_in("admin@demo.test").await;
        let (_, cursor, _) = drain(&session, None, 1000).await;
        let (_, colleague_cursor, _) = drain(&colleague, None, 1000).await;
        let target = id(&answerable(&session).await[0]);
        heart(&session, &target, true).await;
        let (seen, cursor, _) = drain(&session, Some(&cursor), 1000).await;
        assert_eq!(seen.keys().collect::<Vec<_>>(), vec![&target]);
        assert_eq!(seen[&target]["favorite"], true);
        let (colleague_sees, colleague_cursor, _) = drain(&colleague, Some(&colleague_cursor), 1000).await;
        assert!(colleague_sees.is_empty(), "another user's heart is not theirs");
        // Hearting it again changes nothing; taking it off is a change.
        heart(&session, &target, true).await;
        let (nothing, cursor) = changed_since(&session, &cursor).await;
        assert!(nothing.is_empty());
        heart(&session, &target, false).await;
        let (seen, _, _) = drain(&session, Some(&cursor), 1000).await;
        assert_eq!(seen[&target]["favorite"], false);
        let (colleague_sees, _, _) = drain(&colleague, Some(&colleague_cursor), 1000).await;
        assert!(colleague_sees.is_empty());
    }

    async fn pages_of_one_interleave_writes_and_hearts_without_losing_any(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let (_, cursor, _) = drain(&session, None, 1000).await;
        let targets = answerable(&session).await;
        let (a, c) = (id(&targets[0]), id(&targets[2]));
        heart(&session, &a, true).await;
        let accepted = accept(&session, &targets[1]).await;
        heart(&session, &c, true).await;
        heart(&session, &a, false).await;
        let (seen, _, calls) = drain(&session, Some(&cursor), 1).await;
        assert!(calls >= 3, "one referral a page: {calls} calls");
        assert_eq!(seen.len(), 3, "{:?}", seen.keys());
        assert_eq!(seen[&a]["favorite"], false, "the newest state of A");
        assert_eq!(seen[&id(&accepted)]["substatus"], "Accepted");
        assert_eq!(seen[&c]["favorite"], true);
    }

    async fn a_role_change_tells_only_the_user_whose_role_changed(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let viewer = app.sign_in("viewer@demo.test").await;
        let (_, admin_cursor, _) = drain(&admin, None, 1000).await;
        let (_, viewer_cursor, _) = drain(&viewer, None, 1000).await;
        let users = admin.get_json("/api/v1/users").await;
        let viewer_id = users.as_array().unwrap().iter().find(|u| u["email"] == "viewer@demo.test").unwrap()["id"].as_str().unwrap().to_owned();
        let changed = admin
            .request(Method::PATCH, &format!("/api/v1/users/{viewer_id}"))
            .json(&json!({ "role": "ReferralsAdmin" }))
            .send()
            .await
            .unwrap();
        assert_eq!(changed.status(), StatusCode::OK);
        let page = sync(&viewer, Some(&viewer_cursor), 1000).await;
        assert_eq!(page["me"]["role"], "ReferralsAdmin", "{page}");
        assert_eq!(page["referrals"], json!([]));
        let again = sync(&viewer, page["cursor"].as_str(), 1000).await;
        assert!(again.get("me").is_none(), "told once: {again}");
        let page = sync(&admin, Some(&admin_cursor), 1000).await;
        assert!(page.get("me").is_none(), "{page}");
        assert_eq!(page["referrals"], json!([]));
    }

    async fn a_cursor_survives_a_restart(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let (_, cursor, _) = drain(&session, None, 1000).await;
        let target = answerable(&session).await.remove(0);
        app.start().await;
        let session = session.on(app.address);
        let accepted = accept(&session, &target).await;
        let (changed, _) = changed_since(&session, &cursor).await;
        assert_eq!(changed, vec![id(&accepted)]);
    }

    async fn bad_and_foreign_cursors_are_clear_400s(app) {
        let session = app.sign_in("admin@demo.test").await;
        let rival = app.sign_in("admin@rival.test").await;
        assert!(bad_cursor(&session, "not-a-cursor").await.contains("not one this server gave out"));
        assert!(bad_cursor(&session, "%00%ff").await.contains("not one this server gave out"));
        let (_, rival_cursor, _) = drain(&rival, None, 1000).await;
        assert!(bad_cursor(&session, &rival_cursor).await.contains("another organisation"));
        let response = session.get("/api/v1/sync?limit=0").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let response = session.get("/api/v1/sync?sinse=abc").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "a misspelt parameter is not ignored");
        let response = app.get("/api/v1/sync").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }

    async fn the_event_stream_tells_the_cursor_at_once_and_when_it_moves(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let mut events = session.get("/api/v1/sync/events").await;
        assert_eq!(events.status(), StatusCode::OK);
        assert_eq!(events.headers()["content-type"], "text/event-stream");
        let first = next_event(&mut events).await;
        let (_, cursor, _) = drain(&session, None, 1000).await;
        assert_eq!(first, format!("event: cursor\ndata: {cursor}"));
        let target = answerable(&session).await.remove(0);
        heart(&session, &id(&target), true).await;
        let moved = next_event(&mut events).await;
        let (_, newest, _) = drain(&session, Some(&cursor), 1000).await;
        assert_eq!(moved, format!("event: cursor\ndata: {newest}"));
    }

    async fn a_change_through_another_instance_reaches_this_ones_stream(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let other = session.on(app.start_another().await);
        let mut events = session.get("/api/v1/sync/events").await;
        next_event(&mut events).await;
        let target = answerable(&session).await.remove(0);
        heart(&other, &id(&target), true).await;
        let moved = tokio::time::timeout(std::time::Duration::from_secs(5), next_event(&mut events))
            .await
            .expect("the change arrives within the watcher's period");
        assert!(moved.starts_with("event: cursor\ndata: "), "{moved}");
    }
}

/// The next event of a stream (comments skipped), as its lines without the blank end line.
async fn next_event(stream: &mut reqwest::Response) -> String {
    let mut text = String::new();
    loop {
        if let Some(end) = text.find("\n\n") {
            let event = text[..end].to_owned();
            text.drain(..end + 2);
            let lines: Vec<&str> = event
                .lines()
                .filter(|line| !line.starts_with(':'))
                .collect();
            if !lines.is_empty() {
                return lines.join("\n");
            }
            continue;
        }
        let chunk = stream
            .chunk()
            .await
            .unwrap()
            .expect("the stream stays open");
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
}
