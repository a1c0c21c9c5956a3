//! The CSV export of 100,000 referrals streams in flat memory, on SQLite and PostgreSQL,
//! and exports stalled by clients that do not read leave the app its connections.
//!
//! A test binary of its own: the resident memory it samples is the whole process's,
//! so no other test may run beside it (and its two backends take turns).

mod support;

use chrono::{Duration, Utc};
use domain::{Referral, Role};
use referral_desk_server::{auth, db, demo};
use reqwest::StatusCode;
use rust_decimal::Decimal;

const REFERRALS: usize = 100_000;
const ORGANISATION_ID: &str = "org-bulk-export";
const EMAIL: &str = "exporter@bulk.test";

/// One backend at a time: the other's inserts would show in this one's memory samples.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// `count` referrals made from the demo's (every stage, contacts, deal values), each with
/// an ID, times and deal value of its own; generated lazily, never all in memory.
fn generated(count: usize) -> impl Iterator<Item = Referral> {
    let now = Utc::now();
    let templates = demo::referrals(now, 0);
    (0..count).map(move |n| {
        let mut referral = templates[n % templates.len()].clone();
        let age = Duration::seconds(i64::try_from(n).unwrap());
        referral.id = format!("bulk-{n:06}");
        referral.created_date_time -= age;
        referral.updated_date_time -= age;
        if referral.details.deal_value.is_some() {
            referral.details.deal_value = Some(Decimal::new((n as i64 * 7_919) % 10_000_000, 2));
        }
        referral
    })
}

/// This process's resident memory, from `/proc/self/status`.
fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line");
    kib * 1024
}

backend_tests! {
    async fn a_hundred_thousand_referrals_export_in_flat_memory_and_never_take_every_connection(app) {
        let _turn = ONE_AT_A_TIME.lock().await;
        let pool = app.pool().await;
        db::organisations::insert(&pool, ORGANISATION_ID, "Bulk Export Ltd", Utc::now()).await.unwrap();
        let password_hash = auth::hash_password(support::DEMO_PASSWORD).unwrap();
        let exporter = db::users::NewUser {
            id: "user-bulk-export",
            organisation_id: ORGANISATION_ID,
            email: EMAIL,
            name: "Bea Bulk",
            role: Role::ReferralsAdmin,
            password_hash: &password_hash,
        };
        db::users::insert(&pool, exporter, Utc::now()).await.unwrap();
        db::referrals::insert_many(&pool, ORGANISATION_ID, generated(REFERRALS)).await.unwrap();
        let session = app.sign_in(EMAIL).await;

        let baseline = resident_bytes();
        let mut response = session.get("/api/v1/referrals/export.csv?sort=dealValue&dir=desc").await;
        assert_eq!(response.status(), StatusCode::OK);
        let (mut csv_bytes, mut line_ends, mut peak) = (0u64, 0usize, baseline);
        let mut last_byte = 0u8;
        while let Some(chunk) = response.chunk().await.expect("the body streams to its end") {
            csv_bytes += chunk.len() as u64;
            // CRLF ends a row; generated cells hold no line breaks. A CRLF split across chunks counts too.
            line_ends += chunk.windows(2).filter(|pair| pair == b"\r\n").count()
                + usize::from(last_byte == b'\r' && chunk.first() == Some(&b'\n'));
            last_byte = chunk.last().copied().unwrap_or(last_byte);
            peak = peak.max(resident_bytes());
        }
        let growth = peak.saturating_sub(baseline);
        println!(
            "{}: export of {REFERRALS} referrals: CSV {:.1} MiB; resident memory {:.1} MiB before, peak growth {:.1} MiB while streaming",
            pool.connect_options().database_url.scheme(),
            csv_bytes as f64 / 1_048_576.0,
            baseline as f64 / 1_048_576.0,
            growth as f64 / 1_048_576.0,
        );
        assert_eq!(line_ends - 1, REFERRALS, "the header and one row per referral");
        // SQLite's page cache and sorter take a few MiB; a file held whole would take all of its size.
        assert!(
            growth < csv_bytes / 3,
            "memory grew by {growth} bytes while streaming {csv_bytes} bytes of CSV"
        );

        // An export holds a database connection until its download ends. More exports than
        // the pool has connections, none of them read: the list still answers, because only
        // some exports run at once and the others wait their turn.
        let stalled = futures_util::future::join_all(
            (0..12).map(|_| session.get("/api/v1/referrals/export.csv")),
        )
        .await;
        let statuses: Vec<StatusCode> = stalled.iter().map(|response| response.status()).collect();
        assert!(
            statuses.iter().all(|status| *status == StatusCode::OK),
            "every export is answered at once, some waiting for their turn: {statuses:?}"
        );
        let list = session.get("/api/v1/referrals?limit=10").await;
        assert_eq!(list.status(), StatusCode::OK, "the list answers while exports are stalled");
        // Once the first clients go, a waiting export gets its turn and runs to its end.
        let mut stalled = stalled.into_iter();
        let last = stalled.next_back().unwrap();
        drop(stalled);
        let csv = last.bytes().await.expect("the waiting export streams to its end");
        let rows = csv.windows(2).filter(|pair| pair == b"\r\n").count() - 1;
        assert_eq!(rows, REFERRALS, "one row per referral");
    }
}
