//! The server under load with 100,000 referrals in one organisation, on SQLite and on
//! PostgreSQL: the release server binary runs as a child process on loopback, and
//! this client drives it over HTTP with 1, 16 and 64 connections for a bounded time
//! per request kind (list page, detail, sync poll with nothing new, accept), then
//! downloads the 100,000-row CSV export and reads the server's peak memory (VmHWM).
//! Prints a markdown table, each figure beside its target.
//!
//!     cargo bench -p referral-desk-server --bench load
//!
//! Environment: `LOAD_SECONDS` per run (default 5), `LOAD_CONNECTIONS` (default
//! `1,16,64`), `LOAD_BACKENDS` (default `sqlite,postgres`), `LOAD_KINDS` (default
//! `list,detail,poll,accept`), `LOAD_DEMO_SCALE` (default 280: the demo's 358
//! referrals × 280 = 100,240), `LOAD_SERVER` (another build of the server binary, to
//! compare two side by side), `TEST_POSTGRES_URL` as the tests.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{Client, Method, StatusCode};
use serde_json::Value;
use sqlx::Connection as _;
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio::process::{Child, Command};

const SERVER: &str = env!("CARGO_BIN_EXE_referral-desk-server");
const EMAIL: &str = "admin@demo.test";
/// List pages asked for in turn: the Inbox as it opens, a stage sorted by deal value,
/// a filtered view, and a search.
const LIST_QUERIES: &[&str] = &[
    "stage=Inbox&limit=50",
    "stage=Accepted&sort=dealValue&limit=50",
    "stage=Inbox&country=DE&country=FR&emailValidity=Valid&sort=expiry&dir=asc&limit=50",
    "q=contoso&sort=updated&limit=50",
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    List,
    Detail,
    Poll,
    Accept,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::List, Kind::Detail, Kind::Poll, Kind::Accept];

    /// The kind's word in `LOAD_KINDS`.
    fn word(self) -> &'static str {
        match self {
            Kind::List => "list",
            Kind::Detail => "detail",
            Kind::Poll => "poll",
            Kind::Accept => "accept",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::List => "list page (50 rows)",
            Kind::Detail => "detail",
            Kind::Poll => "sync poll, nothing new",
            Kind::Accept => "accept",
        }
    }

    /// The target, and the connections it is set at.
    fn target(self) -> (f64, Option<usize>, &'static str) {
        match self {
            Kind::List => (20.0, Some(64), "p99 ≤ 20 ms at 64"),
            Kind::Detail => (10.0, None, "p99 ≤ 10 ms"),
            Kind::Poll => (10.0, None, "p99 ≤ 10 ms"),
            Kind::Accept => (50.0, Some(16), "p99 ≤ 50 ms at 16"),
        }
    }
}

/// What every request of a run needs.
struct Fixture {
    base: String,
    cookie: String,
    csrf: String,
    /// Referrals to open.
    details: Vec<String>,
    cursor: String,
    /// Inbox referrals not yet accepted, with their ETags; each accept takes one.
    pending: std::sync::Mutex<Vec<(String, String)>>,
}

struct Row {
    backend: &'static str,
    kind: Kind,
    connections: usize,
    errors: usize,
    per_second: f64,
    p50: f64,
    p99: f64,
}

