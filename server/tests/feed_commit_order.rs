//! The feed never skips a change: writers on two server instances (two pools on one
//! PostgreSQL database) heart referrals concurrently while a reader polls the feed; the
//! union of what the reader saw is every committed change. A feed numbered by a plain
//! sequence would skip a row that commits after a later number was already read.

mod support;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::Value;
use support::{Backend, Session, TestApp};

const WRITERS_PER_INSTANCE: usize = 6;
const HEARTS_PER_WRITER: usize = 20;

#[tokio::test]
async fn a_polling_reader_sees_every_change_committed_by_concurrent_writers_on_two_instances() {
    let Some(app) = TestApp::spawn(Backend::Postgres).await else {
        return;
    };
    let first = app.sign_in("admin@demo.test").await;
    let second = first.on(app.start_another().await);
    let reader = app.sign_in("admin@demo.test").await;
    let all = first.get_json("/api/v1/referrals?limit=1000").await;
    let ids: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .take(2 * WRITERS_PER_INSTANCE * HEARTS_PER_WRITER)
        .collect();
    assert_eq!(
        ids.len(),
        2 * WRITERS_PER_INSTANCE * HEARTS_PER_WRITER,
        "enough demo referrals"
    );
    let start = reader.get_json("/api/v1/sync?limit=1000").await["cursor"]
        .as_str()
        .unwrap()
        .to_owned();

    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let poller = {
        let reader = reader.clone();
        let done = done.clone();
        tokio::spawn(async move {
            let mut cursor = start;
            let mut seen = HashSet::new();
            let deadline = Instant::now() + Duration::from_secs(120);
            loop {
                // Read the flag before polling, so the poll after the last write still happens.
                let finished = done.load(std::sync::atomic::Ordering::Acquire);
                let page = reader
                    .get_json(&format!("/api/v1/sync?since={cursor}&limit=50"))
                    .await;
                for referral in page["referrals"].as_array().unwrap() {
                    if referral["favorite"] == Value::Bool(true) {
                        seen.insert(referral["id"].as_str().unwrap().to_owned());
                    }
                }
                cursor = page["cursor"].as_str().unwrap().to_owned();
                if finished && page["more"] == Value::Bool(false) {
                    return seen;
                }
                assert!(Instant::now() < deadline, "bounded in time");
            }
        })
    };

    let mut writers = Vec::new();
    for (n, chunk) in ids.chunks(HEARTS_PER_WRITER).enumerate() {
        let session: Session = if n % 2 == 0 {
            first.clone()
        } else {
            second.clone()
        };
        let chunk = chunk.to_vec();
        writers.push(tokio::spawn(async move {
            for id in chunk {
                let response = session
                    .request(Method::PUT, &format!("/api/v1/referrals/{id}/favorite"))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status(), StatusCode::NO_CONTENT);
            }
        }));
    }
    for writer in writers {
        writer.await.unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::Release);
    let seen = poller.await.unwrap();
    let written: HashSet<String> = ids.into_iter().collect();
    let missed: Vec<&String> = written.difference(&seen).collect();
    assert!(
        missed.is_empty(),
        "the reader skipped {} changes: {missed:?}",
        missed.len()
    );
}
