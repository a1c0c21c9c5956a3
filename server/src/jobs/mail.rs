//! Sends the mail outbox (lead emails, digests, invitations): claims due rows with a lease, hands each mail to the
//! transport, marks it sent; a failure is tried again later, backing off. Safe on
//! several instances at once: a row's claim is a conditional `UPDATE` only one wins.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::Mailbox;

use crate::db::{DbError, Pool, mail_outbox};
use crate::faults::{Fault, Faults};
use crate::live::Live;
use crate::mail::render::{message, render_outbox};
use crate::mail::{MailTransport, invitation, transport::SMTP_TIMEOUT};
use crate::metrics::Metrics;

/// How long a sender holds a claimed row: three times the longest an SMTP conversation
/// may take (the transport cuts it off there), so a row is taken again only when its
/// sender died.
pub const LEASE: Duration = Duration::from_secs(SMTP_TIMEOUT.as_secs() * 3);
/// Attempts before a mail is given up (its last error stays on the row).
pub const MAX_ATTEMPTS: i64 = 10;
/// Rows looked at per round.
const BATCH: i64 = 50;

/// Everything the sender needs, built once at start-up.
pub struct Mailer {
    pool: Pool,
    transport: MailTransport,
    from: Mailbox,
    public_url: String,
    faults: Faults,
    metrics: Arc<Metrics>,
}

/// What one round of sending did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SendReport {
    pub sent: usize,
    pub failed: usize,
}

impl Mailer {
    pub fn new(
        pool: Pool,
        transport: MailTransport,
        from: Mailbox,
        public_url: String,
        faults: Faults,
        metrics: Arc<Metrics>,
    ) -> Mailer {
        Mailer {
            pool,
            transport,
            from,
            public_url,
            faults,
            metrics,
        }
    }

    /// Records `mail` as done with (sent, or no longer to be sent), by the holder of its
    /// lease; an invitation's link was for its mail alone and is forgotten.
    async fn done_with(
        &self,
        mail: &mail_outbox::OutboxMail,
        lease_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        let forget = without_link(mail);
        mail_outbox::mark_sent(&self.pool, &mail.id, lease_until, now, forget.as_deref()).await
    }

    /// Whether `mail` is an invitation whose invitation can no longer be accepted.
    async fn invitation_withdrawn(
        &self,
        mail: &mail_outbox::OutboxMail,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        if mail.kind != mail_outbox::MailKind::Invitation {
            return Ok(false);
        }
        let Ok(content) = invitation::InvitationContent::from_json(&mail.content) else {
            return Ok(false);
        };
        let mut conn = self.pool.acquire().await?;
        let invitation = crate::db::invitations::find_by_token_hash(
            &mut conn,
            &crate::auth::token_hash(&content.token),
        )
        .await?;
        Ok(invitation.is_none_or(|invitation| invitation.life.acceptance_refusal(now).is_some()))
    }

    /// Sends every mail due by `now` that no other sender holds.
    pub async fn send_due(&self, now: DateTime<Utc>) -> Result<SendReport, DbError> {
        let mut report = SendReport::default();
        // A round may outlast a lease (each send may wait for SMTP's timeout): every
        // claim reads the clock again, so its lease runs from when it is taken.
        let started = Utc::now();
        loop {
            let due = mail_outbox::due_ids(&self.pool, now, MAX_ATTEMPTS, BATCH).await?;
            let mut claimed_any = false;
            for id in &due {
                let now = now + (Utc::now() - started);
                let lease_until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
                let Some(mail) =
                    mail_outbox::claim(&self.pool, id, now, lease_until, MAX_ATTEMPTS).await?
                else {
                    continue;
                };
                claimed_any = true;
                self.faults.trip(Fault::MailClaimed);
                if self.invitation_withdrawn(&mail, now).await? {
                    // Revoked (or used, or run out) since it was queued: telling a
                    // mistyped address of the organisation would serve nobody.
                    if !self.done_with(&mail, lease_until, now).await? {
                        lease_lost(&mail, "withdrawn");
                    }
                    continue;
                }
                match self.send(&mail).await {
                    Ok(()) => {
                        self.faults.trip(Fault::MailSent);
                        if !self.done_with(&mail, lease_until, now).await? {
                            lease_lost(&mail, "sent");
                        }
                        self.metrics.mail_sent(true);
                        report.sent += 1;
                    }
                    Err(error) => {
                        // A mail given up keeps no invitation link either: the invitation
                        // stays open for its week, and the table keeps only its hash.
                        let given_up = error.permanent || mail.attempts >= MAX_ATTEMPTS;
                        let forget = if given_up { without_link(&mail) } else { None };
                        let retry_at = if error.permanent {
                            // Refused for good: leave it with its error, tried no more.
                            tracing::error!(mail = %mail.id, %error, "a mail was refused for good");
                            None
                        } else {
                            tracing::warn!(mail = %mail.id, attempts = mail.attempts, %error, "a mail could not be sent; trying again later");
                            Some(now + backoff(mail.attempts))
                        };
                        let recorded = mail_outbox::mark_failed(
                            &self.pool,
                            &mail.id,
                            lease_until,
                            retry_at,
                            MAX_ATTEMPTS,
                            &error.message,
                            forget.as_deref(),
                        )
                        .await?;
                        if !recorded {
                            lease_lost(&mail, "failed");
                        }
                        self.metrics.mail_sent(false);
                        report.failed += 1;
                    }
                }
            }
            // A full batch may have left more; a round that claimed nothing would only repeat.
            if (due.len() as i64) < BATCH || !claimed_any {
                return Ok(report);
            }
        }
    }

