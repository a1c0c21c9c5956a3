//! Referral Desk server: the JSON API and the built SPA from one origin.

pub mod api_keys;
pub mod arrivals;
pub mod auth;
pub mod config;
pub mod cursor;
pub mod db;
pub mod demo;
pub mod error;
pub mod export_slots;
pub mod extract;
pub mod faults;
pub mod http;
pub mod i18n;
pub mod ingest;
pub mod jobs;
pub mod listing;
pub mod live;
pub mod mail;
pub mod metrics;
pub mod routes;
pub mod spa;
pub mod throttle;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;

pub use config::Config;

/// What every handler can reach. Cloned for every extractor of every request, so it is
/// one shared pointer (`Deref` to [`Shared`]) rather than a dozen.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The server's state behind [`AppState`].
pub struct Shared {
    pub pool: db::Pool,
    /// Turns for the busy writes where the database takes one writer at a time (SQLite).
    pub writes: Arc<db::write_turns::WriteTurns>,
    /// The dollar rates deal registration is decided with (`--usd-rates`).
    pub rates: std::sync::Arc<domain::ExchangeRates>,
    /// Mark cookies `Secure` even without a proxy saying the request came over HTTPS.
    pub secure_cookies: bool,
    /// Each organisation's list as its filters and sorts see it, kept up to date from the feed.
    pub listings: Arc<listing::Listings>,
    /// Turns for CSV exports running at once (see `export_slots`).
    pub exports: Arc<export_slots::ExportSlots>,
    /// Tells open event streams when their organisation's feed moves.
    pub live: Arc<live::Live>,
    /// How long a claimed `Idempotency-Key` is held before a retry may take it over.
    pub idempotency_lease: chrono::Duration,
    /// Fault points a test may arm; none otherwise.
    pub faults: faults::Faults,
    /// Request counts and latencies, job runs (`/metrics`).
    pub metrics: Arc<metrics::Metrics>,
    /// The header that carries the client's address behind a proxy (`--client-ip-header`).
    pub client_ip_header: Option<axum::http::HeaderName>,
}

/// The whole HTTP surface: `/api/...` answers JSON, anything else is the SPA.
pub fn app(state: AppState, config: &Config) -> Router {
    let shell = Arc::new(spa::AppShell::load(&config.static_dir));
    let (api, _document) = routes::api_router();
    let operations = Router::new()
        .route("/health/live", axum::routing::get(routes::health::live))
        .route("/health/ready", axum::routing::get(routes::health::ready))
        .route("/metrics", axum::routing::get(metrics::metrics));
    let router = Router::new()
        .merge(api)
        .merge(operations)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .with_state(state)
        .merge(spa::spa_router(&config.static_dir, shell.clone()));
    http::with_http_layers(router, shell)
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot open the database: {0}")]
    Database(#[from] db::DbError),
    #[error("cannot seed the demo: {0}")]
    Seed(String),
    #[error("cannot send mail: {0}")]
    Mail(String),
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: SocketAddr,
        source: std::io::Error,
    },
}

/// A server bound to its port, ready to run (tests bind port 0 and read the address).
pub struct Application {
    listener: TcpListener,
    router: Router,
    pool: db::Pool,
    live: Arc<live::Live>,
    metrics: Arc<metrics::Metrics>,
    mailer: Arc<jobs::mail::Mailer>,
    config: Config,
}

impl Application {
    pub async fn build(config: &Config) -> Result<Self, StartupError> {
        let pool = db::connect_and_migrate(&config.database_url).await?;
        if config.seed_demo {
            demo::seed_if_empty(
                &pool,
                chrono::Utc::now(),
                &config.demo_password,
                config.demo_scale.into(),
            )
            .await?;
        }
        let listener =
            TcpListener::bind(config.bind)
                .await
                .map_err(|source| StartupError::Bind {
                    address: config.bind,
                    source,
                })?;
        let live = Arc::new(live::Live::default());
        let metrics = Arc::new(metrics::Metrics::default());
        let mailer = Arc::new(mailer(config, &pool, &listener, &metrics)?);
        Ok(Self {
            listener,
            router: app(
                AppState::new(Shared {
                    pool: pool.clone(),
                    writes: Arc::new(db::write_turns::WriteTurns::for_pool(&pool)),
                    rates: std::sync::Arc::new(config.usd_rates.clone()),
                    secure_cookies: config.secure_cookies,
                    listings: Default::default(),
                    exports: Arc::new(export_slots::ExportSlots::for_pool(&pool)),
                    live: live.clone(),
                    idempotency_lease: chrono::Duration::seconds(
                        config.idempotency_lease_secs.into(),
                    ),
                    faults: config.faults.clone(),
                    client_ip_header: config.client_ip_header.clone(),
                    metrics: metrics.clone(),
                }),
                config,
            ),
            pool,
            live,
            metrics,
            mailer,
            config: config.clone(),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until Ctrl+C or SIGTERM, running the jobs and the live feed's watcher beside.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        if self.config.job_interval_secs > 0 {
            tokio::spawn(jobs::run_every(
                self.pool.clone(),
                self.live.clone(),
                self.metrics.clone(),
                Duration::from_secs(self.config.job_interval_secs),
            ));
        }
        if self.config.mail.mail_interval_secs > 0 {
            tokio::spawn(jobs::mail::run_every(
                self.mailer.clone(),
                self.live.clone(),
                Duration::from_secs(self.config.mail.mail_interval_secs),
            ));
        }
        tokio::spawn(self.live.clone().watch(
            self.pool.clone(),
            Duration::from_millis(self.config.live_poll_ms),
        ));
        let live = self.live.clone();
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            // Event streams never end by themselves; graceful shutdown waits for them.
            live.close();
        })
        .await
    }
}

/// The outbox's sender as configured; links point at `--public-url`, else at this server.
fn mailer(
    config: &Config,
    pool: &db::Pool,
    listener: &TcpListener,
    metrics: &Arc<metrics::Metrics>,
) -> Result<jobs::mail::Mailer, StartupError> {
    let transport = mail::MailTransport::from_config(&config.mail).map_err(StartupError::Mail)?;
    let from = config.mail.mail_from.parse().map_err(|error| {
        StartupError::Mail(format!("sender {:?}: {error}", config.mail.mail_from))
    })?;
    let public_url = match &config.mail.public_url {
        Some(url) => url.clone(),
        None => {
            let address = listener.local_addr().map_err(|source| StartupError::Bind {
                address: config.bind,
                source,
            })?;
            // Links to 0.0.0.0 or to a proxy's upstream lead nowhere for the reader.
            if address.ip().is_unspecified() || config.mail.smtp_host.is_some() {
                tracing::warn!(%address, "lead emails link to this address: set --public-url to the address people open");
            }
            format!("http://{address}")
        }
    };
    tracing::info!(to = %transport.describe(), "lead emails");
    Ok(jobs::mail::Mailer::new(
        pool.clone(),
        transport,
        from,
        public_url,
        config.faults.clone(),
        metrics.clone(),
    ))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
