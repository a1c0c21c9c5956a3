//! Exactly-once writes: a request that dies before or after its commit, then retried
//! with its `Idempotency-Key` (after a restart too), applies once; a claim left by a
//! request that died is taken over after its lease — each case on SQLite and PostgreSQL.

mod support;

use std::time::Duration;

use referral_desk_server::faults::Fault;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::Session;
use support::accept_form;

async fn inbox_referral(session: &Session) -> Value {
    session
        .first("stage=Inbox&callToAction=ContactMe&sort=created&dir=desc&limit=1000")
        .await
}

async fn accept_with_key(
    session: &Session,
    referral: &Value,
    key: &str,
) -> Result<reqwest::Response, reqwest::Error> {
    session
        .request(
            reqwest::Method::POST,
            &format!(
                "/api/v1/referrals/{}/accept",
                referral["id"].as_str().unwrap()
            ),
        )
        .header(
            "if-match",
            format!("\"{}\"", referral["eTag"].as_str().unwrap()),
        )
        .header("idempotency-key", key)
        .json(&accept_form())
        .send()
        .await
}

async fn accepted_entries(session: &Session, referral: &Value) -> (Value, usize) {
    let stored = session
        .get_json(&format!(
            "/api/v1/referrals/{}",
            referral["id"].as_str().unwrap()
        ))
        .await;
    let count = stored["statusHistory"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["substatus"] == "Accepted")
        .count();
    (stored, count)
}

backend_tests! {
    async fn a_client_that_gives_up_waiting_does_not_leave_its_key_in_progress(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        // Another writer holds the organisation (on PostgreSQL its counter row, on SQLite
        // the database), so the accept waits inside its run, its key claimed (PostgreSQL).
        let pool = app.pool().await;
        let mut holder = pool.begin().await.unwrap();
        sqlx::query("UPDATE organisations SET last_change = last_change WHERE id = (SELECT organisation_id FROM referrals WHERE id = $1)")
            .bind(referral["id"].as_str().unwrap())
            .execute(&mut *holder)
            .await
            .unwrap();
        let impatient = tokio::time::timeout(Duration::from_millis(800), accept_with_key(&session, &referral, "gave-up")).await;
        assert!(impatient.is_err(), "no answer while the organisation is held: {impatient:?}");
        holder.commit().await.unwrap();
        // The action ran to its end all the same: its retry is answered at once with what
        // it did, not "in progress" until the claim's lease (a minute) runs out.
        let mut answer = accept_with_key(&session, &referral, "gave-up").await.unwrap();
        for _ in 0..50 {
            if answer.status() != StatusCode::CONFLICT {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            answer = accept_with_key(&session, &referral, "gave-up").await.unwrap();
        }
        assert_eq!(answer.status(), StatusCode::OK);
        let (_, accepted) = accepted_entries(&session, &referral).await;
        assert_eq!(accepted, 1, "applied once");
    }

    async fn a_request_that_dies_after_its_commit_is_answered_from_the_store_after_a_restart(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        app.faults().arm(Fault::AfterCommit);
        assert!(accept_with_key(&session, &referral, "dies-after-commit").await.is_err(), "no answer: the request died");
        app.start().await;
        let session = session.on(app.address);
        let retry = accept_with_key(&session, &referral, "dies-after-commit").await.unwrap();
        assert_eq!(retry.status(), StatusCode::OK);
        assert_eq!(retry.headers()["idempotent-replayed"], "true", "the stored answer");
        let answer: Value = retry.json().await.unwrap();
        let (stored, accepted) = accepted_entries(&session, &referral).await;
        assert_eq!(accepted, 1, "applied once");
        assert_eq!(answer["eTag"], stored["eTag"]);
    }

    async fn a_request_that_dies_before_its_commit_leaves_nothing_and_its_claim_is_taken_over_after_the_lease(app) {
        // Long enough that the early retry below lands within it even on a busy machine.
        app.config_mut().idempotency_lease_secs = 3;
        app.start().await;
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        app.faults().arm(Fault::BeforeCommit);
        assert!(accept_with_key(&session, &referral, "dies-before-commit").await.is_err());
        let (_, accepted) = accepted_entries(&session, &referral).await;
        assert_eq!(accepted, 0, "nothing was written");
        // Within the lease the claim still stands…
        let early = accept_with_key(&session, &referral, "dies-before-commit").await.unwrap();
        assert_eq!(early.status(), StatusCode::CONFLICT);
        assert_eq!(
            early.headers().get("retry-after").map(|v| v.to_str().unwrap()),
            Some("1"),
            "a queued action knows to send it again"
        );
        // …and once it ran out, the retry takes it over and applies the action once.
        tokio::time::sleep(Duration::from_millis(3_200)).await;
        let retry = accept_with_key(&session, &referral, "dies-before-commit").await.unwrap();
        assert_eq!(retry.status(), StatusCode::OK);
        assert!(retry.headers().get("idempotent-replayed").is_none(), "applied now, not replayed");
        let replay = accept_with_key(&session, &referral, "dies-before-commit").await.unwrap();
        assert_eq!(replay.status(), StatusCode::OK);
        assert_eq!(replay.headers()["idempotent-replayed"], "true");
        let (_, accepted) = accepted_entries(&session, &referral).await;
        assert_eq!(accepted, 1);
    }

    async fn a_refusal_is_remembered_under_its_key_but_a_stale_version_is_not(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let referral = inbox_referral(&session).await;
        let mut invalid = accept_form();
        invalid["dealValue"] = json!("lots");
        let send = |body: Value| {
            session
                .request(reqwest::Method::POST, &format!("/api/v1/referrals/{}/accept", referral["id"].as_str().unwrap()))
                .header("if-match", format!("\"{}\"", referral["eTag"].as_str().unwrap()))
                .header("idempotency-key", "invalid-1")
                .json(&body)
                .send()
        };
        let first = send(invalid.clone()).await.unwrap();
        assert_eq!(first.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let again = send(invalid).await.unwrap();
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        // A 412 carries the referral as it was: it is answered afresh each time, so a
        // replay after the lead expired never hands out its contacts.
        let mut stale = referral.clone();
        stale["eTag"] = json!("999");
        let first = accept_with_key(&session, &stale, "stale-1").await.unwrap();
        assert_eq!(first.status(), StatusCode::PRECONDITION_FAILED);
        let again = accept_with_key(&session, &stale, "stale-1").await.unwrap();
        assert_eq!(again.status(), StatusCode::PRECONDITION_FAILED);
        assert!(again.headers().get("idempotent-replayed").is_none());
    }
}
