//! The server's own jobs, run at start and every minute on every instance: closing
//! referrals whose time ran out ([`due`]), forgetting what no longer counts
//! ([`purge`]) and ringing the bell about leads that need someone now ([`reminders`]).
//! Each is safe to run on several instances at the same moment.

pub mod due;
pub mod mail;
pub mod purge;
pub mod reminders;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::db::{DbError, Pool};
use crate::live::Live;
use crate::metrics::Metrics;

/// What one run of the jobs did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Referrals closed by the system (expired, or informational leads archived).
    pub closed: usize,
    /// Rows forgotten by the purge (sessions, sign-in failures, idempotency keys, …).
    pub purged: u64,
    /// Notification-centre reminders written (flame leads unanswered, leads expiring soon).
    pub reminded: u64,
}

/// Runs every job once, as of `now`.
pub async fn run_once(pool: &Pool, live: &Live, now: DateTime<Utc>) -> Result<Report, DbError> {
    // The purge runs whatever became of the expiries.
    let closed = due::close_due(pool, live, now).await;
    let purged = purge::purge(pool, now).await?;
    // After the expiries: a lead that expired this run is no longer reminded of.
    let reminded = reminders::remind(pool, live, now).await?;
    Ok(Report {
        closed: closed?,
        purged,
        reminded,
    })
}

/// Runs the jobs now and then at least every `every` until the server stops, and
/// sooner when a referral falls due before that, so a lead expires on time.
pub async fn run_every(pool: Pool, live: Arc<Live>, metrics: Arc<Metrics>, every: Duration) {
    let mut closing = live.closing();
    loop {
        match run_once(&pool, &live, Utc::now()).await {
            Ok(report) => {
                metrics.job_ran(Ok(report.closed));
                if report != Report::default() {
                    tracing::info!(
                        closed = report.closed,
                        purged = report.purged,
                        reminded = report.reminded,
                        "jobs ran"
                    );
                }
            }
            // The next run tries again; a database outage must not stop the jobs for good.
            Err(error) => {
                metrics.job_ran(Err(()));
                tracing::error!(%error, "jobs failed");
            }
        }
        let wait = match due::next_due(&pool, Utc::now()).await {
            Ok(Some(due)) => (due - Utc::now())
                .to_std()
                .unwrap_or_default()
                // A little after the due instant, so the domain sees it as due; never a
                // busy loop, whatever the due times say.
                .saturating_add(Duration::from_millis(50))
                .clamp(Duration::from_secs(1).min(every), every),
            Ok(None) => every,
            Err(error) => {
                tracing::error!(%error, "cannot read when the next referral falls due");
                every
            }
        };
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = closing.wait_for(|closing| *closing) => return,
        }
    }
}
