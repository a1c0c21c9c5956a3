//! Prometheus metrics at `/metrics`: requests by route, method and status with their
//! latencies, the database pool, export turns and job runs. Kept per server (not in a
//! process-wide registry), so tests that run several servers in one process stay apart.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// Upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 11] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), Latencies>>,
    job_runs: AtomicU64,
    job_failures: AtomicU64,
    referrals_closed: AtomicU64,
    mails_sent: AtomicU64,
    mail_failures: AtomicU64,
}

#[derive(Debug, Default, Clone)]
struct Latencies {
    count: u64,
    sum: f64,
    /// Requests at or under each bucket's bound (cumulative, as Prometheus wants).
    buckets: [u64; BUCKETS.len()],
}

impl Metrics {
    fn record(&self, route: String, method: String, status: u16, took: Duration) {
        let seconds = took.as_secs_f64();
        let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        let latencies = requests.entry((route, method, status)).or_default();
        latencies.count += 1;
        latencies.sum += seconds;
        for (bucket, bound) in latencies.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
    }

    /// A run of the jobs: whether it worked and how many referrals it closed.
    pub fn job_ran(&self, outcome: Result<usize, ()>) {
        self.job_runs.fetch_add(1, Ordering::Relaxed);
        match outcome {
            Ok(closed) => {
                self.referrals_closed
                    .fetch_add(closed as u64, Ordering::Relaxed);
            }
            Err(()) => {
                self.job_failures.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// An attempt to send one mail of the outbox, and whether it was handed over.
    pub fn mail_sent(&self, handed_over: bool) {
        let counter = if handed_over {
            &self.mails_sent
        } else {
            &self.mail_failures
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn render(&self, state: &AppState) -> String {
        let mut out = String::new();
        out.push_str("# HELP rd_http_requests_total Requests answered, by route, method and status.\n# TYPE rd_http_requests_total counter\n");
        let requests = self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for ((route, method, status), latencies) in &requests {
            let _ = writeln!(
                out,
                "rd_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {}",
                latencies.count
            );
        }
        out.push_str("# HELP rd_http_request_duration_seconds Time to answer, by route, method and status.\n# TYPE rd_http_request_duration_seconds histogram\n");
        for ((route, method, status), latencies) in &requests {
            let labels = format!("route=\"{route}\",method=\"{method}\",status=\"{status}\"");
            for (bound, count) in BUCKETS.iter().zip(latencies.buckets) {
                let _ = writeln!(
                    out,
                    "rd_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "rd_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                latencies.count
            );
            let _ = writeln!(
                out,
                "rd_http_request_duration_seconds_sum{{{labels}}} {}",
                latencies.sum
            );
            let _ = writeln!(
                out,
                "rd_http_request_duration_seconds_count{{{labels}}} {}",
                latencies.count
            );
        }
        let gauges = [
            (
                "rd_db_pool_connections",
                "Database connections open.",
                state.pool.size() as u64,
            ),
            (
                "rd_db_pool_idle_connections",
                "Database connections open and idle.",
                state.pool.num_idle() as u64,
            ),
            (
                "rd_db_pool_max_connections",
                "Database connections allowed.",
                u64::from(state.pool.options().get_max_connections()),
            ),
            (
                "rd_export_slots_in_use",
                "CSV exports running now.",
                state.exports.in_use() as u64,
            ),
            (
                "rd_export_slots",
                "CSV exports that may run at once.",
                state.exports.capacity() as u64,
            ),
        ];
        for (name, help, value) in gauges {
            write_single(&mut out, name, help, "gauge", value);
        }
        let counters = [
            (
                "rd_job_runs_total",
                "Runs of the server's jobs.",
                &self.job_runs,
            ),
            (
                "rd_job_failures_total",
                "Runs of the server's jobs that failed.",
                &self.job_failures,
            ),
            (
                "rd_referrals_closed_by_jobs_total",
                "Referrals expired or archived by the jobs.",
                &self.referrals_closed,
            ),
            (
                "rd_mails_sent_total",
                "Mails of the outbox handed to SMTP or written as files.",
                &self.mails_sent,
            ),
            (
                "rd_mail_failures_total",
                "Attempts to send a mail of the outbox that failed (each is tried again later).",
                &self.mail_failures,
            ),
        ];
        for (name, help, value) in counters {
            write_single(
                &mut out,
                name,
                help,
                "counter",
                value.load(Ordering::Relaxed),
            );
        }
        out
    }
}

/// One unlabelled metric with its help and type lines.
fn write_single(out: &mut String, name: &str, help: &str, kind: &str, value: u64) {
    let _ = writeln!(
        out,
        "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}"
    );
}

/// Counts and times every request by its route pattern (never the raw path, which would
/// grow without bound), the app shell as `spa`.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "spa".to_owned(), |path| path.as_str().to_owned());
    // Only the standard methods get a label of their own: any token is a valid method.
    let method = match *request.method() {
        Method::GET
        | Method::HEAD
        | Method::POST
        | Method::PUT
        | Method::PATCH
        | Method::DELETE
        | Method::OPTIONS => request.method().as_str().to_owned(),
        _ => "OTHER".to_owned(),
    };
    let started = Instant::now();
    let response = next.run(request).await;
    state
        .metrics
        .record(route, method, response.status().as_u16(), started.elapsed());
    response
}

/// `GET /metrics`, in Prometheus' text format.
pub async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(&state),
    )
        .into_response()
}
