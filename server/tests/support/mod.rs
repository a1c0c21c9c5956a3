// Each integration-test binary uses a different part of this support module.
#![allow(dead_code)]

//! Spawns the real server on a free port with its own database: a fresh SQLite
//! file, or a fresh PostgreSQL database that is dropped when the test ends.

pub mod builders;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use referral_desk_server::{Application, Config};
use sqlx::{Connection, PgConnection};

/// A shell like Trunk's, with one inline bootstrap script the CSP must allow by hash.
pub const INDEX_HTML: &str = "<!DOCTYPE html><title>Referral Desk test shell</title>\
    <script type=\"module\">import init from '/app.js';await init('/app_bg.wasm');</script>";
pub const INLINE_SCRIPT: &str = "import init from '/app.js';await init('/app_bg.wasm');";
pub const DEMO_PASSWORD: &str = "demo-password";
pub const HASHED_ASSET: &str = "referral-desk-0123456789abcdef_bg.wasm";

/// The `rd_session=…` pair a sign-in answer sets, as a `Cookie` header sends it back.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("rd_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// A valid Accept form (a deal closing in 40 days, one team member), as the app sends it.
pub fn accept_form() -> serde_json::Value {
    let closing = (chrono::Utc::now() + chrono::Duration::days(40))
        .format("%Y-%m-%d")
        .to_string();
    serde_json::json!({
        "name": "Contoso – field service rollout",
        "dealValue": "48000.00",
        "currency": "EUR",
        "closingDate": closing,
        "team": [{ "firstName": "Rhea", "lastName": "Reyes", "email": "referrals@demo.test", "phoneNumber": "" }],
        "notes": "Call scheduled with their IT lead.",
        "externalReferenceId": "CRM-1001",
        "campaignId": "",
        "customerContacts": []
    })
}

#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    config: Config,
    postgres_database: Option<String>,
    _files: tempfile::TempDir,
}

/// Where the PostgreSQL server of this machine is (trust auth).
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

pub fn postgres_url_for(database: &str) -> String {
    let admin = postgres_admin_url();
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{database}")
}