    async fn send(
        &self,
        mail: &mail_outbox::OutboxMail,
    ) -> Result<(), crate::mail::transport::SendError> {
        let unsendable = |message: String| crate::mail::transport::SendError {
            message,
            permanent: true,
        };
        let rendered = render_outbox(mail, &self.public_url).map_err(unsendable)?;
        let message = message(mail, rendered, &self.from)
            .map_err(|e| unsendable(format!("cannot build the message: {e}")))?;
        self.transport.send(&mail.id, &message).await
    }
}

/// Says that `mail`'s outcome was not recorded: its lease ran out first (a send that
/// outlasted it, a clock jump), so another sender may have taken the row and send it too.
fn lease_lost(mail: &mail_outbox::OutboxMail, outcome: &str) {
    tracing::warn!(
        mail = %mail.id,
        outcome,
        "the mail's lease ran out before its outcome was recorded; another sender may send it again"
    );
}

/// An invitation mail's content without its link, to keep once the mail is done with
/// (sent or given up); `None` for any other mail.
fn without_link(mail: &mail_outbox::OutboxMail) -> Option<String> {
    (mail.kind == mail_outbox::MailKind::Invitation)
        .then(|| invitation::without_link(&mail.content))
        .flatten()
}

/// How long after its `attempts`-th failure a mail is tried again: 30 s, doubling, at
/// most an hour.
pub fn backoff(attempts: i64) -> chrono::Duration {
    let doublings = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    chrono::Duration::seconds(30 * 2_i64.pow(doublings)).min(chrono::Duration::hours(1))
}

/// Sends due mails now and then at least every `every` until the server stops, and
/// sooner when a mail (a digest, a retry) falls due before that.
pub async fn run_every(mailer: Arc<Mailer>, live: Arc<Live>, every: Duration) {
    let mut closing = live.closing();
    loop {
        match mailer.send_due(Utc::now()).await {
            Ok(report) if report != SendReport::default() => {
                tracing::info!(
                    sent = report.sent,
                    failed = report.failed,
                    "mail outbox sent"
                );
            }
            Ok(_) => {}
            // The next round tries again; a database outage must not stop the mail for good.
            Err(error) => tracing::error!(%error, "cannot send the mail outbox"),
        }
        let wait = match mail_outbox::next_due(&mailer.pool, MAX_ATTEMPTS).await {
            Ok(Some(due)) => (due - Utc::now())
                .to_std()
                .unwrap_or_default()
                .saturating_add(Duration::from_millis(50))
                // Never a busy loop while another instance holds a due row.
                .clamp(Duration::from_secs(1).min(every), every),
            Ok(None) => every,
            Err(error) => {
                tracing::error!(%error, "cannot read when the next mail falls due");
                every
            }
        };
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = closing.wait_for(|closing| *closing) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), chrono::Duration::seconds(30));
        assert_eq!(backoff(2), chrono::Duration::seconds(60));
        assert_eq!(backoff(7), chrono::Duration::seconds(1920));
        assert_eq!(backoff(8), chrono::Duration::hours(1));
        assert_eq!(backoff(50), chrono::Duration::hours(1));
    }

    #[test]
    fn the_lease_outlasts_an_smtp_conversation_comfortably() {
        assert!(LEASE >= SMTP_TIMEOUT * 3);
    }
}
