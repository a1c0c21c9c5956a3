//! How mails leave: over SMTP (lettre, rustls), or as `.eml` files when no SMTP server
//! is configured (the demo default), named by the outbox row so a retry overwrites
//! its own file instead of adding another.

use std::path::PathBuf;
use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailConfig, SmtpTls};

/// The longest one SMTP conversation may take (`--smtp-timeout` may shorten it); the
/// outbox lease is longer.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(60);

pub enum MailTransport {
    Smtp {
        smtp: AsyncSmtpTransport<Tokio1Executor>,
        /// How long one whole send may take.
        timeout: Duration,
    },
    Files(PathBuf),
}

/// Why a mail was not handed over.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    pub message: String,
    /// The server refused it for good (e.g. no such mailbox): retrying will not help.
    pub permanent: bool,
}

impl MailTransport {
    pub fn from_config(config: &MailConfig) -> Result<MailTransport, String> {
        let Some(host) = config.smtp_host.as_deref().filter(|h| !h.trim().is_empty()) else {
            return Ok(MailTransport::Files(config.mail_dir.clone()));
        };
        let builder = match config.smtp_tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .map_err(|e| format!("SMTP host {host}: {e}"))?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                .map_err(|e| format!("SMTP host {host}: {e}"))?,
        };
        let port = config.smtp_port.unwrap_or(match config.smtp_tls {
            SmtpTls::None => 25,
            SmtpTls::Starttls => 587,
            SmtpTls::Tls => 465,
        });
        let timeout = Duration::from_secs(config.smtp_timeout_secs)
            .clamp(Duration::from_secs(1), SMTP_TIMEOUT);
        let mut builder = builder.port(port).timeout(Some(timeout));
        match (&config.smtp_username, &config.smtp_password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (None, None) => {}
            _ => return Err("give both --smtp-username and --smtp-password, or neither".into()),
        }
        Ok(MailTransport::Smtp {
            smtp: builder.build(),
            timeout,
        })
    }

    /// Where mails go, for the start-up log (never the credentials).
    pub fn describe(&self) -> String {
        match self {
            MailTransport::Smtp { .. } => "SMTP".to_owned(),
            MailTransport::Files(dir) => format!(".eml files in {}", dir.display()),
        }
    }

    /// Hands `message` (outbox row `id`) over.
    pub async fn send(&self, id: &str, message: &Message) -> Result<(), SendError> {
        match self {
            MailTransport::Smtp { smtp, timeout } => {
                // lettre's own timeout bounds only the connect: a server that accepts and
                // then stalls would hold the sender, and the whole outbox, for good. A send
                // cut off here drops its connection: lettre's pool is not built in, as a
                // pooled connection given back mid-conversation would read the cut-off
                // mail's late answer as the next mail's.
                match tokio::time::timeout(*timeout, smtp.send(message.clone())).await {
                    Ok(sent) => sent.map(drop).map_err(|e| SendError {
                        permanent: e.is_permanent(),
                        message: e.to_string(),
                    }),
                    Err(_) => Err(SendError {
                        message: format!(
                            "the SMTP server did not finish within {} s",
                            timeout.as_secs()
                        ),
                        permanent: false,
                    }),
                }
            }
            MailTransport::Files(dir) => {
                write_file(dir, id, &message.formatted())
                    .await
                    .map_err(|e| SendError {
                        message: format!("cannot write to {}: {e}", dir.display()),
                        permanent: false,
                    })
            }
        }
    }
}

/// Writes `<id>.eml` whole or not at all: a reader never sees half a mail.
async fn write_file(dir: &std::path::Path, id: &str, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let partial = dir.join(format!(".{id}.eml.partial"));
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, dir.join(format!("{id}.eml"))).await
}