impl TestApp {
    /// Starts a server on `backend`; `None` only when PostgreSQL is unreachable
    /// outside CI (in CI that is a failure, not a skip).
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Like [`TestApp::spawn`], with settings changed before the first start (e.g. a
    /// larger demo).
    pub async fn spawn_with(
        backend: Backend,
        configure: impl FnOnce(&mut Config),
    ) -> Option<TestApp> {
        let files = tempfile::tempdir().expect("temporary directory");
        let static_dir = files.path().join("dist");
        std::fs::create_dir_all(&static_dir).unwrap();
        std::fs::write(static_dir.join("index.html"), INDEX_HTML).unwrap();
        std::fs::write(static_dir.join(HASHED_ASSET), b"\0asm").unwrap();

        let (database_url, postgres_database) = match backend {
            Backend::Sqlite => (
                format!("sqlite://{}", files.path().join("desk.db").display()),
                None,
            ),
            Backend::Postgres => {
                let database = create_postgres_database().await?;
                (postgres_url_for(&database), Some(database))
            }
        };
        let config = Config {
            bind: "127.0.0.1:0".parse().unwrap(),
            database_url,
            static_dir,
            seed_demo: true,
            demo_password: DEMO_PASSWORD.to_owned(),
            demo_scale: 1,
            usd_rates: Default::default(),
            secure_cookies: false,
            // Tests run the jobs themselves, at the instant they choose.
            job_interval_secs: 0,
            live_poll_ms: 100,
            idempotency_lease_secs: 60,
            faults: Default::default(),
            client_ip_header: None,
            // Tests send the outbox themselves, at the instant they choose.
            mail: referral_desk_server::config::MailConfig {
                mail_dir: files.path().join("mail"),
                mail_interval_secs: 0,
                ..Default::default()
            },
        };
        let mut config = config;
        configure(&mut config);
        let mut app = TestApp {
            address: "127.0.0.1:0".parse().unwrap(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            config,
            postgres_database,
            _files: files,
        };
        app.start().await;
        Some(app)
    }

    /// Starts (another) server on this test's database, as a restart would.
    /// The settings the next [`TestApp::start`] uses.
    pub fn config_mut(&mut self) -> &mut Config {
        &mut self.config
    }

    pub async fn start(&mut self) {
        let application = Application::build(&self.config)
            .await
            .expect("server starts");
        self.address = application.local_addr();
        tokio::spawn(application.run_until_stopped());
    }

    /// Starts one more server on this test's database, beside the running one (as a second
    /// instance would be); returns its address. `self.address` stays the first's.
    pub async fn start_another(&self) -> SocketAddr {
        let application = Application::build(&self.config)
            .await
            .expect("server starts");
        let address = application.local_addr();
        tokio::spawn(application.run_until_stopped());
        address
    }

    /// The fault points of the servers this test starts (shared with running ones).
    pub fn faults(&self) -> referral_desk_server::faults::Faults {
        self.config.faults.clone()
    }

    /// A connection pool of its own on this test's database, for arranging data directly.
    pub async fn pool(&self) -> referral_desk_server::db::Pool {
        referral_desk_server::db::connect_and_migrate(&self.config.database_url)
            .await
            .expect("the test database opens")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub fn static_dir(&self) -> PathBuf {
        self.config.static_dir.clone()
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// Signs in as a demo user; panics unless it works.
    pub async fn sign_in(&self, email: &str) -> Session {
        let response = self
            .post_json(
                "/api/v1/session",
                &serde_json::json!({ "email": email, "password": DEMO_PASSWORD }),
            )
            .await;
        assert_eq!(response.status(), 200, "sign-in as {email}");
        let cookie = session_cookie(&response).expect("a session cookie");
        let me: serde_json::Value = response.json().await.unwrap();
        Session {
            base: format!("http://{}", self.address),
            client: self.client.clone(),
            cookie,
            csrf: me["csrfToken"].as_str().expect("a CSRF token").to_owned(),
        }
    }
}

/// A signed-in user's requests: the session cookie on each, the CSRF token on changes.
#[derive(Clone)]
pub struct Session {
    base: String,
    client: reqwest::Client,
    pub cookie: String,
    pub csrf: String,
}

impl Session {
    /// The same session sent to another server instance on the same database.
    pub fn on(&self, address: SocketAddr) -> Session {
        Session {
            base: format!("http://{address}"),
            ..self.clone()
        }
    }

    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self
            .client
            .request(method.clone(), format!("{}{path}", self.base))
            .header("cookie", &self.cookie);
        if method == reqwest::Method::GET {
            builder
        } else {
            builder.header("x-csrf-token", &self.csrf)
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.request(reqwest::Method::GET, path)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.unwrap()
    }

    /// POSTs a JSON action with `If-Match`.
    pub async fn act(&self, path: &str, etag: &str, body: &serde_json::Value) -> reqwest::Response {
        self.request(reqwest::Method::POST, path)
            .header("if-match", format!("\"{etag}\""))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// The first referral of a list query, e.g. `stage=Inbox`.
    pub async fn first(&self, query: &str) -> serde_json::Value {
        let list = self.get_json(&format!("/api/v1/referrals?{query}")).await;
        list.as_array()
            .and_then(|l| l.first())
            .cloned()
            .unwrap_or_else(|| panic!("no referral for {query}"))
    }
}

/// Returns once a request waits for a lock another transaction of the test holds (the
/// organisation's turn): PostgreSQL shows the wait in `pg_stat_activity`; SQLite shows
/// none, so there a pause stands in (a request that comes later still meets the state
/// the test made meanwhile: such a test passes without telling the two apart).
pub async fn until_a_request_waits_for_a_lock(pool: &referral_desk_server::db::Pool) {
    let mut probe = pool.acquire().await.unwrap();
    if probe.backend_name() != "PostgreSQL" {
        tokio::time::sleep(Duration::from_millis(500)).await;
        return;
    }
    for _ in 0..400 {
        let (waiting,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .fetch_one(&mut *probe)
        .await
        .unwrap();
        if waiting > 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no request waits for the lock");
}

pub async fn create_postgres_database() -> Option<String> {
    let admin_url = postgres_admin_url();
    let connected =
        tokio::time::timeout(Duration::from_secs(5), PgConnection::connect(&admin_url)).await;
    let mut admin = match connected {
        Ok(Ok(connection)) => connection,
        failure => {
            let reason = match failure {
                Ok(Err(error)) => error.to_string(),
                _ => "timed out".to_owned(),
            };
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("PostgreSQL at {admin_url} is unreachable ({reason}); CI requires it");
            }
            eprintln!("skipped: PostgreSQL at {admin_url} is unreachable ({reason})");
            return None;
        }
    };
    let database = format!("rd_test_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {database}"))
        .execute(&mut admin)
        .await
        .expect("create the test database");
    Some(database)
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let Some(database) = self.postgres_database.take() else {
            return;
        };
        // Drop runs outside async, so the clean-up gets a runtime of its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let mut admin = PgConnection::connect(&postgres_admin_url()).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                    .execute(&mut admin)
                    .await
                    .map(|_| ())
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop a PostgreSQL test database: {dropped:?}");
        }
    }
}

/// Runs each test body once against SQLite and once against PostgreSQL.
#[macro_export]
macro_rules! backend_tests {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    #[allow(unused_mut)]
                    let mut $app = $crate::support::TestApp::spawn($crate::support::Backend::Sqlite)
                        .await
                        .expect("SQLite is always available");
                    $body
                }
            )*
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    #[allow(unused_mut)]
                    let Some(mut $app) = $crate::support::TestApp::spawn($crate::support::Backend::Postgres).await else {
                        return;
                    };
                    $body
                }
            )*
        }
    };
}
