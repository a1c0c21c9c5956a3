//! Start-up settings, from flags or the environment.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "referral-desk-server",
    version,
    about = "Referral Desk: API and app server"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "RD_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// `sqlite://<file>` (embedded, created on first start) or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/referral-desk.db"
    )]
    pub database_url: String,

    /// Directory of the built SPA (`trunk build` output).
    #[arg(long, env = "RD_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Seed a demo organisation with realistic referrals when the database has none.
    #[arg(long, env = "RD_SEED_DEMO")]
    pub seed_demo: bool,

    /// Multiplies the demo's referrals (358 per organisation): 30 gives about 10,000 each.
    #[arg(long, env = "RD_DEMO_SCALE", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=300))]
    pub demo_scale: u16,

    /// US dollars per unit of other currencies, e.g. `EUR=1.08,GBP=1.27`: deals in those
    /// currencies worth USD 25,000 or more must be registered when won. Deals in a
    /// currency without a rate may be registered but need not be.
    #[arg(long, env = "RD_USD_RATES", default_value = "", value_parser = parse_rates)]
    pub usd_rates: domain::ExchangeRates,

    /// Password of every demo user.
    #[arg(
        long,
        env = "DEMO_PASSWORD",
        default_value = "demo-password",
        hide_env_values = true
    )]
    pub demo_password: String,

    /// Always mark the session cookie `Secure` (behind an HTTPS proxy that does not send X-Forwarded-Proto).
    #[arg(long, env = "RD_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// Seconds between runs of the server's jobs (expiry, the informational archive,
    /// purges); they also run at start. 0 turns them off on this instance.
    #[arg(long = "job-interval", env = "RD_JOB_INTERVAL", default_value_t = 60)]
    pub job_interval_secs: u64,

    /// Milliseconds between reads of the change feed's counters for live updates, so
    /// changes made through other instances reach this one's open apps.
    #[arg(long, env = "RD_LIVE_POLL_MS", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(50..=60_000))]
    pub live_poll_ms: u64,

    /// Seconds an `Idempotency-Key` stays claimed by a request before a retry may take
    /// it over (the request died).
    #[arg(long = "idempotency-lease", env = "RD_IDEMPOTENCY_LEASE", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub idempotency_lease_secs: u32,

    /// Behind a reverse proxy: the request header that carries the client's address
    /// (e.g. `X-Forwarded-For`; its last entry is used), for sign-in throttling.
    /// Without it the peer's address is used.
    #[arg(long, env = "RD_CLIENT_IP_HEADER")]
    pub client_ip_header: Option<axum::http::HeaderName>,

    /// Lead emails: where they are sent (SMTP, or `.eml` files) and what they link to.
    #[command(flatten)]
    pub mail: MailConfig,

    /// Fault points armed by tests; never set from the command line.
    #[arg(skip)]
    pub faults: crate::faults::Faults,
}

/// How lead emails leave: over SMTP when `--smtp-host` is set, else as `.eml` files in
/// `--mail-dir` (the demo default), so nothing is lost.
#[derive(Debug, Clone, clap::Args)]
pub struct MailConfig {
    /// The address links in emails start with, e.g. `https://referrals.example.com`;
    /// by default the address this server listens on.
    #[arg(long, env = "RD_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// SMTP server for lead emails; without it they are written to `--mail-dir`.
    #[arg(long, env = "RD_SMTP_HOST")]
    pub smtp_host: Option<String>,

    /// SMTP port; by default 25 (none), 587 (starttls) or 465 (tls).
    #[arg(long, env = "RD_SMTP_PORT")]
    pub smtp_port: Option<u16>,

    /// How the SMTP connection is protected: `none`, `starttls` or `tls`.
    #[arg(long, env = "RD_SMTP_TLS", value_enum, default_value_t = SmtpTls::Starttls)]
    pub smtp_tls: SmtpTls,

    /// SMTP user name (with `--smtp-password`); none: no authentication.
    #[arg(long, env = "RD_SMTP_USERNAME")]
    pub smtp_username: Option<String>,

    #[arg(long, env = "RD_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,

    /// Seconds one SMTP conversation may take, from connecting to the server's last
    /// answer; at most 60, so the outbox's lease (3 minutes) outlasts it.
    #[arg(long = "smtp-timeout", env = "RD_SMTP_TIMEOUT", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=60))]
    pub smtp_timeout_secs: u64,

    /// The emails' sender, e.g. `Referral Desk <referrals@example.com>`.
    #[arg(
        long,
        env = "RD_MAIL_FROM",
        default_value = "Referral Desk <notifications@referral-desk.localhost>"
    )]
    pub mail_from: String,

    /// Where emails are written as `<outbox id>.eml` files when no SMTP server is set.
    #[arg(long, env = "RD_MAIL_DIR", default_value = "data/mail")]
    pub mail_dir: PathBuf,

    /// Seconds between looks at the mail outbox (sooner when a digest falls due); 0
    /// leaves this instance's outbox to others.
    #[arg(long = "mail-interval", env = "RD_MAIL_INTERVAL", default_value_t = 5)]
    pub mail_interval_secs: u64,
}

/// How the SMTP connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SmtpTls {
    /// Plain text (a relay on the same host or network only).
    None,
    /// Plain, then upgraded with STARTTLS (required).
    Starttls,
    /// TLS from the first byte (SMTPS).
    Tls,
}

impl Default for MailConfig {
    /// Files in `data/mail`, sent every five seconds: what the flags default to.
    fn default() -> Self {
        MailConfig {
            public_url: None,
            smtp_host: None,
            smtp_port: None,
            smtp_tls: SmtpTls::Starttls,
            smtp_username: None,
            smtp_password: None,
            smtp_timeout_secs: 60,
            mail_from: "Referral Desk <notifications@referral-desk.localhost>".to_owned(),
            mail_dir: PathBuf::from("data/mail"),
            mail_interval_secs: 5,
        }
    }
}

fn parse_rates(text: &str) -> Result<domain::ExchangeRates, String> {
    text.parse()
}
