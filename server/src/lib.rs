//! Referral Desk server: the JSON API and the built SPA from one origin.

pub mod auth;
pub mod cache;
pub mod config;
pub mod demo;
pub mod error;
pub mod extract;
pub mod http;
pub mod routes;
pub mod spa;
pub mod store;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

pub use config::Config;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: store::Pool,
    /// The dollar rates deal registration is decided with (`--usd-rates`).
    pub rates: std::sync::Arc<domain::ExchangeRates>,
    /// Mark cookies `Secure` even without a proxy saying the request came over HTTPS.
    pub secure_cookies: bool,
    /// Each organisation's referrals, kept while unchanged.
    pub referrals: std::sync::Arc<cache::ReferralCache>,
    /// Permits for CSV exports running at once (see `routes::export`).
    pub exports: std::sync::Arc<tokio::sync::Semaphore>,
}

/// The whole HTTP surface: `/api/...` answers JSON, anything else is the SPA.
pub fn app(state: AppState, config: &Config) -> Router {
    let shell = Arc::new(spa::AppShell::load(&config.static_dir));
    let (api, _document) = routes::api_router();
    let router = Router::new()
        .merge(api.with_state(state))
        .merge(spa::spa_router(&config.static_dir, shell.clone()));
    http::with_http_layers(router, shell)
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot open the database: {0}")]
    Store(#[from] store::StoreError),
    #[error("cannot seed the demo: {0}")]
    Seed(String),
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
}

impl Application {
    pub async fn build(config: &Config) -> Result<Self, StartupError> {
        let pool = store::connect_and_migrate(&config.database_url).await?;
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
        Ok(Self {
            listener,
            router: app(
                AppState {
                    pool: pool.clone(),
                    rates: std::sync::Arc::new(config.usd_rates.clone()),
                    secure_cookies: config.secure_cookies,
                    referrals: Default::default(),
                    exports: routes::export::permits(&pool),
                },
                config,
            ),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown_signal())
            .await
    }
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