#[tokio::main]
async fn main() {
    let seconds: u64 = env_or("LOAD_SECONDS", 5);
    let connections: Vec<usize> = std::env::var("LOAD_CONNECTIONS")
        .unwrap_or_else(|_| "1,16,64".to_owned())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let backends = std::env::var("LOAD_BACKENDS").unwrap_or_else(|_| "sqlite,postgres".to_owned());
    let scale: u16 = env_or("LOAD_DEMO_SCALE", 280);
    let kinds: Vec<Kind> = match std::env::var("LOAD_KINDS") {
        Err(_) => Kind::ALL.to_vec(),
        Ok(words) => words
            .split(',')
            .map(|word| {
                Kind::ALL
                    .into_iter()
                    .find(|kind| kind.word() == word.trim())
                    .unwrap_or_else(|| panic!("LOAD_KINDS: unknown kind {word:?}"))
            })
            .collect(),
    };
    eprintln!(
        "load bench: {seconds} s per run, connections {connections:?}, demo scale {scale}, server {}",
        server_binary()
    );
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for backend in backends.split(',').map(str::trim) {
        let files = tempfile::tempdir().unwrap();
        let (url, postgres) = match backend {
            "sqlite" => (
                format!("sqlite://{}", files.path().join("desk.db").display()),
                None,
            ),
            "postgres" => match support::create_postgres_database().await {
                Some(database) => (support::postgres_url_for(&database), Some(database)),
                None => {
                    notes.push("PostgreSQL: skipped (unreachable)".to_owned());
                    continue;
                }
            },
            other => panic!("LOAD_BACKENDS: unknown backend {other:?}"),
        };
        let backend: &'static str = if postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        };
        let started = Instant::now();
        // Seeded by one run of the server, measured in a fresh one: its peak memory is
        // then the serving's, not the seeding's.
        let (seeder, _) = start_server(files.path(), &url, scale, true).await;
        stop(seeder).await;
        let seeded = started.elapsed();
        let (mut server, base) = start_server(files.path(), &url, scale, false).await;
        let pid = server.id().expect("the server runs");
        let fixture = Arc::new(prepare(&base).await);
        eprintln!(
            "{backend}: seeded in {:.0} s; {} referrals to open, {} to accept",
            seeded.as_secs_f64(),
            fixture.details.len(),
            lock(&fixture.pending).len()
        );
        let before_export = peak_memory_kib(pid);
        let (export_time, export_rows, export_bytes) = export(&fixture).await;
        let after_export = peak_memory_kib(pid);
        notes.push(format!(
            "{backend}: seeding {:.0} s; CSV export of {export_rows} rows ({:.1} MB) in {:.2} s; \
             server peak memory (VmHWM) {:.0} MiB before the export, {:.0} MiB after (target: flat)",
            seeded.as_secs_f64(),
            export_bytes as f64 / 1e6,
            export_time.as_secs_f64(),
            before_export as f64 / 1024.0,
            after_export as f64 / 1024.0,
        ));
        for &kind in &kinds {
            for &n in &connections {
                let row = run(backend, kind, n, Duration::from_secs(seconds), &fixture).await;
                eprintln!(
                    "{backend} {} ×{n}: {:.0}/s p50 {:.2} ms p99 {:.2} ms ({} errors)",
                    kind.name(),
                    row.per_second,
                    row.p50,
                    row.p99,
                    row.errors
                );
                rows.push(row);
            }
        }
        notes.push(format!(
            "{backend}: server peak memory (VmHWM) at the end, with the list's index: {:.0} MiB",
            peak_memory_kib(pid) as f64 / 1024.0
        ));
        let _ = server.start_kill();
        let _ = server.wait().await;
        if let Some(database) = postgres {
            drop_postgres_database(&database).await;
        }
    }
    print_table(seconds, scale, &rows, &notes);
}

