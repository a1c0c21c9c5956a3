//! Queues the mails a new lead calls for (DOMAIN.md §7), in the caller's transaction:
//! the domain decides who hears of it and whether alone or in the day's digest; this
//! writes the outbox rows.

use chrono::{DateTime, NaiveDate, Utc};
use domain::Referral;
use domain::notifications::{self, Delivery, Recipient};
use sqlx::AnyConnection;
use uuid::Uuid;

use super::content::{LeadLine, MailContent};
use crate::db::mail_outbox::{self, MailKind, NewMail};
use crate::db::{self, DbError};

/// Writes the outbox rows for `referral`, which arrived in `organisation_id` at `now`
/// (nothing for a lead that is not emailed); returns how many recipients will hear of it.
pub async fn queue_new_lead(
    conn: &mut AnyConnection,
    organisation_id: &str,
    referral: &Referral,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    if !notifications::is_emailed(referral) {
        return Ok(0);
    }
    // Read in the lead's transaction: the profiles as they are when the lead is stored.
    let profiles = db::business_profiles::profiles(conn, organisation_id).await?;
    let people = mail_outbox::people(conn, organisation_id).await?;
    let recipients = notifications::recipients(referral, &profiles, &people);
    if recipients.is_empty() {
        tracing::warn!(organisation = %organisation_id, referral = %referral.id,
            "a new lead has nobody to email: no business profile matches and the organisation has no partner admin");
        return Ok(0);
    }
    let organisation = mail_outbox::organisation_name(conn, organisation_id).await?;
    let line = LeadLine::of(referral);
    let single = MailContent {
        organisation,
        leads: vec![line.clone()],
    };
    for recipient in &recipients {
        let today = now.date_naive();
        let already =
            mail_outbox::individual_count(conn, organisation_id, &recipient.address, today).await?;
        let Delivery::Digest { day, due } = notifications::delivery(already, now) else {
            let mail = Queued::new(organisation_id, recipient, MailKind::Lead, today, now);
            mail.write(conn, &single, now).await?;
            continue;
        };
        if let Some((id, stored)) =
            mail_outbox::open_digest(conn, organisation_id, &recipient.address, day).await?
        {
            let mut content = MailContent::from_json(&stored)
                .map_err(|e| DbError::Corrupt(format!("mail {id}: {e}")))?;
            content.leads.push(line.clone());
            if mail_outbox::update_open_digest(conn, &id, &content.to_json()).await? {
                continue;
            }
        }
        let kind =
            if mail_outbox::digest_exists(conn, organisation_id, &recipient.address, day).await? {
                // The day's digest is already being sent (a sender's clock ran ahead of
                // ours): this lead gets a mail of its own rather than none.
                MailKind::Lead
            } else {
                MailKind::Digest
            };
        let due = if kind == MailKind::Digest { due } else { now };
        Queued::new(organisation_id, recipient, kind, day, due)
            .write(conn, &single, now)
            .await?;
    }
    Ok(recipients.len())
}

/// One outbox row about to be written.
struct Queued<'a> {
    organisation_id: &'a str,
    recipient: &'a Recipient,
    kind: MailKind,
    day: NaiveDate,
    due_at: DateTime<Utc>,
}

impl<'a> Queued<'a> {
    fn new(
        organisation_id: &'a str,
        recipient: &'a Recipient,
        kind: MailKind,
        day: NaiveDate,
        due_at: DateTime<Utc>,
    ) -> Self {
        Queued {
            organisation_id,
            recipient,
            kind,
            day,
            due_at,
        }
    }

    async fn write(
        self,
        conn: &mut AnyConnection,
        content: &MailContent,
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        let id = Uuid::new_v4().simple().to_string();
        let message_id = super::message_id(&id);
        mail_outbox::insert(
            conn,
            NewMail {
                id: &id,
                organisation_id: self.organisation_id,
                recipient: &self.recipient.address,
                locale: self.recipient.locale,
                kind: self.kind,
                day: self.day,
                content: &content.to_json(),
                message_id: &message_id,
                due_at: self.due_at,
            },
            now,
        )
        .await
    }
}
