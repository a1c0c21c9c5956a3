//! The change feed with 100,000 referrals per organisation, on SQLite and on PostgreSQL:
//! the first fill, a poll with nothing new, and the pull of one change, over HTTP against
//! the real server on loopback. Prints p50/p99 and bytes next to their targets.
//!
//!     cargo bench -p referral-desk-server --bench sync
//!
//! Bounded: a fixed number of requests per figure, one client at a time.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::Value;
use support::{Backend, Session, TestApp};

/// The demo's 358 referrals × 280 ≈ 100,000 per organisation.
const DEMO_SCALE: u16 = 280;
const POLLS: usize = 500;
const PULLS: usize = 200;

struct Figure {
    name: &'static str,
    p50: Duration,
    p99: Duration,
    bytes: usize,
    target: &'static str,
}

#[tokio::main]
async fn main() {
    println!(
        "Referral Desk sync bench — {} — {} cores, {}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        std::thread::available_parallelism().map_or(0, usize::from),
        std::env::consts::ARCH,
    );
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let started = Instant::now();
        let Some(app) = TestApp::spawn_with(backend, |config| config.demo_scale = DEMO_SCALE).await
        else {
            println!("{backend:?}: skipped (database unreachable)");
            continue;
        };
        let session = app.sign_in("admin@demo.test").await;
        println!(
            "\n{backend:?}: seeded in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let (count, fill, cursor) = fill(&session).await;
        println!(
            "first fill: {count} referrals in {:.2} s (pages of 1,000)",
            fill.as_secs_f64()
        );
        let figures = [poll(&session, &cursor).await, pull(&session, &cursor).await];
        println!(
            "{:<26} {:>9} {:>9} {:>8}  target",
            "", "p50", "p99", "bytes"
        );
        for figure in figures {
            println!(
                "{:<26} {:>7.2}ms {:>7.2}ms {:>8}  {}",
                figure.name,
                figure.p50.as_secs_f64() * 1e3,
                figure.p99.as_secs_f64() * 1e3,
                figure.bytes,
                figure.target
            );
        }
    }
}

/// The whole feed, page by page, as the app fills after sign-in.
async fn fill(session: &Session) -> (usize, Duration, String) {
    let started = Instant::now();
    let mut count = 0;
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(cursor) => format!("/api/v1/sync?since={cursor}&limit=1000"),
            None => "/api/v1/sync?limit=1000".to_owned(),
        };
        let page = session.get_json(&path).await;
        count += page["referrals"].as_array().unwrap().len();
        cursor = Some(page["cursor"].as_str().unwrap().to_owned());
        if page["more"] == Value::Bool(false) {
            return (count, started.elapsed(), cursor.unwrap());
        }
    }
}

async fn poll(session: &Session, cursor: &str) -> Figure {
    let mut times = Vec::with_capacity(POLLS);
    let mut bytes = 0;
    for _ in 0..POLLS {
        let (took, body) = timed_poll(session, cursor).await;
        times.push(took);
        bytes = body.len();
    }
    summary("no-change poll", times, bytes, "p99 ≤ 10 ms, < 200 B")
}

/// A heart changes one referral; the pull that follows is timed.
async fn pull(session: &Session, cursor: &str) -> Figure {
    let ids: Vec<String> = session
        .get_json("/api/v1/referrals?limit=200")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let mut cursor = cursor.to_owned();
    let mut times = Vec::with_capacity(PULLS);
    let mut bytes = 0;
    for n in 0..PULLS {
        let method = if (n / ids.len()).is_multiple_of(2) {
            Method::PUT
        } else {
            Method::DELETE
        };
        let response = session
            .request(
                method,
                &format!("/api/v1/referrals/{}/favorite", ids[n % ids.len()]),
            )
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        let (took, body) = timed_poll(session, &cursor).await;
        times.push(took);
        bytes = body.len();
        let page: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            page["referrals"].as_array().unwrap().len(),
            1,
            "one change, one referral"
        );
        cursor = page["cursor"].as_str().unwrap().to_owned();
    }
    summary("one-change pull", times, bytes, "p99 ≤ 20 ms")
}

/// One call of the feed after `cursor`: how long it took, and its body.
async fn timed_poll(session: &Session, cursor: &str) -> (Duration, bytes::Bytes) {
    let started = Instant::now();
    let body = session
        .get(&format!("/api/v1/sync?since={cursor}"))
        .await
        .bytes()
        .await
        .unwrap();
    (started.elapsed(), body)
}

fn summary(
    name: &'static str,
    mut times: Vec<Duration>,
    bytes: usize,
    target: &'static str,
) -> Figure {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    Figure {
        name,
        p50: at(0.50),
        p99: at(0.99),
        bytes,
        target,
    }
}