/// The server build to measure: `LOAD_SERVER`, else the one cargo built beside this bench.
fn server_binary() -> String {
    std::env::var("LOAD_SERVER").unwrap_or_else(|_| SERVER.to_owned())
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Starts the release binary on a free port; returns it with its base URL once it listens.
async fn start_server(dir: &Path, url: &str, scale: u16, seed: bool) -> (Child, String) {
    let static_dir = dir.join("dist");
    std::fs::create_dir_all(&static_dir).unwrap();
    std::fs::write(static_dir.join("index.html"), support::INDEX_HTML).unwrap();
    let mut command = Command::new(server_binary());
    command
        .args(["--bind", "127.0.0.1:0", "--database-url", url])
        .arg("--static-dir")
        .arg(&static_dir)
        .args(["--demo-scale", &scale.to_string()])
        // The jobs would expire and archive leads mid-run: off, so each run sees the same data.
        .args(["--job-interval", "0"])
        .env("DEMO_PASSWORD", support::DEMO_PASSWORD)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    if seed {
        command.arg("--seed-demo");
    }
    let mut child = command.spawn().expect("the release server binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // Seeding 100,000 referrals takes minutes; a server that never says it listens must
    // not hang the bench.
    let base = tokio::time::timeout(Duration::from_secs(900), async {
        loop {
            let line = lines
                .next_line()
                .await
                .unwrap()
                .expect("the server prints its address");
            if let Some(address) = line.strip_prefix("Referral Desk is running at ") {
                break address.trim().to_owned();
            }
        }
    })
    .await
    .expect("the server listens within 15 minutes");
    // Keep reading its stdout so it never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, base)
}

async fn stop(mut child: Child) {
    if let Some(pid) = child.id() {
        // SIGTERM: a graceful stop, so SQLite checkpoints its log.
        let _ = Command::new("kill").arg(pid.to_string()).status().await;
    }
    let _ = tokio::time::timeout(Duration::from_secs(30), child.wait()).await;
}

/// The process's peak resident memory, in KiB.
fn peak_memory_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Signs in and gathers what the runs ask for.
async fn prepare(base: &str) -> Fixture {
    let client = patient_client();
    let response = client
        .post(format!("{base}/api/v1/session"))
        .json(&serde_json::json!({ "email": EMAIL, "password": support::DEMO_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "sign-in");
    let cookie = support::session_cookie(&response).expect("a session cookie");
    let me: Value = response.json().await.unwrap();
    let csrf = me["csrfToken"].as_str().unwrap().to_owned();
    let get = |path: String| {
        client
            .get(format!("{base}{path}"))
            .header("cookie", &cookie)
            .send()
    };
    // The whole feed, as the app fills: its end is a current cursor.
    let mut cursor = String::new();
    loop {
        let since = if cursor.is_empty() {
            String::new()
        } else {
            format!("&since={cursor}")
        };
        let page: Value = get(format!("/api/v1/sync?limit=1000{since}"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        cursor = page["cursor"].as_str().unwrap().to_owned();
        if page["more"] == Value::Bool(false) {
            break;
        }
    }
    // Inbox leads that still await an answer, by expiry: acceptable for the whole run.
    let mut pending = Vec::new();
    let mut next = Some("/api/v1/referrals?stage=Inbox&sort=expiry&dir=desc&limit=1000".to_owned());
    while let Some(path) = next.take() {
        let response = get(path).await.unwrap();
        next = response.headers().get("link").map(|link| {
            let link = link.to_str().unwrap();
            link[link.find('<').unwrap() + 1..link.find('>').unwrap()].to_owned()
        });
        let page: Vec<Value> = response.json().await.unwrap();
        // Informational offer leads (no expiry) cannot be accepted.
        let acceptable = |r: &&Value| r["leadType"] != "Offer" || r["callToAction"] == "ContactMe";
        pending.extend(page.iter().filter(acceptable).map(|r| {
            (
                r["id"].as_str().unwrap().to_owned(),
                r["eTag"].as_str().unwrap().to_owned(),
            )
        }));
        if pending.len() >= 20_000 {
            break;
        }
    }
    let details: Vec<String> = get("/api/v1/referrals?limit=1000&sort=updated".to_owned())
        .await
        .unwrap()
        .json::<Vec<Value>>()
        .await
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    // Taken from the end: the latest to expire first, which stay acceptable longest.
    pending.reverse();
    Fixture {
        base: base.to_owned(),
        cookie,
        csrf,
        details,
        cursor,
        pending: std::sync::Mutex::new(pending),
    }
}

/// `connections` clients, each sending one request after another for `duration`.
async fn run(
    backend: &'static str,
    kind: Kind,
    connections: usize,
    duration: Duration,
    fixture: &Arc<Fixture>,
) -> Row {
    let deadline = Instant::now() + duration;
    let tasks: Vec<_> = (0..connections)
        .map(|task| {
            let fixture = fixture.clone();
            tokio::spawn(async move {
                // A client of its own: one connection per simulated user.
                let client = Client::builder()
                    .pool_max_idle_per_host(1)
                    // A stalled request fails the bench instead of hanging it.
                    .timeout(Duration::from_secs(60))
                    .build()
                    .unwrap();
                let mut times = Vec::new();
                let mut errors = 0;
                let mut n = task;
                while Instant::now() < deadline {
                    let started = Instant::now();
                    match request(&client, &fixture, kind, n).await {
                        Some(true) => times.push(started.elapsed()),
                        Some(false) => errors += 1,
                        None => break,
                    }
                    n += connections;
                }
                (times, errors)
            })
        })
        .collect();
    let started = Instant::now();
    let mut times = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (mut some, failed) = task.await.unwrap();
        times.append(&mut some);
        errors += failed;
    }
    let elapsed = started.elapsed().max(duration);
    times.sort_unstable();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .map_or(f64::NAN, |t| t.as_secs_f64() * 1e3)
    };
    Row {
        backend,
        kind,
        connections,
        errors,
        per_second: times.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.50),
        p99: at(0.99),
    }
}

/// One request of the kind, read to its end; whether it succeeded, `None` when there is
/// nothing left to send (no pending referral to accept).
async fn request(client: &Client, fixture: &Fixture, kind: Kind, n: usize) -> Option<bool> {
    let base = &fixture.base;
    let builder = match kind {
        Kind::List => client.get(format!(
            "{base}/api/v1/referrals?{}",
            LIST_QUERIES[n % LIST_QUERIES.len()]
        )),
        Kind::Detail => client.get(format!(
            "{base}/api/v1/referrals/{}",
            fixture.details[n % fixture.details.len()]
        )),
        Kind::Poll => client.get(format!("{base}/api/v1/sync?since={}", fixture.cursor)),
        Kind::Accept => {
            let (id, etag) = lock(&fixture.pending).pop()?;
            // As the app sends an action: If-Match, a fresh Idempotency-Key, the CSRF token.
            client
                .request(Method::POST, format!("{base}/api/v1/referrals/{id}/accept"))
                .header("if-match", format!("\"{etag}\""))
                .header("idempotency-key", uuid::Uuid::new_v4().to_string())
                .header("x-csrf-token", &fixture.csrf)
                .json(&support::accept_form())
        }
    };
    let response = match builder.header("cookie", &fixture.cookie).send().await {
        Ok(response) => response,
        Err(_) => return Some(false),
    };
    let ok = response.status() == StatusCode::OK;
    Some(response.bytes().await.is_ok() && ok)
}

/// A client whose stalled request fails the bench instead of hanging it.
fn patient_client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(300))
        .build()
        .expect("an HTTP client")
}

/// The whole organisation as CSV: time, data rows and bytes.
async fn export(fixture: &Fixture) -> (Duration, usize, usize) {
    let started = Instant::now();
    let body = patient_client()
        .get(format!("{}/api/v1/referrals/export.csv", fixture.base))
        .header("cookie", &fixture.cookie)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let took = started.elapsed();
    let rows = body
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        .saturating_sub(1);
    (took, rows, body.len())
}

fn print_table(seconds: u64, scale: u16, rows: &[Row], notes: &[String]) {
    println!(
        "## Server under load — {} — {} cores, {}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        std::thread::available_parallelism().map_or(0, usize::from),
        std::env::consts::ARCH
    );
    println!();
    println!(
        "The release server binary on loopback, {} referrals in the organisation (demo scale {scale}), \
         {seconds} s per row; the client shares the machine.",
        358 * usize::from(scale)
    );
    println!();
    println!(
        "| backend | request | connections | requests/s | p50 ms | p99 ms | errors | target |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for row in rows {
        let (limit, at, target) = row.kind.target();
        let verdict = if at.is_some_and(|at| at != row.connections) {
            String::new()
        } else if row.p99 <= limit {
            format!("{target}: met")
        } else {
            format!("{target}: **missed**")
        };
        println!(
            "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {} | {} |",
            row.backend,
            row.kind.name(),
            row.connections,
            row.per_second,
            row.p50,
            row.p99,
            row.errors,
            verdict
        );
    }
    println!();
    for note in notes {
        println!("- {note}");
    }
}

fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn drop_postgres_database(database: &str) {
    let dropped = async {
        let mut admin = sqlx::PgConnection::connect(&support::postgres_admin_url()).await?;
        sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
            .execute(&mut admin)
            .await
    };
    if let Err(error) = dropped.await {
        eprintln!("could not drop the bench database {database}: {error}");
    }
}
